// Starts `next start` on the test build (.next-test) for a test: its own port, database and
// secret, output kept in a log file, stopped (with its whole process group) when the test ends.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertPortFree, NEXT_SERVER_NODE_ARGS, waitForServer } from "../../scripts/next-process";
import { TEST_DIST_DIR } from "./test-build";

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  logFile: string;
  /** The server's output so far (for assertion messages). */
  output(): string;
  stop(): Promise<void>;
}

export async function startTestServer(options: {
  port: number;
  /** DATABASE_URL, DATA_DIR, AUTH_SECRET … for this instance */
  env: Record<string, string | undefined>;
  name: string;
  logDir: string;
  portVariable?: string;
  timeoutMs?: number;
}): Promise<TestServer> {
  await assertPortFree(options.port, "127.0.0.1", options.portVariable ?? "the test's port");
  fs.mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const log = fs.createWriteStream(logFile);
  let output = "";
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    LAMBDALAB_DIST_DIR: TEST_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
    // Tests play the reverse proxy: they send X-Forwarded-For with the visitor's address
    // (tests/integration/helpers/visitor.ts), so the app trusts one hop, as behind nginx.
    AUTH_TRUST_PROXY: options.env.AUTH_TRUST_PROXY ?? "1",
    // vitest's NODE_ENV=test would make `next start` warn and behave unlike production.
    NODE_ENV: undefined,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  // detached: its own process group, so stop() also ends anything it spawned (engine workers).
  const child: ChildProcess = spawn(process.execPath, [...NEXT_SERVER_NODE_ARGS, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      const killed = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 10_000);
      await exited;
      clearTimeout(killed);
    }
    log.end();
  };

  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForServer(`${url}/api/health`, options.timeoutMs ?? 90_000, child);
  } catch (error) {
    await stop();
    throw new Error(`${options.name} did not come up: ${(error as Error).message}\n${output.trim().split("\n").slice(-20).join("\n")}`);
  }
  return { url, port: options.port, logFile, output: () => output, stop };
}
