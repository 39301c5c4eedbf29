import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgTimestampText, queryText, readRowsFrom, RowShapeError, sql, sqliteDateText, sqliteRowSource, type RowSource } from "./rows";

describe("sql and queryText", () => {
  it("binds every value as a parameter, numbered for PostgreSQL", () => {
    const q = sql`SELECT "id" FROM "Card" WHERE "ownerId" = ${"u1"} AND "due" < ${new Date(0)} LIMIT ${5}`;
    expect(q.values).toEqual(["u1", new Date(0), 5]);
    expect(queryText(q, () => "?")).toBe(`SELECT "id" FROM "Card" WHERE "ownerId" = ? AND "due" < ? LIMIT ?`);
    expect(queryText(q, (i) => `$${i}`)).toBe(`SELECT "id" FROM "Card" WHERE "ownerId" = $1 AND "due" < $2 LIMIT $3`);
  });

  it("writes dates as Prisma stores them on each database", () => {
    const d = new Date("2026-03-02T09:05:07.089Z");
    expect(sqliteDateText(d)).toBe("2026-03-02T09:05:07.089+00:00");
    expect(pgTimestampText(d)).toBe("2026-03-02 09:05:07.089");
  });
});

describe("readRows on SQLite", () => {
  let dir: string;
  let source: RowSource;
  const t0 = new Date("2026-03-02T09:00:00.000Z");

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-rows-"));
    const file = path.join(dir, "test.db");
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    // The column types Prisma's SQLite migrations use.
    db.exec(`CREATE TABLE "Card" ("id" TEXT NOT NULL PRIMARY KEY, "state" INTEGER NOT NULL, "suspended" BOOLEAN NOT NULL DEFAULT false,
      "stability" REAL NOT NULL, "due" DATETIME NOT NULL, "buriedUntil" DATETIME)`);
    const insert = db.prepare(`INSERT INTO "Card" VALUES (?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < 5; i++) insert.run(`c${i}`, i % 3, i === 4 ? 1 : 0, i + 0.5, sqliteDateText(new Date(t0.getTime() + i * 60_000)), i === 1 ? sqliteDateText(t0) : null);
    db.close();
    source = sqliteRowSource(file, 1000);
  });
  afterAll(() => {
    source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads typed rows, with dates, booleans and NULLs as Prisma would return them", async () => {
    const rows = await readRowsFrom(source, sql`SELECT "id", "state", "suspended", "stability", "due", "buriedUntil" FROM "Card" ORDER BY "id"`, {
      id: "text",
      state: "number",
      suspended: "boolean",
      stability: "number",
      due: "date",
      buriedUntil: "date?",
    });
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual({ id: "c1", state: 1, suspended: false, stability: 1.5, due: new Date(t0.getTime() + 60_000), buriedUntil: t0 });
    expect(rows[4]).toMatchObject({ id: "c4", suspended: true, buriedUntil: null });
  });

  it("compares bound dates and booleans the way the stored text compares", async () => {
    const cut = new Date(t0.getTime() + 2 * 60_000);
    const q = (before: Date, suspended: boolean) => sql`SELECT "id" FROM "Card" WHERE "due" < ${before} AND "suspended" = ${suspended} ORDER BY "id"`;
    expect((await readRowsFrom(source, q(cut, false), { id: "text" })).map((r) => r.id)).toEqual(["c0", "c1"]);
    expect((await readRowsFrom(source, q(new Date(t0.getTime() + 3_600_000), true), { id: "text" })).map((r) => r.id)).toEqual(["c4"]);
  });

  it("maps columns by name when the SELECT lists them in another order", async () => {
    const rows = await readRowsFrom(source, sql`SELECT "state", "id" FROM "Card" WHERE "id" = ${"c2"}`, { id: "text", state: "number" });
    expect(rows).toEqual([{ id: "c2", state: 2 }]);
  });

  it("says which column is wrong instead of returning garbage", async () => {
    await expect(readRowsFrom(source, sql`SELECT "id" FROM "Card"`, { id: "text", nope: "text" })).rejects.toThrow(RowShapeError);
    await expect(readRowsFrom(source, sql`SELECT "buriedUntil" FROM "Card" WHERE "id" = ${"c0"}`, { buriedUntil: "date" })).rejects.toThrow(/NULL.*date\?/);
  });

  it("is read-only", async () => {
    await expect(readRowsFrom(source, sql`DELETE FROM "Card"`, {})).rejects.toThrow();
    expect(await readRowsFrom(source, sql`SELECT COUNT(*) AS "n" FROM "Card"`, { n: "number" })).toEqual([{ n: 5 }]);
  });
});
