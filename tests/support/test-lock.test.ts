import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireTestLock } from "./test-lock";

const dirs: string[] = [];
function lockDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-lock-"));
  dirs.push(parent);
  return path.join(parent, "lock");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("test lock", () => {
  it("lets one holder in at a time: the second waits until the first releases", async () => {
    const dir = lockDir();
    const first = await acquireTestLock({ purpose: "first", dir, pollMs: 10 });
    let secondIn = false;
    const second = acquireTestLock({ purpose: "second", dir, pollMs: 10, log: () => {} }).then((l) => {
      secondIn = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(secondIn).toBe(false);
    first.release();
    (await second).release();
    expect(secondIn).toBe(true);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("takes over a lock whose owner died without releasing it", async () => {
    const dir = lockDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ pid: Number(dead.stdout), purpose: "crashed run", since: "earlier" }));
    const lines: string[] = [];
    const lock = await acquireTestLock({ purpose: "next run", dir, pollMs: 10, log: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(/taking over .*crashed run/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "owner.json"), "utf8"))).toMatchObject({ pid: process.pid, purpose: "next run" });
    lock.release();
  });

  it("gives up after the timeout, naming who holds the lock", async () => {
    const dir = lockDir();
    fs.mkdirSync(dir);
    // The parent of this process is alive and is not us: a live foreign owner.
    fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ pid: process.ppid, purpose: "someone's e2e run", since: "now" }));
    await expect(acquireTestLock({ purpose: "me", dir, pollMs: 10, timeoutMs: 100, log: () => {} })).rejects.toThrow(
      /another test run holds .* \(pid \d+, someone's e2e run, since now\)/,
    );
  });
});
