import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatements, PrismaBetterSqlite3WithStatementCache } from "./sqlite-statements";

// The real Prisma adapter, driven the way Prisma's engine drives it.
const text = { scalarType: "string", arity: "scalar" } as const;
const int = { scalarType: "int", arity: "scalar" } as const;

describe("Prisma's SQLite adapter with cached statements", () => {
  let dir: string;
  let adapter: SqlDriverAdapter;
  let prepared = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-stmts-"));
    const file = path.join(dir, "test.db");
    const setup = new Database(file);
    setup.exec(`CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY, "n" INTEGER NOT NULL)`);
    setup.close();
    const original = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, source: string) {
      prepared++;
      return original.call(this, source);
    } as typeof original;
    adapter = await new PrismaBetterSqlite3WithStatementCache({ url: file }).connect();
  });
  afterAll(async () => {
    await adapter.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: string, n: number) => adapter.executeRaw({ sql: `INSERT INTO "Note" ("id", "n") VALUES (?, ?)`, args: [id, n], argTypes: [text, int] });
  const select = (min: number) => adapter.queryRaw({ sql: `SELECT "id", "n" FROM "Note" WHERE "n" >= ? ORDER BY "n"`, args: [min], argTypes: [int] });

  it("prepares each SQL text once and binds each call's own parameters", async () => {
    const before = prepared;
    for (let i = 0; i < 5; i++) expect(await insert(`n${i}`, i)).toBe(1);
    expect((await select(3)).rows).toEqual([["n3", 3], ["n4", 4]]);
    expect((await select(1)).rows.map((r) => r[0])).toEqual(["n1", "n2", "n3", "n4"]);
    expect((await select(9)).rows).toEqual([]);
    expect(prepared - before).toBe(2);
  });

  it("keeps column names and types for readers, and errors as Prisma expects them", async () => {
    const result = await select(4);
    expect(result.columnNames).toEqual(["id", "n"]);
    await expect(insert("n0", 7)).rejects.toMatchObject({ cause: { kind: "UniqueConstraintViolation" } });
    expect((await select(0)).rows).toHaveLength(5);
  });

  it("runs transactions (BEGIN, COMMIT and ROLLBACK reuse their statements too)", async () => {
    for (const outcome of ["commit", "rollback", "commit"] as const) {
      const tx = await adapter.startTransaction();
      await tx.executeRaw({ sql: `INSERT INTO "Note" ("id", "n") VALUES (?, ?)`, args: [`tx-${outcome}-${Math.random()}`, 100], argTypes: [text, int] });
      await tx.executeRaw({ sql: outcome === "commit" ? "COMMIT" : "ROLLBACK", args: [], argTypes: [] });
      await (outcome === "commit" ? tx.commit() : tx.rollback());
    }
    expect((await select(100)).rows).toHaveLength(2);
  });

  it("leaves an adapter without a `client` untouched", () => {
    expect(cacheStatements({} as SqlDriverAdapter)).toBe(false);
  });
});
