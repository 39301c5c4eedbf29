import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb, MigrationError, migrateDatabase, resolveDatabaseConfig } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations/files";
import { openMigrationStore } from "@/lib/db/migrations/runner";
import { migrationsDir } from "@/lib/db/paths";
import { createEmptyDatabase, testProvider } from "./helpers/database";

const provider = testProvider();
const codeMigrations = readMigrations(migrationsDir(provider), provider).map((m) => m.name);
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await closeDb();
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDatabase() {
  const empty = await createEmptyDatabase("foundation", provider);
  cleanups.push(empty.drop);
  process.env.DATABASE_URL = empty.url;
  return resolveDatabaseConfig();
}

async function history(config: ReturnType<typeof resolveDatabaseConfig>) {
  const store = await openMigrationStore(config);
  try {
    return await store.readHistory();
  } finally {
    await store.close();
  }
}

async function insertHistoryRow(config: ReturnType<typeof resolveDatabaseConfig>, name: string) {
  const db = getDb();
  if (provider === "sqlite") {
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('future-id', 'x', ?, ?, ?, 1)`,
      name,
      Date.now(),
      Date.now(),
    );
  } else {
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('future-id', 'x', $1, now(), now(), 1)`,
      name,
    );
  }
}

describe(`migrations on ${provider}`, () => {
  it("applies every migration to an empty database, then nothing on the next run", async () => {
    const config = await freshDatabase();
    expect((await migrateDatabase(config)).applied).toEqual(codeMigrations);
    expect((await migrateDatabase(config)).applied).toEqual([]);
    const rows = await history(config);
    expect(rows.map((r) => r.name)).toEqual(codeMigrations);
    expect(rows.every((r) => r.finishedAt instanceof Date && r.rolledBackAt === null)).toBe(true);
    // the checksum is Prisma's: sha256 of migration.sql
    const files = readMigrations(migrationsDir(provider), provider);
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
  });

  it("gives a working Prisma client afterwards", async () => {
    const config = await freshDatabase();
    await migrateDatabase(config);
    const db = getDb();
    const user = await db.user.create({ data: { email: "probe@example.com" } });
    expect(user.role).toBe("learner");
    expect(await db.user.count()).toBe(1);
    if (provider === "sqlite") {
      expect(await db.$queryRawUnsafe(`PRAGMA journal_mode`)).toEqual([{ journal_mode: "wal" }]);
      const [{ timeout }] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>(`PRAGMA busy_timeout`);
      expect(Number(timeout)).toBe(5000);
    }
  });

  it("refuses a database that has migrations the code does not know", async () => {
    const config = await freshDatabase();
    await migrateDatabase(config);
    await insertHistoryRow(config, "29991231000000_from_the_future");
    const error = await migrateDatabase(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe("database-newer-than-code");
    expect((error as Error).message).toMatch(/29991231000000_from_the_future.*newer version/);
  });

  it("records a failing migration and says which one failed", async () => {
    const config = await freshDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-broken-migrations-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(migrationsDir(provider), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(path.join(dir, "29990101000000_broken/migration.sql"), `CREATE TABLE "Half" (id INTEGER);\nTHIS IS NOT SQL;\n`);

    const first = await migrateDatabase(config, { dir }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(MigrationError);
    expect((first as MigrationError).code).toBe("apply-failed");
    expect((first as Error).message).toMatch(/^Migration 29990101000000_broken failed: /);

    const second = await migrateDatabase(config, { dir }).catch((e: unknown) => e);
    if (provider === "sqlite") {
      // No transaction on SQLite: the database may be half-migrated, so it is refused until repaired.
      expect((second as MigrationError).code).toBe("failed-migration");
      expect((second as Error).message).toMatch(/29990101000000_broken failed earlier .*rolled_back_at/);
    } else {
      // PostgreSQL rolled the whole migration back: the next start simply tries again.
      expect((second as MigrationError).code).toBe("apply-failed");
      const rows = await history(config);
      expect(rows.filter((r) => r.name === "29990101000000_broken").every((r) => r.rolledBackAt !== null)).toBe(true);
    }
  });

  it.runIf(provider === "postgresql")("two instances starting together migrate once", async () => {
    const config = await freshDatabase();
    const [a, b] = await Promise.all([migrateDatabase(config), migrateDatabase(config)]);
    expect([...a.applied, ...b.applied]).toEqual(codeMigrations);
    expect((await history(config)).length).toBe(codeMigrations.length);
  });
});
