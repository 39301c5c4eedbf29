// npm run db:backup [-- <file>] — backs up the database in DATABASE_URL (SQLite's online backup,
// or pg_dump for PostgreSQL) while the app keeps running; lib/db/backup.ts does the work.
import fs from "node:fs";
import path from "node:path";
import { AUTH_SECRET_FILE } from "../../lib/config/auth-secret";
import { DatabaseConfigError, dataDir, describeDatabase, resolveDatabaseConfig, type DatabaseConfig } from "../../lib/db";
import { BackupError, backupDatabase, defaultBackupFile } from "../../lib/db/backup";

async function main(): Promise<number> {
  let config: DatabaseConfig;
  try {
    config = resolveDatabaseConfig();
  } catch (error) {
    if (error instanceof DatabaseConfigError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const file = process.argv[2] ?? defaultBackupFile(config);
  try {
    const result = await backupDatabase(config, file);
    console.log(`Backed up ${describeDatabase(config)} to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB).`);
    const secret = path.join(dataDir(), AUTH_SECRET_FILE);
    if (!process.env.AUTH_SECRET && fs.existsSync(secret)) {
      console.log(`Keep ${secret} with it: without that secret, everyone is signed out after a restore.`);
    }
    return 0;
  } catch (error) {
    console.error(`error: ${error instanceof BackupError ? error.message : (error as Error).message.split("\n")[0]}`);
    return 1;
  }
}

void main().then((code) => (process.exitCode = code));
