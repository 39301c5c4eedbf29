import path from "node:path";
import type { Env } from "../config/env";

export type { Env };

export type DatabaseProvider = "sqlite" | "postgresql";

export type DatabaseConfig =
  | { provider: "sqlite"; /** absolute path of the database file */ file: string; url: string }
  | { provider: "postgresql"; url: string };

/** A DATABASE_URL we cannot use. The message names the variable and is safe to print (no password). */
export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

export const DEFAULT_SQLITE_FILE = "lambdalab.db";

/** Where Lambda Lab keeps its files (SQLite database, AUTH_SECRET): DATA_DIR, default ./data. */
export function dataDir(env: Env = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.DATA_DIR?.trim() || "data");
}

/** The URL with any password replaced by "***", for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  }
}

/**
 * Decides the provider from DATABASE_URL:
 * unset or empty → SQLite file DATA_DIR/lambdalab.db; `file:<path>` → SQLite at that path
 * (relative to the working directory); `postgres://` or `postgresql://` → PostgreSQL.
 */
export function resolveDatabaseConfig(env: Env = process.env, cwd = process.cwd()): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    const file = path.join(dataDir(env, cwd), DEFAULT_SQLITE_FILE);
    return { provider: "sqlite", file, url: `file:${file}` };
  }
  if (raw.startsWith("file:")) {
    // Accept file:./x.db, file:/abs/x.db and file:///abs/x.db; ignore ?query options.
    let p = raw.slice("file:".length).replace(/\?.*$/, "");
    if (p.startsWith("//")) p = p.replace(/^\/\/(localhost)?/, "");
    if (!p || p.endsWith("/")) {
      throw new DatabaseConfigError(`DATABASE_URL "${raw}" names no SQLite file: expected file:./data/lambdalab.db or file:/absolute/path.db`);
    }
    if (p === ":memory:") {
      throw new DatabaseConfigError(`DATABASE_URL "${raw}": an in-memory SQLite database would lose everything on restart; give a file path`);
    }
    const file = path.resolve(cwd, p);
    return { provider: "sqlite", file, url: `file:${file}` };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new DatabaseConfigError(
        `DATABASE_URL is not a valid PostgreSQL URL (${redactUrl(raw)}): expected postgresql://user:password@host:5432/database`,
      );
    }
    if (!u.hostname) {
      throw new DatabaseConfigError(`DATABASE_URL (${redactUrl(raw)}) has no host: expected postgresql://user:password@host:5432/database`);
    }
    if (!u.pathname || u.pathname === "/") {
      throw new DatabaseConfigError(`DATABASE_URL (${redactUrl(raw)}) names no database: expected postgresql://user:password@host:5432/database`);
    }
    return { provider: "postgresql", url: raw };
  }
  const scheme = raw.match(/^([a-z][a-z0-9+.-]*):/i)?.[1];
  throw new DatabaseConfigError(
    `DATABASE_URL must start with file:, postgres:// or postgresql://` +
      (scheme ? ` (got "${scheme}:")` : ` (got "${redactUrl(raw).slice(0, 40)}")`),
  );
}

/** A short, password-free description for start-up logs: "SQLite ./data/lambdalab.db". */
export function describeDatabase(config: DatabaseConfig, cwd = process.cwd()): string {
  if (config.provider === "sqlite") {
    const rel = path.relative(cwd, config.file);
    return `SQLite ${rel && !rel.startsWith("..") ? `./${rel}` : config.file}`;
  }
  return `PostgreSQL ${redactUrl(config.url)}`;
}
