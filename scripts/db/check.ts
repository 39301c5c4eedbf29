// npm run db:check — fails (exit 2) when the PostgreSQL twin or either provider's migrations have
// drifted from prisma/schema.prisma; prints the missing SQL. PostgreSQL needs a server for the
// shadow database (SHADOW_DATABASE_URL, see shadow.ts); without one that half is skipped, loudly.
import pg from "pg";
import { pendingSchemaChange, staticDrift } from "./drift";
import { shadowDatabaseUrl } from "./shadow";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main(): Promise<number> {
  const problems = staticDrift();
  const sqlite = await pendingSchemaChange("sqlite");
  if (sqlite) problems.push(`prisma/migrations/sqlite is missing:\n${sqlite}`);
  const shadowUrl = shadowDatabaseUrl();
  if (await reachable(shadowUrl)) {
    const postgres = await pendingSchemaChange("postgresql", { shadowUrl });
    if (postgres) problems.push(`prisma/migrations/postgresql is missing:\n${postgres}`);
  } else {
    console.warn(`SKIPPED the PostgreSQL migrations check: no server at SHADOW_DATABASE_URL (${shadowUrl}).`);
  }
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error("Schema drift: run `npm run db:migration:new -- <name>` to write the missing migrations.");
    return 2;
  }
  console.log("prisma/schema.prisma, its PostgreSQL twin and both migration folders agree.");
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  },
);
