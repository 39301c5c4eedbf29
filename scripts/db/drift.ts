import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "../../lib/db/config";
import { readMigrations } from "../../lib/db/migrations/files";
import { migrationsDir, POSTGRES_TWIN_FILE, SCHEMA_FILE } from "../../lib/db/paths";
import { openSchemaEngine } from "./schema-engine";
import { renderPostgresTwin } from "./twin";

export const SCHEMA_FILES: Record<DatabaseProvider, string> = { sqlite: SCHEMA_FILE, postgresql: POSTGRES_TWIN_FILE };

/** SQL the provider's migrations are missing to reach the schema ("" when in sync). */
export async function pendingSchemaChange(provider: DatabaseProvider, options: { root?: string; shadowUrl?: string } = {}): Promise<string> {
  const root = options.root ?? process.cwd();
  const schemaFile = path.join(root, SCHEMA_FILES[provider]);
  const engine = await openSchemaEngine(provider, schemaFile, options.shadowUrl);
  try {
    const { sql, empty } = await engine.diffMigrationsToSchema(migrationsDir(provider, root), fs.readFileSync(schemaFile, "utf8"));
    return empty ? "" : sql;
  } finally {
    await engine.close();
  }
}

/** Drift that needs no database: the twin is current and both providers have the same migration names. */
export function staticDrift(root = process.cwd()): string[] {
  const problems: string[] = [];
  const twin = renderPostgresTwin(fs.readFileSync(path.join(root, SCHEMA_FILE), "utf8"));
  const committed = fs.existsSync(path.join(root, POSTGRES_TWIN_FILE)) ? fs.readFileSync(path.join(root, POSTGRES_TWIN_FILE), "utf8") : "";
  if (twin !== committed) problems.push(`${POSTGRES_TWIN_FILE} is out of date with ${SCHEMA_FILE}: run \`npm run db:generate\`.`);
  const names = (p: DatabaseProvider) => readMigrations(migrationsDir(p, root), p).map((m) => m.name);
  const [s, q] = [names("sqlite"), names("postgresql")];
  const onlyS = s.filter((n) => !q.includes(n));
  const onlyQ = q.filter((n) => !s.includes(n));
  if (onlyS.length) problems.push(`migrations only in prisma/migrations/sqlite: ${onlyS.join(", ")} (write migrations with \`npm run db:migration:new\`)`);
  if (onlyQ.length) problems.push(`migrations only in prisma/migrations/postgresql: ${onlyQ.join(", ")}`);
  return problems;
}
