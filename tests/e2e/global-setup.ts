// Playwright global setup: starts the harness (support/harness.ts, under tsx) that builds once,
// prepares a fresh SQLite database with the built-in content and starts ONE `next start`; waits
// for its READY line; hands the details to the workers through an environment variable; returns
// the teardown that stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { HARNESS_ENV, type HarnessReady } from "./support/paths";

const READY_TIMEOUT_MS = 20 * 60_000; // waiting for another run's lock + a cold build on a busy 2-core machine

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, "../..");
  // One process (node with tsx's loader, not the tsx CLI wrapper), so our SIGTERM reaches the
  // harness itself. stdin is a pipe we never close: if this runner dies, the harness sees EOF.
  const harness = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "support/harness.ts")], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => harness.once("exit", (code) => resolve(code)));

  const ready = await new Promise<HarnessReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the end-to-end harness was not ready after ${READY_TIMEOUT_MS / 60_000} minutes`)), READY_TIMEOUT_MS);
    readline.createInterface({ input: harness.stdout! }).on("line", (line) => {
      if (line.startsWith("READY ")) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice("READY ".length)) as HarnessReady);
      } else {
        console.log(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the end-to-end harness stopped before the server was ready (exit ${code}); see the [e2e] lines above`));
    });
  });

  process.env[HARNESS_ENV] = JSON.stringify(ready);
  console.log(`[e2e] serving ${ready.baseURL} (server log: ${path.relative(root, ready.serverLog)})`);

  return async () => {
    if (harness.exitCode === null) harness.kill("SIGTERM");
    await exited;
  };
}
