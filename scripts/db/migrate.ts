// npm run db:migrate — applies the code's migrations to the database in DATABASE_URL
// (default: SQLite in ./data). The same step runs on every `npm start`.
import { describeConnectionError, describeDatabase, MigrationError, migrateDatabase, resolveDatabaseConfig, DatabaseConfigError } from "../../lib/db";

async function main(): Promise<number> {
  let config;
  try {
    config = resolveDatabaseConfig();
  } catch (error) {
    if (error instanceof DatabaseConfigError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    const result = await migrateDatabase(config);
    for (const w of result.warnings) console.warn(`warning: ${w}`);
    console.log(
      result.applied.length
        ? `${describeDatabase(config)}: applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
        : `${describeDatabase(config)}: already up to date.`,
    );
    return 0;
  } catch (error) {
    console.error(`error: ${error instanceof MigrationError ? error.message : describeConnectionError(error, config)}`);
    return 1;
  }
}

main().then((code) => (process.exitCode = code));
