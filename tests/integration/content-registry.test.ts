import { beforeEach, describe, expect, it } from "vitest";
import { loadBuiltInContent, type ContentLoader } from "@/lib/content";
import { setupTestDatabase, testProvider } from "./helpers/database";

const testDb = setupTestDatabase({ area: "foundation" });

function counterLoader(id: string, state: { fingerprint: string; rows: string[] }): ContentLoader {
  return {
    id,
    description: `test loader ${id}`,
    fingerprint: () => state.fingerprint,
    // idempotent: adds a row only if it is not there yet
    async load({ db }) {
      const key = `probe:${id}:${state.fingerprint}`;
      if (await db.setting.findUnique({ where: { key } })) return { added: 0 };
      await db.setting.create({ data: { key, value: "x" } });
      state.rows.push(key);
      return { added: 1 };
    },
  };
}

const ctx = () => ({ db: testDb.db, root: process.cwd(), log: () => {} });

describe("content loader registry", () => {
  beforeEach(() => testDb.reset());

  it("loads on the first start and adds nothing on the second", async () => {
    const state = { fingerprint: "v1", rows: [] as string[] };
    const loaders = [counterLoader("decks", state)];
    expect(await loadBuiltInContent(loaders, ctx())).toEqual([{ id: "decks", status: "loaded", added: 1 }]);
    expect(await loadBuiltInContent(loaders, ctx())).toEqual([{ id: "decks", status: "unchanged", added: 0 }]);
    expect(state.rows).toHaveLength(1);
  });

  it("runs a loader again when its content changes", async () => {
    const state = { fingerprint: "v1", rows: [] as string[] };
    await loadBuiltInContent([counterLoader("labs", state)], ctx());
    state.fingerprint = "v2";
    expect(await loadBuiltInContent([counterLoader("labs", state)], ctx())).toEqual([{ id: "labs", status: "loaded", added: 1 }]);
  });

  it("reports a failing loader, still runs the others, and retries it next time", async () => {
    let fail = true;
    const flaky: ContentLoader = {
      id: "flaky",
      description: "fails once",
      fingerprint: () => "f1",
      async load() {
        if (fail) throw new Error("content/decks/x.yaml:3:1: expected a front");
        return { added: 2 };
      },
    };
    const ok = counterLoader("ok", { fingerprint: "v1", rows: [] });
    const first = await loadBuiltInContent([flaky, ok], ctx());
    expect(first).toEqual([
      { id: "flaky", status: "failed", added: 0, error: "content/decks/x.yaml:3:1: expected a front" },
      { id: "ok", status: "loaded", added: 1 },
    ]);
    fail = false;
    expect((await loadBuiltInContent([flaky, ok], ctx())).map((r) => r.status)).toEqual(["loaded", "unchanged"]);
  });

  it("reports the first line of an error that says something (Prisma's start with a blank line)", async () => {
    const prismaLike: ContentLoader = {
      id: "prisma-like",
      description: "throws like Prisma",
      fingerprint: () => "p1",
      async load() {
        throw new Error("\nInvalid `prisma.note.create()` invocation:\n\nUnique constraint failed on the fields: (`key`)");
      },
    };
    expect(await loadBuiltInContent([prismaLike], ctx())).toEqual([
      { id: "prisma-like", status: "failed", added: 0, error: "Invalid `prisma.note.create()` invocation:" },
    ]);
  });

  it.runIf(testProvider() === "postgresql")("loads once when several instances start at the same time", async () => {
    let loads = 0;
    // Not idempotent on purpose, and slow: without the lock both runs would load.
    const slow: ContentLoader = {
      id: "slow",
      description: "slow loader",
      fingerprint: () => "s1",
      async load() {
        loads++;
        await new Promise((r) => setTimeout(r, 300));
        return { added: 1 };
      },
    };
    const [a, b] = await Promise.all([loadBuiltInContent([slow], ctx()), loadBuiltInContent([slow], ctx())]);
    expect([a[0].status, b[0].status].sort()).toEqual(["loaded", "unchanged"]);
    expect(loads).toBe(1);
  });

  it("refuses two loaders with the same id", async () => {
    const s = { fingerprint: "v", rows: [] };
    await expect(loadBuiltInContent([counterLoader("a", s), counterLoader("a", s)], ctx())).rejects.toThrow(/share the id "a"/);
  });
});
