// What `npm start` and `npm run dev` do before Next.js serves anything: data folder, AUTH_SECRET,
// Prisma clients, migrations, built-in content. Every failure here is one line naming what to fix.
import fs from "node:fs";
import { oidcProviderFromEnv } from "../lib/auth/oidc";
import { ensureAuthSecret } from "../lib/config/auth-secret";
import { trustedProxyHops } from "../lib/http/client-ip";
import { CONTENT_LOADERS, loadBuiltInContent, type ContentLoadReport } from "../lib/content";
import {
  closeDb,
  DatabaseConfigError,
  dataDir,
  describeConnectionError,
  describeDatabase,
  getDb,
  migrateDatabase,
  MigrationError,
  resolveDatabaseConfig,
  type DatabaseConfig,
} from "../lib/db";
import { generateClients } from "./db/generate";

/** A start-up problem with a message the operator can act on (printed without a stack trace). */
export class StartupError extends Error {
  override name = "StartupError";
}

export interface Prepared {
  config: DatabaseConfig;
  /** Environment for the Next.js child process. */
  env: NodeJS.ProcessEnv;
  /** What each built-in content loader did (a failed one is retried on the next start). */
  content: ContentLoadReport[];
}

export async function prepare(log: (line: string) => void = console.log): Promise<Prepared> {
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });

  let config: DatabaseConfig;
  try {
    config = resolveDatabaseConfig();
  } catch (error) {
    if (error instanceof DatabaseConfigError) throw new StartupError(error.message);
    throw error;
  }

  // A half-configured single sign-on would otherwise fail every sign-in request later.
  try {
    oidcProviderFromEnv();
  } catch (error) {
    throw new StartupError((error as Error).message);
  }

  try {
    trustedProxyHops();
  } catch (error) {
    throw new StartupError((error as Error).message);
  }

  let secret;
  try {
    secret = ensureAuthSecret(process.env, dir);
  } catch (error) {
    throw new StartupError(`AUTH_SECRET: ${(error as Error).message}`);
  }
  if (secret.source === "created") log(`Created a new AUTH_SECRET in ${dir}/auth-secret (keep it: it signs sessions).`);
  if (config.provider === "postgresql" && secret.source !== "env") {
    log("note: on PostgreSQL with several instances, give them all the same AUTH_SECRET (README, 'Several instances').");
  }

  if (generateClients()) log("Generated the Prisma clients (prisma/schema.prisma changed).");

  try {
    const result = await migrateDatabase(config);
    for (const w of result.warnings) log(`warning: ${w}`);
    log(
      `Database: ${describeDatabase(config)}` +
        (result.applied.length ? ` — applied ${result.applied.length} migration(s): ${result.applied.join(", ")}` : " — up to date"),
    );
  } catch (error) {
    if (error instanceof MigrationError) throw new StartupError(error.message);
    throw new StartupError(describeConnectionError(error, config));
  }

  let reports: ContentLoadReport[];
  try {
    reports = await loadBuiltInContent(CONTENT_LOADERS, { db: getDb(), root: process.cwd(), log });
    for (const r of reports) {
      if (r.status === "loaded") log(`Content: ${r.id} loaded (${r.added} added)`);
      if (r.status === "failed") log(`warning: content loader ${r.id} failed and will retry on next start: ${r.error}`);
    }
  } finally {
    await closeDb();
  }

  return {
    config,
    content: reports,
    env: {
      ...process.env,
      AUTH_SECRET: secret.secret,
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  };
}

/** Runs a CLI entry point: StartupError → "error: …" and exit 1; anything else → message only. */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof StartupError ? error.message : String((error as Error)?.message ?? error).split("\n")[0];
      console.error(`error: ${message}`);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}
