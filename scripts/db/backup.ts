// npm run db:backup [-- <file>] — backs up the database in DATABASE_URL (SQLite's online backup,
// or pg_dump for PostgreSQL) while the app keeps running; lib/db/backup.ts does the work.
// Any failure (a bad DATABASE_URL, no database yet, pg_dump missing) is one line and exit code 1.
import fs from "node:fs";
import path from "node:path";
import { AUTH_SECRET_FILE } from "../../lib/config/auth-secret";
import { dataDir, describeDatabase, resolveDatabaseConfig } from "../../lib/db";
import { backupDatabase, defaultBackupFile } from "../../lib/db/backup";

async function main(): Promise<void> {
  const config = resolveDatabaseConfig();
  const result = await backupDatabase(config, process.argv[2] ?? defaultBackupFile(config));
  console.log(`Backed up ${describeDatabase(config)} to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB).`);
  const secret = path.join(dataDir(), AUTH_SECRET_FILE);
  if (!process.env.AUTH_SECRET && fs.existsSync(secret)) {
    console.log(`Keep ${secret} with it: without that secret, everyone is signed out after a restore.`);
  }
}

main().catch((error: Error) => {
  console.error(`error: ${error.message.split("\n").find((l) => l.trim()) ?? error.name}`);
  process.exitCode = 1;
});
