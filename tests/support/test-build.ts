// The production build the end-to-end and several-instances tests serve. It lives in .next-test
// (LAMBDALAB_DIST_DIR), never in .next, so tests cannot replace the build a developer's
// `npm start` is serving, and it is rebuilt only when its sources changed (scripts/build-state.ts).
// Hold the test lock (test-lock.ts) while building and serving.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "../../scripts/build-state";
import { generateClients } from "../../scripts/db/generate";
import { NEXT_CLI } from "../../scripts/next-process";

export const TEST_DIST_DIR = ".next-test";

export interface TestBuild {
  distDir: string;
  /** false when an earlier build of the same sources was reused */
  built: boolean;
  seconds: number;
}

/** Builds the app into .next-test unless that build is current. Throws with the build's last lines on failure. */
export function ensureTestBuild(options: { root?: string; log?: (line: string) => void } = {}): TestBuild {
  const root = options.root ?? process.cwd();
  const log = options.log ?? ((line) => console.log(line));
  const started = Date.now();
  generateClients();
  if (buildIsCurrent(root, TEST_DIST_DIR)) return { distDir: TEST_DIST_DIR, built: false, seconds: 0 };

  const fingerprint = sourceFingerprint(root);
  const logFile = path.join(root, "test-results", "test-build.log");
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  log(`Building the app for the tests into ${TEST_DIST_DIR} (a minute or two; output in ${path.relative(root, logFile)}) …`);
  const env: Record<string, string | undefined> = { ...process.env, LAMBDALAB_DIST_DIR: TEST_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  // A build needs no database and must not mint a session secret (lib/auth/config.ts); vitest's
  // NODE_ENV=test must not leak into a production build.
  for (const key of ["DATABASE_URL", "AUTH_SECRET", "NODE_ENV"]) delete env[key];
  const result = spawnSync(process.execPath, [NEXT_CLI, "build"], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  fs.writeFileSync(logFile, output);
  if (result.status !== 0) {
    const tail = output.trim().split("\n").slice(-25).join("\n");
    throw new Error(`next build failed (exit ${result.status ?? result.signal}); the last lines:\n${tail}\n(full output: ${logFile})`);
  }
  recordBuild(root, TEST_DIST_DIR, fingerprint);
  const seconds = Math.round((Date.now() - started) / 1000);
  log(`Built in ${seconds}s.`);
  return { distDir: TEST_DIST_DIR, built: true, seconds };
}
