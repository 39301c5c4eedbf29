/**
 * Runs scenarios in a worker thread with a wall-clock bound per run, for tests that feed the
 * engine hostile input (the fuzz test): a run that does not finish in time is reported as a
 * timeout and the worker replaced, instead of hanging the test process.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Scenario, Trace } from "@/lib/engine";

export type BoundedResult = { ok: true; trace: Trace; ms: number } | { ok: false; timeout: boolean; error: string; ms: number };

export class BoundedRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;

  constructor(private readonly timeoutMs: number) {}

  private start(): Promise<void> {
    const root = process.cwd();
    this.worker = new Worker(path.join(root, "lib/labs/testing/ts-worker.mjs"), {
      workerData: { entry: path.join(root, "lib/labs/testing/run-worker.mts"), tsconfig: path.join(root, "tsconfig.json") },
    });
    const worker = this.worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off("message", onMessage);
          resolve();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    return this.ready;
  }

  async run(scenario: Scenario): Promise<BoundedResult> {
    if (!this.worker) await this.start();
    await this.ready;
    const worker = this.worker!;
    const id = ++this.nextId;
    const started = performance.now();
    return new Promise<BoundedResult>((resolve) => {
      const timer = setTimeout(() => {
        worker.off("message", onMessage);
        void worker.terminate();
        this.worker = undefined;
        resolve({ ok: false, timeout: true, error: `no result within ${this.timeoutMs} ms`, ms: performance.now() - started });
      }, this.timeoutMs);
      const onMessage = (m: { id?: number; ok?: boolean; trace?: string; error?: string }) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        const ms = performance.now() - started;
        resolve(m.ok ? { ok: true, trace: JSON.parse(m.trace!) as Trace, ms } : { ok: false, timeout: false, error: m.error ?? "unknown", ms });
      };
      worker.on("message", onMessage);
      worker.postMessage({ id, scenario });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
