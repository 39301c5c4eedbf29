import { randomUUID } from "node:crypto";
import pg from "pg";
import type { MigrationFile } from "./files";
import type { AppliedMigration } from "./plan";
import type { MigrationStore } from "./store";

// Prisma's own definition of the history table for PostgreSQL.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock key Prisma's schema engine takes while migrating PostgreSQL, so this runner
// and `prisma migrate deploy` (or two Lambda Lab instances starting together) never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

export class PostgresMigrationStore implements MigrationStore {
  readonly provider = "postgresql" as const;

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PostgresMigrationStore> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    // An idle-connection error must not crash the process; the next query reports it.
    client.on("error", () => {});
    await client.connect();
    return new PostgresMigrationStore(client);
  }

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      return await fn();
    } finally {
      await this.client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    }
  }

  async ensureHistoryTable(): Promise<void> {
    await this.client.query(HISTORY_TABLE);
  }

  async readHistory(): Promise<AppliedMigration[]> {
    const { rows } = await this.client.query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
    }>(`SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
    return rows.map((r) => ({
      id: r.id,
      name: r.migration_name,
      checksum: r.checksum,
      finishedAt: r.finished_at,
      rolledBackAt: r.rolled_back_at,
      logs: r.logs,
    }));
  }

  async apply(migration: MigrationFile): Promise<void> {
    const id = randomUUID();
    // PostgreSQL DDL is transactional: a failing migration leaves no half-applied schema. The
    // failure is still recorded (as rolled back, so it does not block the next attempt).
    try {
      await this.client.query("BEGIN");
      await this.client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      await this.client.query(migration.sql);
      await this.client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      await this.client
        .query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at) VALUES ($1, $2, $3, $4, now(), now())`,
          [id, migration.checksum, migration.name, String((error as Error).message ?? error)],
        )
        .catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
