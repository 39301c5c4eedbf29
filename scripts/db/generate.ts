// npm run db:generate — writes the PostgreSQL twin of prisma/schema.prisma and generates both
// Prisma clients into lib/db/generated/{sqlite,postgresql} (gitignored).
//
// The clients are generated, not committed: `npm ci` runs this as postinstall, and `npm start`,
// `npm run dev`, `npm test` run it again (a no-op when nothing changed — a stamp file records what
// was generated from what). It works offline: `prisma generate` only needs *a* schema-engine path,
// so we point it at a stub and skip the checksum download (see shared stack notes).
//
//   --check   only verify the committed twin is current (exit 2 if not), write nothing
//   --force   regenerate even when the stamp says the clients are current
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { renderPostgresTwin } from "./twin";

const require = createRequire(import.meta.url);
const root = process.cwd();
const SCHEMA = path.join(root, "prisma/schema.prisma");
const TWIN = path.join(root, "prisma/postgresql/schema.prisma");
const OUT = path.join(root, "lib/db/generated");
const STAMP = path.join(OUT, ".stamp");
const STUB = path.join(root, "scripts/db/schema-engine-stub.sh");

function version(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

export function ensureTwin(options: { check?: boolean } = {}): { changed: boolean } {
  const twin = renderPostgresTwin(fs.readFileSync(SCHEMA, "utf8"));
  const current = fs.existsSync(TWIN) ? fs.readFileSync(TWIN, "utf8") : null;
  if (current === twin) return { changed: false };
  if (!options.check) {
    fs.mkdirSync(path.dirname(TWIN), { recursive: true });
    fs.writeFileSync(TWIN, twin);
  }
  return { changed: true };
}

function stampOf(): string {
  const h = createHash("sha256");
  for (const f of [SCHEMA, TWIN]) h.update(fs.readFileSync(f));
  h.update(`prisma@${version("prisma")} @prisma/client@${version("@prisma/client")}`);
  return h.digest("hex");
}

function prismaGenerate(schema: string): void {
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: STUB,
      PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate --schema ${path.relative(root, schema)} failed:\n${result.stdout}${result.stderr}`);
  }
}

/** Generates both clients unless the stamp shows they are current. Returns whether it generated. */
export function generateClients(options: { force?: boolean } = {}): boolean {
  ensureTwin();
  const stamp = stampOf();
  const upToDate =
    !options.force &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, "utf8") === stamp &&
    fs.existsSync(path.join(OUT, "sqlite/client.ts")) &&
    fs.existsSync(path.join(OUT, "postgresql/client.ts"));
  if (upToDate) return false;
  prismaGenerate(SCHEMA);
  prismaGenerate(TWIN);
  fs.writeFileSync(STAMP, stamp);
  return true;
}

function main(argv: string[]): number {
  if (argv.includes("--check")) {
    if (ensureTwin({ check: true }).changed) {
      console.error("prisma/postgresql/schema.prisma is out of date with prisma/schema.prisma: run `npm run db:generate`.");
      return 2;
    }
    console.log("prisma/postgresql/schema.prisma is up to date.");
    return 0;
  }
  const generated = generateClients({ force: argv.includes("--force") });
  console.log(generated ? "Generated the SQLite and PostgreSQL Prisma clients in lib/db/generated/." : "Prisma clients are up to date.");
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("scripts/db/generate.ts")) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
