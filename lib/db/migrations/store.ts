import type { DatabaseProvider } from "../config";
import type { MigrationFile } from "./files";
import type { AppliedMigration } from "./plan";

/** What the runner needs from a database: Prisma's _prisma_migrations table and a way to run SQL. */
export interface MigrationStore {
  readonly provider: DatabaseProvider;
  /** Holds a lock so two instances starting at once do not migrate twice. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  ensureHistoryTable(): Promise<void>;
  readHistory(): Promise<AppliedMigration[]>;
  /** Runs one migration and records it; on failure records the error in `logs` and throws. */
  apply(migration: MigrationFile): Promise<void>;
  close(): Promise<void>;
}
