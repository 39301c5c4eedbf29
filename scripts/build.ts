// npm run build — generate the Prisma clients, `next build`, and remember what was built from
// (so `npm start` knows the build is current; see build-state.ts).
import { generateClients } from "./db/generate";
import { buildIsCurrent, distDir, recordBuild, sourceFingerprint } from "./build-state";
import { nextBuild } from "./next-process";
import { runMain, StartupError } from "./prepare";

runMain(async () => {
  generateClients();
  if (process.argv.includes("--if-stale") && buildIsCurrent()) return 0;
  const fingerprint = sourceFingerprint();
  if (!nextBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" })) throw new StartupError("next build failed (see above)");
  recordBuild(process.cwd(), distDir(), fingerprint);
  return 0;
});
