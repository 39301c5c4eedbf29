import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountUser } from "./accounts";

// The cache follows getDb(): a stand-in client per "database", no real connection.
const current = vi.hoisted(() => ({ db: { name: "first" } as object }));
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));

const { ACCOUNT_CACHE_TTL_MS, cachedAccountUser, forgetAccountUser } = await import("./account-cache");

const ada: AccountUser = { id: "u1", email: "ada@example.com", name: "Ada", role: "learner" };

function store(initial: AccountUser | null) {
  const db = { user: initial, reads: 0 };
  const load = async (id: string) => {
    db.reads++;
    return db.user && db.user.id === id ? { ...db.user } : null;
  };
  return { db, load };
}

beforeEach(() => {
  current.db = { name: Math.random() }; // a fresh cache per test
});

describe("cachedAccountUser", () => {
  it("reads the database once per TTL", async () => {
    const { db, load } = store(ada);
    const now = Date.now();
    expect(await cachedAccountUser("u1", load, now)).toEqual(ada);
    expect(await cachedAccountUser("u1", load, now + ACCOUNT_CACHE_TTL_MS - 1)).toEqual(ada);
    expect(db.reads).toBe(1);
    db.user = { ...ada, role: "instructor" };
    expect(await cachedAccountUser("u1", load, now + ACCOUNT_CACHE_TTL_MS)).toMatchObject({ role: "instructor" });
    expect(db.reads).toBe(2);
  });

  it("sees a role change at once after forgetAccountUser", async () => {
    const { db, load } = store(ada);
    await cachedAccountUser("u1", load);
    db.user = { ...ada, role: "admin" };
    forgetAccountUser("u1");
    expect(await cachedAccountUser("u1", load)).toMatchObject({ role: "admin" });
  });

  it("does not keep an answer read before a forget (a role change racing a request)", async () => {
    const { db, load } = store(ada);
    let release!: () => void;
    const slow = async (id: string) => {
      const before = await load(id); // reads the old role …
      await new Promise<void>((r) => (release = r));
      return before; // … and answers after the change
    };
    const pending = cachedAccountUser("u1", slow);
    await vi.waitFor(() => expect(release).toBeTypeOf("function"));
    db.user = { ...ada, role: "instructor" };
    forgetAccountUser("u1");
    release();
    expect(await pending).toMatchObject({ role: "learner" }); // that request saw the old role
    expect(await cachedAccountUser("u1", load)).toMatchObject({ role: "instructor" }); // the next does not
  });

  it("remembers a deleted account as signed out for the TTL too", async () => {
    const { db, load } = store(null);
    expect(await cachedAccountUser("u1", load)).toBeNull();
    expect(await cachedAccountUser("u1", load)).toBeNull();
    expect(db.reads).toBe(1);
  });

  it("starts empty when getDb() switches database", async () => {
    const { db, load } = store(ada);
    await cachedAccountUser("u1", load);
    current.db = { name: "second" };
    await cachedAccountUser("u1", load);
    expect(db.reads).toBe(2);
  });
});
