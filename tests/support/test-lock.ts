// One test server at a time per checkout. The end-to-end suite and the several-instances test
// build into the same folder (.next-test) and serve from it; two runs at once — two engineers in
// one working tree, or `npm test` next to `npm run test:e2e` — would rebuild it under each
// other's running servers. The lock is a directory (mkdir is atomic) holding its owner's pid, so
// a run that was killed leaves a lock the next run recognises as stale and takes over.
import fs from "node:fs";
import path from "node:path";

export interface LockOwner {
  pid: number;
  purpose: string;
  since: string;
}

export interface HeldLock {
  release(): void;
}

export const DEFAULT_LOCK_DIR = path.resolve(".next-test.lock");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(dir: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "owner.json"), "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

function tryTake(dir: string, purpose: string): HeldLock | null {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return null;
  }
  const owner: LockOwner = { pid: process.pid, purpose, since: new Date().toISOString() };
  fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify(owner));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    // Only remove the lock if it is still ours (a stale-lock takeover may have replaced it).
    if (readOwner(dir)?.pid === process.pid) fs.rmSync(dir, { recursive: true, force: true });
    process.off("exit", release);
  };
  process.on("exit", release);
  return { release };
}

/**
 * Waits until no other live process holds the lock, then takes it. A lock whose owner is dead, or
 * that never got its owner file written within a few seconds, is removed.
 */
export async function acquireTestLock(options: {
  purpose: string;
  dir?: string;
  timeoutMs?: number;
  pollMs?: number;
  log?: (line: string) => void;
}): Promise<HeldLock> {
  const dir = options.dir ?? DEFAULT_LOCK_DIR;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? ((line) => console.log(line));
  const deadline = Date.now() + timeoutMs;
  let lastNotice = 0;
  let ownerless = 0;
  for (;;) {
    const held = tryTake(dir, options.purpose);
    if (held) return held;
    const owner = readOwner(dir);
    if (owner && owner.pid !== process.pid && !alive(owner.pid)) {
      log(`test lock: taking over from a run that stopped without cleaning up (pid ${owner.pid}, ${owner.purpose})`);
      fs.rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (!owner && ++ownerless * pollMs > 5000) {
      fs.rmSync(dir, { recursive: true, force: true });
      ownerless = 0;
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `another test run holds ${dir} (${owner ? `pid ${owner.pid}, ${owner.purpose}, since ${owner.since}` : "owner unknown"}); ` +
          `waited ${Math.round(timeoutMs / 1000)}s. Stop it, or delete the folder if no test is running.`,
      );
    }
    if (owner && Date.now() - lastNotice > 30_000) {
      lastNotice = Date.now();
      log(`test lock: waiting for another test run to finish (pid ${owner.pid}, ${owner.purpose}, since ${owner.since}) …`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
