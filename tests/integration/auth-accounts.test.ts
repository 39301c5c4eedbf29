import { beforeEach, describe, expect, it } from "vitest";
import { runProcedure, type RequestContext } from "@/lib/actions/procedure";
import { cachedAccountUser } from "@/lib/auth/account-cache";
import { authenticateWithPassword, findAccountUser, SIGN_IN_ACCOUNT_IP_LIMIT, SIGN_IN_ACCOUNT_LIMIT, type AccountUser } from "@/lib/auth/accounts";
import { changeRoleProcedure, signUpProcedure } from "@/lib/auth/procedures";
import { changeUserRole } from "@/lib/auth/users";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "foundation" });
let ipCounter = 0;
const anonymous = (): RequestContext => ({ getUser: async () => null, ip: `203.0.113.${++ipCounter}` });
const as = (user: AccountUser): RequestContext => ({ getUser: async () => user, ip: "198.51.100.1" });

async function signUp(email: string, password = "correct horse battery", name?: string) {
  return runProcedure(signUpProcedure, { email, password, name }, anonymous());
}

describe(`accounts on ${process.env.TEST_DB_PROVIDER}`, () => {
  beforeEach(() => testDb.reset());

  describe("sign-up", () => {
    it("makes the first account admin and the next ones learners, storing an argon2id hash", async () => {
      const first = await signUp("Ada@Example.com", "correct horse battery", "Ada");
      expect(first).toMatchObject({ ok: true, data: { email: "ada@example.com", name: "Ada", role: "admin" } });
      expect(await signUp("bob@example.com")).toMatchObject({ ok: true, data: { role: "learner" } });
      const stored = await testDb.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
      expect(stored.passwordHash).not.toContain("correct horse");
    });

    it("refuses a taken email (any letter case) at the email field and writes nothing", async () => {
      await signUp("ada@example.com");
      const again = await signUp("ADA@example.com ");
      expect(again).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: [expect.stringMatching(/already exists/)] } });
      expect(await testDb.db.user.count()).toBe(1);
    });

    it("refuses an invalid email and a short password field by field, writing nothing", async () => {
      const r = await signUp("not an email", "short");
      expect(r).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { email: [expect.stringMatching(/valid email/)], password: [expect.stringMatching(/at least 8/)] },
        values: { email: "not an email" },
      });
      expect(JSON.stringify(r)).not.toContain("short");
      expect(await testDb.db.user.count()).toBe(0);
    });

    it("gives exactly one admin when many people sign up at once", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => signUp(`racer${i}@example.com`)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await testDb.db.user.count({ where: { role: "admin" } })).toBe(1);
      expect(await testDb.db.user.count()).toBe(8);
    });
  });

  describe("password sign-in", () => {
    it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
      await signUp("cy@example.com", "right password");
      expect(await authenticateWithPassword("cy@example.com", "right password", "192.0.2.10")).toMatchObject({
        ok: true,
        user: { email: "cy@example.com" },
      });
      expect(await authenticateWithPassword("cy@example.com", "wrong password", "192.0.2.10")).toEqual({ ok: false, reason: "invalid_credentials" });
      expect(await authenticateWithPassword("nobody@example.com", "whatever", "192.0.2.10")).toEqual({ ok: false, reason: "invalid_credentials" });
    });

    it("makes an address wait after 5 wrong passwords for an account, even with the right one", async () => {
      await signUp("dee@example.com", "right password");
      for (let i = 0; i < SIGN_IN_ACCOUNT_IP_LIMIT.points; i++) {
        expect(await authenticateWithPassword("dee@example.com", `wrong ${i}`, "192.0.2.20")).toMatchObject({ reason: "invalid_credentials" });
      }
      const locked = await authenticateWithPassword("dee@example.com", "right password", "192.0.2.20");
      expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(locked.ok === false && locked.reason === "rate_limited" && locked.retryAfterSec).toBeGreaterThan(60);
    });

    it("does not let a stranger lock the owner out: their wrong passwords leave other addresses alone", async () => {
      await signUp("dot@example.com", "right password");
      for (let i = 0; i < SIGN_IN_ACCOUNT_IP_LIMIT.points + 3; i++) await authenticateWithPassword("dot@example.com", `wrong ${i}`, "192.0.2.66");
      expect(await authenticateWithPassword("dot@example.com", "right password", "192.0.2.66")).toMatchObject({ reason: "rate_limited" });
      expect(await authenticateWithPassword("dot@example.com", "right password", "198.51.100.23")).toMatchObject({ ok: true });
    });

    it("slows guessing spread over many addresses, but the owner's known devices still get in", async () => {
      await signUp("dan@example.com", "right password");
      // Four wrong passwords from each of five addresses: no address reaches its own limit.
      for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.points; i++) {
        const outcome = await authenticateWithPassword("dan@example.com", `wrong ${i}`, `192.0.2.${50 + Math.floor(i / 4)}`);
        expect(outcome, `guess ${i + 1}`).toMatchObject({ reason: "invalid_credentials" });
      }
      // A browser that never signed in to the account waits about an hour, wherever it is…
      const stranger = await authenticateWithPassword("dan@example.com", "right password", "198.51.100.50");
      expect(stranger).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(stranger.ok === false && stranger.reason === "rate_limited" && stranger.retryAfterSec).toBeGreaterThan(50 * 60);
      // …but the owner's laptop, which signed in before, is let through with the right password.
      expect(await authenticateWithPassword("dan@example.com", "right password", "198.51.100.51", { knownDevice: true })).toMatchObject({ ok: true });
      expect(await authenticateWithPassword("dan@example.com", "wrong again", "198.51.100.51", { knownDevice: true })).toMatchObject({ reason: "invalid_credentials" });
    });

    it("forgets earlier mistakes after a successful sign-in", async () => {
      await signUp("eve@example.com", "right password");
      for (let i = 0; i < 4; i++) await authenticateWithPassword("eve@example.com", "wrong", "192.0.2.30");
      expect((await authenticateWithPassword("eve@example.com", "right password", "192.0.2.30")).ok).toBe(true);
      for (let i = 0; i < 4; i++) await authenticateWithPassword("eve@example.com", "wrong", "192.0.2.30");
      expect((await authenticateWithPassword("eve@example.com", "right password", "192.0.2.30")).ok).toBe(true);
    });

    it("limits one address guessing across many accounts", async () => {
      const ip = "192.0.2.200";
      let outcome;
      for (let i = 0; i < 31; i++) outcome = await authenticateWithPassword(`guess${i}@example.com`, "x", ip);
      expect(outcome).toMatchObject({ ok: false, reason: "rate_limited" });
      // another address is unaffected
      expect(await authenticateWithPassword("guess0@example.com", "x", "192.0.2.201")).toMatchObject({ reason: "invalid_credentials" });
    });

    it.runIf(process.env.TEST_DB_PROVIDER === "postgresql")("keeps the limits in PostgreSQL, shared by every instance", async () => {
      await signUp("fay@example.com", "right password");
      for (let i = 0; i < SIGN_IN_ACCOUNT_IP_LIMIT.points; i++) await authenticateWithPassword("fay@example.com", "wrong", "192.0.2.40");
      // A second instance has no limiter objects of its own yet: drop this process's.
      (globalThis as { __lambdalabLimiters?: Map<string, unknown> }).__lambdalabLimiters = new Map();
      expect(await authenticateWithPassword("fay@example.com", "right password", "192.0.2.40")).toMatchObject({ reason: "rate_limited" });
      const rows = await testDb.db.rateLimit.findMany({ where: { key: { startsWith: "sign-in:account" } } });
      expect(rows.length).toBeGreaterThan(0);
    });
  });

  describe("roles", () => {
    it("only admins change roles", async () => {
      const admin = (await signUp("root@example.com")) as { ok: true; data: AccountUser };
      const learner = (await signUp("lea@example.com")) as { ok: true; data: AccountUser };
      expect(await runProcedure(changeRoleProcedure, { userId: admin.data.id, role: "learner" }, as(learner.data))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await runProcedure(changeRoleProcedure, { userId: learner.data.id, role: "instructor" }, as(admin.data))).toMatchObject({
        ok: true,
        data: { id: learner.data.id, role: "instructor" },
      });
      expect(await runProcedure(changeRoleProcedure, { userId: learner.data.id, role: "wizard" }, as(admin.data))).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { role: [expect.stringMatching(/learner, instructor, admin/)] },
      });
    });

    it("a role change reaches the person's next request at once, though signed-in requests cache roles for a few seconds", async () => {
      const admin = (await signUp("boss@example.com")) as { ok: true; data: AccountUser };
      const ivy = (await signUp("ivy@example.com")) as { ok: true; data: AccountUser };
      // What getCurrentUser() does on each request (lib/auth/session.ts).
      const nextRequest = () => cachedAccountUser(ivy.data.id, findAccountUser);
      expect(await nextRequest()).toMatchObject({ role: "learner" });
      // An edit straight in the database (or by another instance) shows after ACCOUNT_CACHE_TTL_MS …
      await testDb.db.user.update({ where: { id: ivy.data.id }, data: { role: "admin" } });
      expect(await nextRequest()).toMatchObject({ role: "learner" });
      // … a change through the app clears the cached answer at once.
      await runProcedure(changeRoleProcedure, { userId: ivy.data.id, role: "instructor" }, as(admin.data));
      expect(await nextRequest()).toMatchObject({ role: "instructor" });
    });

    it("never demotes the last admin", async () => {
      const admin = (await signUp("solo@example.com")) as { ok: true; data: AccountUser };
      const other = (await signUp("next@example.com")) as { ok: true; data: AccountUser };
      await expect(changeUserRole(admin.data.id, "learner")).rejects.toMatchObject({ code: "conflict", fieldErrors: { role: [expect.stringMatching(/only admin/)] } });
      await changeUserRole(other.data.id, "admin");
      expect(await changeUserRole(admin.data.id, "learner")).toMatchObject({ role: "learner" });
      await expect(changeUserRole("no-such-user", "admin")).rejects.toMatchObject({ code: "not_found" });
    });

    it("two admins demoting each other at once leave one admin", async () => {
      const a = (await signUp("a1@example.com")) as { ok: true; data: AccountUser };
      const b = (await signUp("b1@example.com")) as { ok: true; data: AccountUser };
      await changeUserRole(b.data.id, "admin");
      const results = await Promise.allSettled([changeUserRole(a.data.id, "learner"), changeUserRole(b.data.id, "learner")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await testDb.db.user.count({ where: { role: "admin" } })).toBe(1);
    });
  });
});
