// Prepares a data folder exactly as `npm start` does (AUTH_SECRET, migrations, built-in content)
// for an extra end-to-end server, in a process of its own: prepare() reads DATA_DIR and
// DATABASE_URL from the environment, and the harness's own database handle must not move.
// Run as `node --import tsx tests/e2e/support/prepare-instance.ts` with DATA_DIR set.
import { prepare } from "../../../scripts/prepare";

prepare().then(
  (result) => {
    const failed = result.content.filter((r) => r.status === "failed");
    if (failed.length) {
      console.error(`built-in content failed to load: ${failed.map((r) => `${r.id}: ${r.error}`).join("; ")}`);
      process.exit(1);
    }
    process.exit(0);
  },
  (error: Error) => {
    console.error(error.message.split("\n")[0]);
    process.exit(1);
  },
);
