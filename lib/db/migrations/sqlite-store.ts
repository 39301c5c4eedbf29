import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationFile } from "./files";
import type { AppliedMigration } from "./plan";
import type { MigrationStore } from "./store";

// Prisma's own definition of the history table for SQLite (schema-engine sqlite flavour).
// Timestamps are stored as epoch milliseconds, as Prisma writes them.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) a SQLite file with the pragmas the app relies on. */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets readers and the single writer work at the same time; the mode is stored in the file,
  // so every later connection (the Prisma adapter's too) gets it.
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

export class SqliteMigrationStore implements MigrationStore {
  readonly provider = "sqlite" as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSqlite(file);
  }

  // One process owns a SQLite database (several instances need PostgreSQL), and better-sqlite3
  // is synchronous, so there is nothing to race with inside this process.
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async ensureHistoryTable(): Promise<void> {
    this.db.exec(HISTORY_TABLE);
  }

  async readHistory(): Promise<AppliedMigration[]> {
    const rows = this.db
      .prepare(`SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name`)
      .all() as { id: string; migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown; logs: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.migration_name,
      checksum: r.checksum,
      finishedAt: toDate(r.finished_at),
      rolledBackAt: toDate(r.rolled_back_at),
      logs: r.logs,
    }));
  }

  async apply(migration: MigrationFile): Promise<void> {
    const id = randomUUID();
    this.db
      .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`)
      .run(id, migration.checksum, migration.name, Date.now());
    try {
      // Not wrapped in a transaction: Prisma's SQLite table rebuilds toggle PRAGMA foreign_keys,
      // which SQLite ignores inside a transaction.
      this.db.exec(migration.sql);
    } catch (error) {
      this.db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(String((error as Error).message ?? error), id);
      throw error;
    }
    this.db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(Date.now(), id);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
