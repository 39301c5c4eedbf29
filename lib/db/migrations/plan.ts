import { checksumMatches, type MigrationFile } from "./files";

/** One row of Prisma's _prisma_migrations table. */
export interface AppliedMigration {
  id: string;
  name: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
}

export interface MigrationPlan {
  /** In the code, not yet applied — to apply, in order. */
  pending: MigrationFile[];
  /** Applied to the database but absent from the code: the database is newer than the code. */
  unknown: string[];
  /** Started and never finished nor rolled back: the database may be half-migrated. */
  failed: AppliedMigration[];
  /** Applied, but the file changed since. Reported, not refused (as `prisma migrate deploy`). */
  edited: string[];
}

/**
 * Compares the migrations folder with the database's history, as `prisma migrate deploy` does:
 * a row counts as applied when finished_at is set and rolled_back_at is not; rolled-back rows are
 * history only (the migration is pending again).
 */
export function planMigrations(files: MigrationFile[], applied: AppliedMigration[]): MigrationPlan {
  const live = applied.filter((a) => a.rolledBackAt === null);
  const done = new Map(live.filter((a) => a.finishedAt !== null).map((a) => [a.name, a]));
  const known = new Set(files.map((f) => f.name));
  return {
    pending: files.filter((f) => !done.has(f.name)),
    unknown: [...done.keys()].filter((name) => !known.has(name)).sort(),
    failed: live.filter((a) => a.finishedAt === null),
    edited: files.filter((f) => done.has(f.name) && !checksumMatches(done.get(f.name)!.checksum, f)).map((f) => f.name),
  };
}
