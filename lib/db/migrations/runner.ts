import type { DatabaseConfig } from "../config";
import { migrationsDir } from "../paths";
import { readMigrations, type MigrationFile } from "./files";
import { planMigrations } from "./plan";
import { PostgresMigrationStore } from "./postgres-store";
import { SqliteMigrationStore } from "./sqlite-store";
import type { MigrationStore } from "./store";

export type MigrationErrorCode = "database-newer-than-code" | "failed-migration" | "apply-failed";

/** A migration problem with a message a person running the app can act on. */
export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface MigrateResult {
  applied: string[];
  /** Non-fatal findings, e.g. an applied migration whose file was edited afterwards. */
  warnings: string[];
}

function firstLine(text: string | null | undefined): string {
  return (text ?? "").split("\n").find((l) => l.trim())?.trim() ?? "unknown error";
}

/** Brings a database up to date with the migrations in the code, refusing when it cannot do so safely. */
export async function runMigrations(store: MigrationStore, files: MigrationFile[]): Promise<MigrateResult> {
  return store.withLock(async () => {
    await store.ensureHistoryTable();
    const plan = planMigrations(files, await store.readHistory());
    if (plan.unknown.length > 0) {
      throw new MigrationError(
        "database-newer-than-code",
        `The database has ${plan.unknown.length} migration(s) this version of Lambda Lab does not know ` +
          `(${plan.unknown.join(", ")}): it was upgraded by a newer version. Run that newer version, ` +
          `or restore a backup taken before the upgrade.`,
      );
    }
    if (plan.failed.length > 0) {
      const f = plan.failed[0];
      throw new MigrationError(
        "failed-migration",
        `Migration ${f.name} failed earlier (${firstLine(f.logs)}) and may have left the database half-migrated. ` +
          `Restore a backup, or repair the database by hand and then mark it rolled back: ` +
          `UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE id = '${f.id}';`,
      );
    }
    const applied: string[] = [];
    for (const migration of plan.pending) {
      try {
        await store.apply(migration);
      } catch (error) {
        throw new MigrationError("apply-failed", `Migration ${migration.name} failed: ${firstLine((error as Error).message)}`);
      }
      applied.push(migration.name);
    }
    const warnings = plan.edited.map(
      (name) => `Migration ${name} was edited after it was applied; the database keeps the original. Write a new migration instead.`,
    );
    return { applied, warnings };
  });
}

export async function openMigrationStore(config: DatabaseConfig): Promise<MigrationStore> {
  return config.provider === "sqlite" ? new SqliteMigrationStore(config.file) : PostgresMigrationStore.connect(config.url);
}

/** Applies the code's migrations for the configured provider (what `npm run db:migrate` and start-up call). */
export async function migrateDatabase(config: DatabaseConfig, options: { dir?: string } = {}): Promise<MigrateResult> {
  const files = readMigrations(options.dir ?? migrationsDir(config.provider), config.provider);
  const store = await openMigrationStore(config);
  try {
    return await runMigrations(store, files);
  } finally {
    await store.close();
  }
}
