import path from "node:path";
import type { DatabaseProvider } from "./config";

// Paths are resolved from the project root (the working directory of npm scripts, `next start`
// and Vitest). Migrations are read from disk at run time, so they ship with the app unbundled.
export const projectRoot = (): string => process.cwd();

export const SCHEMA_FILE = "prisma/schema.prisma";
export const POSTGRES_TWIN_FILE = "prisma/postgresql/schema.prisma";

/** Prisma's layout, one folder per provider: prisma/migrations/<provider>/<timestamp>_<name>/migration.sql */
export function migrationsDir(provider: DatabaseProvider, root = projectRoot()): string {
  return path.join(root, "prisma", "migrations", provider);
}
