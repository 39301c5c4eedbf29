import { redirect } from "next/navigation";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AccountUser } from "@/lib/auth/accounts";
import { ActionError, fieldError } from "./errors";
import { defineProcedure, runProcedure, type RequestContext } from "./procedure";

beforeAll(() => {
  // The rate limiter picks its store from DATABASE_URL; SQLite means in-memory limits.
  process.env.DATABASE_URL = "file:/tmp/lambdalab-procedure-test/never-opened.db";
});

const learner: AccountUser = { id: "u1", email: "l@example.com", name: null, role: "learner" };
const admin: AccountUser = { id: "u2", email: "a@example.com", name: null, role: "admin" };
const as = (user: AccountUser | null, ip = "198.51.100.7"): RequestContext => ({ getUser: async () => user, ip });

const input = z.object({ title: z.string().min(3, "At least 3 characters."), password: z.string().optional() });

describe("runProcedure", () => {
  it("refuses anonymous callers before looking at the input", async () => {
    const handler = vi.fn();
    const p = defineProcedure({ name: "t.auth", input, handler });
    const r = await runProcedure(p, { title: "x" }, as(null));
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets anyone call a public procedure", async () => {
    const p = defineProcedure({ name: "t.public", public: true, input, handler: async (i, ctx) => ({ title: i.title, who: ctx.user?.id ?? null }) });
    expect(await runProcedure(p, { title: "hello" }, as(null))).toEqual({ ok: true, data: { title: "hello", who: null } });
  });

  it("returns field errors for invalid input, echoes what was typed except secrets, and calls nothing", async () => {
    const handler = vi.fn();
    const p = defineProcedure({ name: "t.validate", input, handler });
    const r = await runProcedure(p, { title: "x", password: "hunter22" }, as(learner));
    expect(r).toEqual({
      ok: false,
      code: "invalid",
      error: "At least 3 characters.",
      fieldErrors: { title: ["At least 3 characters."] },
      values: { title: "x" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a role that is not allowed, and allows one that is", async () => {
    const handler = vi.fn(async () => "done");
    const p = defineProcedure({ name: "t.roles", input, roles: ["admin"], handler });
    expect(await runProcedure(p, { title: "abc" }, as(learner))).toMatchObject({ ok: false, code: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
    expect(await runProcedure(p, { title: "abc" }, as(admin))).toEqual({ ok: true, data: "done" });
  });

  it("rate-limits per user, with a retry time", async () => {
    const p = defineProcedure({
      name: "t.limit",
      input,
      rateLimit: { name: "user", points: 2, durationSec: 60 },
      handler: async () => "ok",
    });
    expect((await runProcedure(p, { title: "abc" }, as(learner))).ok).toBe(true);
    expect((await runProcedure(p, { title: "abc" }, as(learner))).ok).toBe(true);
    const third = await runProcedure(p, { title: "abc" }, as(learner));
    expect(third).toMatchObject({ ok: false, code: "rate_limited" });
    expect(third.ok === false && third.retryAfterSec).toBeGreaterThan(0);
    // another user has their own budget
    expect((await runProcedure(p, { title: "abc" }, as(admin))).ok).toBe(true);
  });

  it("spends a failuresOnly budget only on calls that fail", async () => {
    let succeed = true;
    const p = defineProcedure({
      name: "t.guess",
      input,
      rateLimit: { name: "ip", points: 2, durationSec: 60, by: "ip", failuresOnly: true },
      handler: async () => {
        if (!succeed) throw fieldError("title", "Wrong code.");
        return "joined";
      },
    });
    for (let i = 0; i < 5; i++) expect((await runProcedure(p, { title: "abc" }, as(learner))).ok).toBe(true);
    succeed = false;
    expect(await runProcedure(p, { title: "abc" }, as(learner))).toMatchObject({ ok: false, code: "invalid" });
    expect(await runProcedure(p, { title: "abc" }, as(learner))).toMatchObject({ ok: false, code: "invalid" });
    expect(await runProcedure(p, { title: "abc" }, as(learner))).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("turns an ActionError from the service into a failure with its field errors", async () => {
    const p = defineProcedure({
      name: "t.conflict",
      input,
      handler: async () => {
        throw fieldError("title", "That title is taken.", "conflict");
      },
    });
    expect(await runProcedure(p, { title: "abc" }, as(learner))).toMatchObject({
      ok: false,
      code: "conflict",
      error: "That title is taken.",
      fieldErrors: { title: ["That title is taken."] },
    });
  });

  it("hides unexpected errors behind a generic message (details go to the server log)", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const p = defineProcedure({
      name: "t.crash",
      input,
      handler: async () => {
        throw new Error("SQLITE_CORRUPT at /srv/data/secret-path.db");
      },
    });
    const r = await runProcedure(p, { title: "abc" }, as(learner));
    expect(r).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(r)).not.toContain("SQLITE");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("lets redirect() through (Next.js control flow, not a failure)", async () => {
    const p = defineProcedure({ name: "t.redirect", input, handler: async () => redirect("/dashboard") });
    await expect(runProcedure(p, { title: "abc" }, as(learner))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });

  it("keeps ActionError's retry time", async () => {
    const p = defineProcedure({
      name: "t.retry",
      input,
      handler: async () => {
        throw new ActionError("rate_limited", "Slow down.", {}, 42);
      },
    });
    expect(await runProcedure(p, { title: "abc" }, as(learner))).toMatchObject({ code: "rate_limited", retryAfterSec: 42 });
  });
});
