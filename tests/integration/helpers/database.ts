// A fresh, migrated database for an integration test file — SQLite or PostgreSQL.
//
//   import { setupTestDatabase } from "@/tests/integration/helpers/database";
//   const testDb = setupTestDatabase({ area: "study" });   // registers beforeAll/afterAll
//   it("…", async () => { await testDb.db.user.create({ … }) });
//
// The provider comes from TEST_DB_PROVIDER, which vitest.config.ts sets per project: the
// "integration" project runs on a SQLite file in the temp folder; "integration-postgresql" (only
// when TEST_DATABASE_URL is set) runs the same files on a new PostgreSQL database named
// lambdalab_<area>_test_<random>, created from TEST_DATABASE_URL's server and dropped afterwards.
// DATABASE_URL is pointed at it, so getDb() and every service under test use it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb, migrateDatabase, resolveDatabaseConfig, type DatabaseConfig, type DatabaseProvider, type Db } from "@/lib/db";

export interface TestDatabase {
  provider: DatabaseProvider;
  /** The DATABASE_URL of this test database. */
  url: string;
  config: DatabaseConfig;
  /** getDb() for this database. */
  db: Db;
  /** Empties every table (keeps the schema and _prisma_migrations). */
  reset(): Promise<void>;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  drop(): Promise<void>;
}

export function testProvider(env = process.env): DatabaseProvider {
  return env.TEST_DB_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
}

function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB_PROVIDER=postgresql needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  return url;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requireTestDatabaseUrl(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (no migrations applied) and returns its DATABASE_URL. */
export async function createEmptyDatabase(area: string, provider = testProvider()): Promise<{ url: string; drop(): Promise<void> }> {
  const suffix = randomBytes(4).toString("hex");
  const safeArea = area.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lambdalab-${safeArea}-`));
    return { url: `file:${path.join(dir, "test.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `lambdalab_${safeArea}_test_${suffix}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(requireTestDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Creates and migrates a database and points DATABASE_URL (and so getDb()) at it. */
export async function createTestDatabase(options: { area: string; provider?: DatabaseProvider }): Promise<TestDatabase> {
  const provider = options.provider ?? testProvider();
  const empty = await createEmptyDatabase(options.area, provider);
  process.env.DATABASE_URL = empty.url;
  const config = resolveDatabaseConfig();
  await migrateDatabase(config);
  const db = getDb();
  return {
    provider,
    url: empty.url,
    config,
    db,
    reset: () => resetTables(db, provider),
    drop: async () => {
      await closeDb();
      await empty.drop();
    },
  };
}

async function resetTables(db: Db, provider: DatabaseProvider): Promise<void> {
  if (provider === "sqlite") {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
    );
    await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
    for (const { name } of rows) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    return;
  }
  const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length) await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
}

/**
 * Registers beforeAll/afterAll hooks giving the test file its own migrated database. The returned
 * object is filled in by beforeAll: read its fields inside tests, not at module level.
 */
export function setupTestDatabase(options: { area: string; provider?: DatabaseProvider }): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(handle, await createTestDatabase(options));
  });
  afterAll(async () => {
    await handle.drop?.();
  });
  return handle;
}
