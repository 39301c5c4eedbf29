// npm run db:migration:new -- <name> [--empty]
//
// After editing prisma/schema.prisma: regenerates the PostgreSQL twin, asks the Wasm schema engine
// for the SQL that takes each provider's migrations to the schema, and writes it as
// prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql (same folder name in
// both, so the two histories stay paired). --empty writes empty files for hand-written SQL
// (data migrations). Then regenerates the clients. Apply with `npm run db:migrate`.
//
// PostgreSQL needs a server to replay its migrations on: SHADOW_DATABASE_URL (default: the local
// postgresql://postgres@127.0.0.1:5432/postgres; see scripts/db/shadow.ts).
import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "../../lib/db/config";
import { lockfileContent, MIGRATION_NAME } from "../../lib/db/migrations/files";
import { migrationsDir } from "../../lib/db/paths";
import { pendingSchemaChange } from "./drift";
import { ensureTwin, generateClients } from "./generate";
import { shadowDatabaseUrl } from "./shadow";

const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

export function migrationFolderName(name: string, now = new Date()): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`migration name "${name}" has no letters or digits: use e.g. add_decks`);
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = `${stamp}_${slug}`;
  if (!MIGRATION_NAME.test(folder)) throw new Error(`cannot build a migration folder name from "${name}"`);
  return folder;
}

async function main(argv: string[]): Promise<number> {
  const empty = argv.includes("--empty");
  const name = argv.filter((a) => !a.startsWith("--")).join("_");
  if (!name) {
    console.error("usage: npm run db:migration:new -- <name> [--empty]     e.g. npm run db:migration:new -- add_decks");
    return 64;
  }
  const folder = migrationFolderName(name);
  if (ensureTwin().changed) console.log("Updated prisma/postgresql/schema.prisma from prisma/schema.prisma.");

  const sql: Record<DatabaseProvider, string> = { sqlite: "", postgresql: "" };
  if (!empty) {
    const shadowUrl = shadowDatabaseUrl();
    for (const provider of PROVIDERS) {
      try {
        sql[provider] = await pendingSchemaChange(provider, { shadowUrl });
      } catch (error) {
        const hint = provider === "postgresql" ? ` (PostgreSQL shadow database at SHADOW_DATABASE_URL=${shadowUrl.replace(/:[^:@/]*@/, ":***@")})` : "";
        console.error(`Could not compute the ${provider} migration${hint}: ${(error as Error).message}`);
        return 1;
      }
    }
    if (!sql.sqlite && !sql.postgresql) {
      console.log("The migrations already match prisma/schema.prisma: nothing to write. (Use --empty for a hand-written migration.)");
      return 0;
    }
  }

  for (const provider of PROVIDERS) {
    const dir = migrationsDir(provider);
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    const lock = path.join(dir, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, lockfileContent(provider));
    const body = sql[provider] || `-- ${folder}: write the ${provider} SQL for this migration by hand.\n`;
    fs.writeFileSync(path.join(dir, folder, "migration.sql"), body);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, folder, "migration.sql"))}`);
  }
  generateClients();
  console.log("Review both files, then run `npm run db:migrate` (and commit the schema, its twin and both migrations).");
  return 0;
}

if (process.argv[1]?.endsWith("migration-new.ts")) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    },
  );
}
