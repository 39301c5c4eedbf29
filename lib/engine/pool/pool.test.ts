import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseScenario } from "../scenario/parse";
import type { Scenario } from "../scenario/types";
import { buildEngineWorker } from "./build-worker";
import { EnginePool, EngineTaskTimeoutError } from "./index";

// Worker threads start, build and run real scenarios here; nothing below asserts a duration.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** A scenario creating `functions` functions with `code` and invoking each `invokes` times (after they become Active). */
function scenario(code: string, invokes = 1, options: { memorySize?: number; functions?: number } = {}): Scenario {
  const indented = code
    .split("\n")
    .map((line) => `          ${line}`)
    .join("\n");
  const names = Array.from({ length: options.functions ?? 1 }, (_, i) => (i === 0 ? "fn" : `fn${i + 1}`));
  const creates = names
    .map(
      (name) => `  - CreateFunction:
      FunctionName: ${name}
      Runtime: nodejs20.x
      Handler: index.handler
      Timeout: 3
      MemorySize: ${options.memorySize ?? 128}
      Code:
        ZipFile: |
${indented}`,
    )
    .join("\n");
  let call = 0;
  const invokeSteps = names
    .flatMap((name) => Array.from({ length: invokes }, (_, i) => `  - id: call-${++call}\n    at: ${1 + i}s\n    Invoke: { FunctionName: ${name}, Payload: { n: ${i + 1} } }`))
    .join("\n");
  const parsed = parseScenario(`steps:\n${creates}\n${invokeSteps}\n`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const honest = scenario(`exports.handler = async (event) => ({ doubled: event.n * 2 });`, 3);
const looping = scenario(`exports.handler = async () => { for (;;) {} };`);
const bombing = scenario(`exports.handler = async () => { const a = []; for (;;) a.push("x".repeat(4096) + a.length); };`);
const exiting = scenario(`exports.handler = async () => { process.exit(1); };`);
const escaping = scenario(`exports.handler = async () => require("child_process").execSync("id");`);

function payloads(trace: { steps: { id: string; response?: unknown }[] }): unknown[] {
  return trace.steps.filter((s) => s.id.startsWith("call-")).map((s) => (s.response as { Payload?: unknown } | undefined)?.Payload);
}

let pool: EnginePool;
beforeAll(async () => {
  await buildEngineWorker();
  pool = new EnginePool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

describe("the engine pool", () => {
  it("runs a scenario in a worker and returns its trace", async () => {
    const trace = await pool.run({ scenario: honest });
    expect(payloads(trace)).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
    expect(trace.invocations.map((i) => i.coldStart)).toEqual([true, false, false]);
  });

  it("gives the same trace for the same scenario and seed", async () => {
    const seeded = scenario(`exports.handler = async () => ({ r: Math.random(), id: require("crypto").randomUUID(), t: Date.now() });`, 2);
    const [a, b] = await Promise.all([pool.run({ scenario: seeded, seed: 7 }), pool.run({ scenario: seeded, seed: 7 })]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("keeps answering while many runs, hostile ones included, arrive at once", async () => {
    const mix = [honest, looping, bombing, exiting, escaping, honest, looping, honest];
    const traces = await Promise.all(mix.map((s) => pool.run({ scenario: s })));
    const outcomes = traces.map((t) => t.invocations.map((i) => `${i.status} ${i.errorType ?? ""} ${i.errorMessage ?? ""}`));
    const expected = [
      /^success/, /^timeout Sandbox\.Timedout/, /^crash .*signal: killed/, /^crash Runtime\.ExitError .*exit status 1/,
      /^error Error Cannot find module 'child_process'/, /^success/, /^timeout Sandbox\.Timedout/, /^success/,
    ];
    outcomes.forEach((invocations, i) => {
      expect(invocations.length).toBeGreaterThan(0);
      for (const outcome of invocations) expect(outcome).toMatch(expected[i]!);
    });
    expect(payloads(await pool.run({ scenario: honest }))).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
  });

  it("stops a run that passes its wall-clock limit, and keeps serving", async () => {
    const impatient = new EnginePool({ workers: 1, taskTimeoutMs: 200 });
    try {
      const slow = scenario(`exports.handler = async () => { for (;;) {} };`, 20);
      await expect(impatient.run({ scenario: slow })).rejects.toBeInstanceOf(EngineTaskTimeoutError);
      expect(impatient.stats().timedOut).toBe(1);
      const quick = new EnginePool({ workers: 1 });
      try {
        expect(payloads(await quick.run({ scenario: honest }))).toHaveLength(3);
      } finally {
        await quick.close();
      }
    } finally {
      await impatient.close();
    }
  });

  it("recycles its workers after a number of runs and keeps answering", async () => {
    const short = new EnginePool({ workers: 1, maxTasksPerWorker: 2 });
    try {
      for (let i = 0; i < 5; i++) expect(payloads(await short.run({ scenario: honest }))).toHaveLength(3);
      expect(short.stats().generation).toBe(3);
      expect(short.stats().lastRecycleReason).toBe("it ran 2 tasks");
    } finally {
      await short.close();
    }
  });

  it("recycles a worker whose QuickJS instance was tainted", async () => {
    const bombs = new EnginePool({ workers: 1 });
    try {
      // Ten 256 MB functions bombing their 64 MB heaps grow the run's wasm memory past the taint budget.
      const many = scenario(`exports.handler = async () => { const a = []; for (;;) a.push(new ArrayBuffer(1 << 20)); };`, 1, { memorySize: 256, functions: 10 });
      const trace = await bombs.run({ scenario: many });
      expect(trace.invocations).toHaveLength(10);
      expect(trace.invocations.every((i) => i.status === "crash" && /signal: killed/.test(i.errorMessage ?? ""))).toBe(true);
      expect(bombs.stats().lastHealth).toMatchObject({ tainted: true });
      expect(bombs.stats().lastHealth!.wasmMb).toBeGreaterThan(320);
      expect(bombs.stats().generation).toBe(2);
      expect(bombs.stats().lastRecycleReason).toMatch(/tainted/);
      // The fresh worker starts from a fresh wasm instance: memory is back under control.
      expect(payloads(await bombs.run({ scenario: honest }))).toHaveLength(3);
      const after = bombs.stats().lastHealth!;
      expect(after).toMatchObject({ tainted: false, tasks: 1 });
      expect(after.wasmMb).toBeLessThan(64);
    } finally {
      await bombs.close();
    }
  });
});

describe("the worker bundle", () => {
  it("is built when missing or older than the sources, and reused otherwise", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, utimesSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { ensureEngineWorker } = await import("./build-worker");
    const root = mkdtempSync(join(tmpdir(), "engine-worker-"));
    try {
      mkdirSync(join(root, "lib/engine/pool"), { recursive: true });
      const source = join(root, "lib/engine/pool/worker.ts");
      writeFileSync(source, "export default async function run(task: { n: number }): Promise<number> { return task.n * 2; }\n");
      expect((await ensureEngineWorker(root)).built).toBe(true);
      expect((await ensureEngineWorker(root)).built).toBe(false);
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      expect((await ensureEngineWorker(root)).built).toBe(true);
      const worker = (await import(join(root, ".engine/worker.mjs"))) as { default: (task: { n: number }) => Promise<number> };
      expect(await worker.default({ n: 21 })).toBe(42);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
