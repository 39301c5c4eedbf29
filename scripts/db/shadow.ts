import type { Env } from "../../lib/db/config";

export const DEFAULT_SHADOW_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * The PostgreSQL server used to replay the PostgreSQL migrations (the engine creates and drops a
 * throw-away database on it). SHADOW_DATABASE_URL, else TEST_DATABASE_URL, else a PostgreSQL
 * DATABASE_URL, else the local server.
 */
export function shadowDatabaseUrl(env: Env = process.env): string {
  const pgUrl = (v?: string) => (v && /^postgres(ql)?:\/\//.test(v) ? v : undefined);
  return pgUrl(env.SHADOW_DATABASE_URL) ?? pgUrl(env.TEST_DATABASE_URL) ?? pgUrl(env.DATABASE_URL) ?? DEFAULT_SHADOW_URL;
}
