// The one way the app reaches the database. Import from "@/lib/db" (never from ./generated).
export { getDb, getDatabaseConfig, getPgPool, closeDb, readRows, type Db, type RawQueryClient } from "./client";
export { sql, RowShapeError, type SqlQuery, type SqlValue, type ColumnKind, type RowOf } from "./rows";
export {
  resolveDatabaseConfig,
  describeDatabase,
  dataDir,
  redactUrl,
  DatabaseConfigError,
  type DatabaseConfig,
  type DatabaseProvider,
} from "./config";
export { isUniqueViolation, isNotFound, describeConnectionError } from "./errors";
export { migrateDatabase, MigrationError, type MigrateResult } from "./migrations/runner";
// Model types and enums, identical for both providers.
export type { User, Account, Setting, RateLimit } from "./generated/sqlite/client";
export { Role } from "./enums";
export type { Prisma } from "./generated/sqlite/client";
