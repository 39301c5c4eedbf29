import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// Run Next's own CLI with this Node (not through npx: killing npx would orphan the server).
export const NEXT_CLI = require.resolve("next/dist/bin/next");
/** Node arguments that serve the app: the peer-address hop (scripts/peer-address.cjs), then Next's CLI. */
export const NEXT_SERVER_NODE_ARGS = ["--require", path.join(path.dirname(fileURLToPath(import.meta.url)), "peer-address.cjs"), NEXT_CLI] as const;

export function nextBuild(env: NodeJS.ProcessEnv): boolean {
  return spawnSync(process.execPath, [NEXT_CLI, "build"], { stdio: "inherit", env }).status === 0;
}

/** Starts `next <command>` and passes SIGINT/SIGTERM on, so stopping us stops the server. */
export function spawnNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [...NEXT_SERVER_NODE_ARGS, ...args], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  return child;
}

/** Resolves when the server answers, or rejects after timeoutMs. */
export async function waitForServer(url: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode})`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} after ${timeoutMs / 1000}s`);
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a number from 1 to 65535 (got "${value}")`);
  return port;
}

/**
 * Resolves when the port can be listened on; otherwise rejects with a message naming the port and
 * the variable that chooses it — checked before building, so a taken port is reported at once
 * instead of as Next.js's EADDRINUSE stack trace minutes later.
 */
export async function assertPortFree(port: number, host: string | undefined, variable = "PORT"): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `port ${port} is already in use (another Lambda Lab, or another program); stop it or choose another port with ${variable}=…`
            : error.code === "EACCES"
              ? `not allowed to listen on port ${port} (ports below 1024 need privileges); choose another with ${variable}=…`
              : `cannot listen on ${host ?? "all interfaces"} port ${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The first port in [from, to] nothing listens on (tests pick from their area's range). */
export async function findFreePort(from: number, to: number, host = "127.0.0.1", skip: readonly number[] = []): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (skip.includes(port)) continue;
    try {
      await assertPortFree(port, host);
      return port;
    } catch {
      // taken; try the next one
    }
  }
  throw new Error(`no free port between ${from} and ${to}`);
}
