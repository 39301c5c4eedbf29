// The PostgreSQL twin of prisma/schema.prisma: one schema cannot serve two providers (the provider
// cannot come from the environment and each generated client is provider-specific), so the
// hand-edited SQLite schema is the source and this file derives the PostgreSQL one from it.

export const TWIN_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate` — do not edit by hand.\n" +
  "// Only the datasource provider and the client output folder differ from the source.\n\n";

function replaceInBlock(schema: string, block: RegExp, key: string, value: string, file: string): string {
  const match = schema.match(block);
  if (!match) throw new Error(`${file}: expected a ${block.source.split("\\s")[0]} block`);
  const keyLine = new RegExp(`(^\\s*${key}\\s*=\\s*)"[^"]*"`, "m");
  if (!keyLine.test(match[0])) throw new Error(`${file}: the ${match[0].split("{")[0].trim()} block has no ${key} = "…"`);
  return schema.replace(match[0], match[0].replace(keyLine, `$1"${value}"`));
}

export function renderPostgresTwin(sqliteSchema: string, file = "prisma/schema.prisma"): string {
  let twin = replaceInBlock(sqliteSchema, /datasource\s+db\s*\{[^}]*\}/, "provider", "postgresql", file);
  if (!/provider\s*=\s*"sqlite"/.test(sqliteSchema.match(/datasource\s+db\s*\{[^}]*\}/)![0])) {
    throw new Error(`${file}: the datasource provider must be "sqlite" (the PostgreSQL schema is generated from it)`);
  }
  // The twin lives one folder deeper (prisma/postgresql/), hence ../../.
  twin = replaceInBlock(twin, /generator\s+client\s*\{[^}]*\}/, "output", "../../lib/db/generated/postgresql", file);
  return TWIN_HEADER + twin;
}
