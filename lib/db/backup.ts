// A consistent copy of the database, safe while the app is running (npm run db:backup).
//   SQLite: SQLite's online backup API (better-sqlite3's db.backup()), which copies pages while
//           other connections keep reading and writing; the copy is then integrity-checked.
//           https://www.sqlite.org/backup.html
//   PostgreSQL: pg_dump's custom format (a consistent snapshot; restore with pg_restore).
//           https://www.postgresql.org/docs/15/app-pgdump.html
// Default file: DATA_DIR/backups/lambdalab-<UTC time>.db (SQLite) or .dump (PostgreSQL).
// Restore: README, "Backups".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { dataDir, type DatabaseConfig, type Env } from "./config";

export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  file: string;
  bytes: number;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z").replace("T", "-");
}

export function defaultBackupFile(config: DatabaseConfig, now = new Date(), env: Env = process.env): string {
  return path.join(dataDir(env), "backups", `lambdalab-${timestamp(now)}.${config.provider === "sqlite" ? "db" : "dump"}`);
}

async function backupSqlite(source: string, file: string): Promise<void> {
  if (!fs.existsSync(source)) throw new BackupError(`there is no SQLite database at ${source} (nothing to back up yet: run npm start once)`);
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  // The copy inherits WAL mode; switch it to a rollback journal so the backup is one
  // self-contained file (no -wal/-shm beside it), then check it.
  const copy = new Database(file);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupError(`the backup in ${file} failed SQLite's integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

function backupPostgres(url: string, file: string): void {
  // The password goes through the environment, not the command line other users can read.
  const withoutPassword = new URL(url);
  const password = decodeURIComponent(withoutPassword.password);
  withoutPassword.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const result = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${withoutPassword}`], { encoding: "utf8", env });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new BackupError("pg_dump is not installed (Debian/Ubuntu: apt-get install postgresql-client, the same major version as the server)");
  }
  if (result.status !== 0) {
    fs.rmSync(file, { force: true });
    const reason = (result.stderr || "").trim().split("\n")[0];
    throw new BackupError(`pg_dump failed: ${reason || `exit code ${result.status}`}`);
  }
}

/** Writes a backup of `config`'s database to `file` (which must not exist yet). */
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<BackupResult> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose another file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (config.provider === "sqlite") await backupSqlite(config.file, target);
  else backupPostgres(config.url, target);
  return { file: target, bytes: fs.statSync(target).size };
}
