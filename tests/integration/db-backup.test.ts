// npm run db:backup: a copy taken while the app has the database open holds what was written,
// and restores into a working database (README, "Backups").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, defaultBackupFile } from "@/lib/db/backup";
import { createEmptyDatabase, setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "foundation_backup" });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hasPgTools = spawnSync("pg_restore", ["--version"]).status === 0;

describe(`db:backup on ${process.env.TEST_DB_PROVIDER}`, () => {
  it("names backups by time under DATA_DIR/backups, by provider", () => {
    const at = new Date("2026-11-26T19:05:09.123Z");
    expect(defaultBackupFile({ provider: "sqlite", file: "/x.db", url: "file:/x.db" }, at, { DATA_DIR: "/srv/lab" })).toBe(
      "/srv/lab/backups/lambdalab-20261126-190509Z.db",
    );
    expect(defaultBackupFile({ provider: "postgresql", url: "postgresql://h/db" }, at, { DATA_DIR: "/srv/lab" })).toBe(
      "/srv/lab/backups/lambdalab-20261126-190509Z.dump",
    );
  });

  it.runIf(process.env.TEST_DB_PROVIDER === "sqlite")("copies a SQLite database that is open and being written to", async () => {
    await testDb.db.user.create({ data: { email: "before@example.com" } });
    // Another connection writing while the backup runs (as the running app would).
    const writer = new Database(testDb.config.provider === "sqlite" ? testDb.config.file : "");
    const file = path.join(dir, "copy.db");
    try {
      const backup = backupDatabase(testDb.config, file);
      writer.prepare(`INSERT INTO "User" (id, email, role, createdAt, updatedAt) VALUES ('w1', 'during@example.com', 'learner', 0, 0)`).run();
      const result = await backup;
      expect(result.bytes).toBeGreaterThan(0);
    } finally {
      writer.close();
    }
    const copy = new Database(file, { readonly: true });
    try {
      const emails = copy.prepare(`SELECT email FROM "User" ORDER BY email`).all() as { email: string }[];
      expect(emails.map((r) => r.email)).toContain("before@example.com");
      expect(copy.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get()).toMatchObject({ n: expect.any(Number) });
    } finally {
      copy.close();
    }
  });

  it.runIf(process.env.TEST_DB_PROVIDER === "postgresql" && hasPgTools)("dumps PostgreSQL with pg_dump and restores with pg_restore", async () => {
    await testDb.db.user.create({ data: { email: "kept@example.com", name: "Kept" } });
    const file = path.join(dir, "copy.dump");
    await backupDatabase(testDb.config, file);
    const target = await createEmptyDatabase("foundation_restore", "postgresql");
    try {
      const restore = spawnSync("pg_restore", ["--no-owner", `--dbname=${target.url}`, file], { encoding: "utf8" });
      expect(restore.status, restore.stderr).toBe(0);
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT email, name FROM "User"`);
        expect(rows).toEqual([{ email: "kept@example.com", name: "Kept" }]);
      } finally {
        await client.end();
      }
    } finally {
      await target.drop();
    }
  });

  it("refuses to overwrite an existing file and explains a missing database", async () => {
    const existing = path.join(dir, "exists.bak");
    fs.writeFileSync(existing, "keep me");
    await expect(backupDatabase(testDb.config, existing)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
    await expect(backupDatabase({ provider: "sqlite", file: path.join(dir, "missing.db"), url: "file:x" }, path.join(dir, "m.bak"))).rejects.toThrow(
      BackupError,
    );
  });
});
