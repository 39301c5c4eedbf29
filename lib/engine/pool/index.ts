/**
 * The engine worker pool: `getEnginePool().run({ scenario, seed })` runs a whole scenario in a
 * piscina worker thread, so the thread serving HTTP never runs a learner's handler code — and a
 * round trip per invocation, which would cost more than the invocation, is never needed.
 *
 * - Size: one worker per core left after the one the HTTP server needs — 1 on this project's
 *   2-core machines. A scenario run is CPU-bound from start to end; a second worker on 2 cores
 *   would compete with the request thread and make page loads stall while labs run.
 *   LAMBDA_LAB_ENGINE_WORKERS overrides it.
 * - Each task has a wall-clock timeout (30 s, LAMBDA_LAB_ENGINE_TASK_TIMEOUT_MS): past it the
 *   worker thread is terminated and the task rejected with EngineTaskTimeoutError.
 * - Recycling: a worker reports its health with every trace. When its run's wasm instance was
 *   tainted (a memory bomb or a wasm trap), its isolate holds more than `recycleAboveMb`, or it
 *   has run `maxTasksPerWorker` tasks, the pool starts a fresh set of workers for new tasks and
 *   closes the old ones once their running tasks finish.
 * - The worker is the esbuild bundle `.engine/worker.mjs`, built on first use if missing or
 *   older than lib/engine (build-worker.ts), resolved from `root` (default: process.cwd(), the
 *   project directory for the server, the CLI and tests).
 */
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { Trace } from "../trace/types";
import { ensureEngineWorker } from "./build-worker";
import type { EngineTask, EngineTaskResult, WorkerHealth } from "./worker";

export type { EngineTask, WorkerHealth } from "./worker";

export interface EnginePoolOptions {
  /** Worker threads. Default: cores - 1, at least 1 (LAMBDA_LAB_ENGINE_WORKERS). */
  workers?: number;
  /** Wall-clock limit of one scenario run, ms (LAMBDA_LAB_ENGINE_TASK_TIMEOUT_MS, default 30,000). */
  taskTimeoutMs?: number;
  /** Recycle a worker after this many runs (default 200). */
  maxTasksPerWorker?: number;
  /** Recycle a worker whose isolate (heap + external, wasm included) passed this, MB (default 512). */
  recycleAboveMb?: number;
  /** Runs waiting for a worker beyond which `run` rejects at once (default 256). */
  maxQueue?: number;
  /** Native stack of each worker thread, MB (default 16: QuickJS's own stack limit is then reached long before it). */
  stackSizeMb?: number;
  /** Project directory holding lib/engine and .engine (default process.cwd()). */
  root?: string;
}

export class EngineTaskTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The scenario run did not finish within ${timeoutMs} ms of wall-clock time; its engine worker was stopped.`);
    this.name = "EngineTaskTimeoutError";
  }
}

export interface EnginePoolStats {
  /** How many sets of workers the pool has started (1 + recycles). */
  generation: number;
  completed: number;
  failed: number;
  timedOut: number;
  /** Why the last recycle happened. */
  lastRecycleReason: string | null;
  /** What the worker that ran the last completed task reported. */
  lastHealth: WorkerHealth | null;
}

interface Generation {
  number: number;
  piscina: Piscina<EngineTask, EngineTaskResult>;
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export class EnginePool {
  private readonly options: Required<Omit<EnginePoolOptions, "root">> & { root: string };
  private current: Generation | undefined;
  private starting: Promise<Generation> | undefined;
  private closed = false;
  private readonly counters: EnginePoolStats = { generation: 0, completed: 0, failed: 0, timedOut: 0, lastRecycleReason: null, lastHealth: null };

  constructor(options: EnginePoolOptions = {}) {
    this.options = {
      workers: Math.max(1, Math.floor(options.workers ?? envNumber("LAMBDA_LAB_ENGINE_WORKERS") ?? availableParallelism() - 1)),
      taskTimeoutMs: options.taskTimeoutMs ?? envNumber("LAMBDA_LAB_ENGINE_TASK_TIMEOUT_MS") ?? 30_000,
      maxTasksPerWorker: options.maxTasksPerWorker ?? 200,
      recycleAboveMb: options.recycleAboveMb ?? 512,
      maxQueue: options.maxQueue ?? 256,
      stackSizeMb: options.stackSizeMb ?? 16,
      root: options.root ?? process.cwd(),
    };
  }

  /** Runs a validated scenario in a worker and resolves with its trace. */
  async run(task: EngineTask): Promise<Trace> {
    if (this.closed) throw new Error("The engine pool is closed.");
    const generation = await this.generation();
    const signal = AbortSignal.timeout(this.options.taskTimeoutMs);
    let result: EngineTaskResult;
    try {
      result = await generation.piscina.run(task, { signal });
    } catch (error) {
      if (signal.aborted) {
        this.counters.timedOut++;
        throw new EngineTaskTimeoutError(this.options.taskTimeoutMs);
      }
      this.counters.failed++;
      throw error;
    }
    this.counters.completed++;
    this.counters.lastHealth = result.health;
    const reason = this.recycleReason(result.health);
    if (reason) this.recycle(generation, reason);
    return result.trace;
  }

  stats(): EnginePoolStats {
    return { ...this.counters };
  }

  /** Stops the workers (waiting for running tasks). The pool cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    const generation = this.current ?? (this.starting ? await this.starting.catch(() => undefined) : undefined);
    this.current = undefined;
    if (generation) await generation.piscina.destroy();
  }

  private recycleReason(health: WorkerHealth): string | null {
    if (health.tainted) return `its QuickJS instance was tainted (${health.taintReasons.join("; ") || "wasm memory over budget"})`;
    if (health.isolateMb > this.options.recycleAboveMb) return `its isolate holds ${health.isolateMb} MB (limit ${this.options.recycleAboveMb} MB)`;
    if (health.tasks >= this.options.maxTasksPerWorker) return `it ran ${health.tasks} tasks`;
    return null;
  }

  /** Starts a fresh set of workers for new tasks; the old set finishes what it runs, then stops. */
  private recycle(old: Generation, reason: string): void {
    if (this.current !== old || this.closed) return;
    this.counters.lastRecycleReason = reason;
    this.current = this.startGeneration();
    void old.piscina.close().catch(() => undefined);
  }

  private async generation(): Promise<Generation> {
    if (this.current) return this.current;
    this.starting ??= ensureEngineWorker(this.options.root).then(({ file }) => {
      this.workerUrl = pathToFileURL(file).href;
      this.current = this.startGeneration();
      return this.current;
    });
    try {
      return await this.starting;
    } catch (error) {
      this.starting = undefined; // let the next call try the build again
      throw error;
    }
  }

  private workerUrl = "";

  private startGeneration(): Generation {
    this.counters.generation++;
    const piscina = new Piscina<EngineTask, EngineTaskResult>({
      filename: this.workerUrl,
      minThreads: this.options.workers,
      maxThreads: this.options.workers,
      idleTimeout: 5 * 60_000,
      maxQueue: this.options.maxQueue,
      resourceLimits: { stackSizeMb: this.options.stackSizeMb },
    });
    // An idle worker dying (it should not) must not crash the server.
    piscina.on("error", () => undefined);
    return { number: this.counters.generation, piscina };
  }
}

const POOL_KEY = Symbol.for("lambda-lab.engine-pool");
type PoolHolder = { [POOL_KEY]?: EnginePool };

/**
 * The process-wide pool (kept on globalThis, so Next's dev reloads reuse one set of workers).
 * Options apply when the pool is first created.
 */
export function getEnginePool(options?: EnginePoolOptions): EnginePool {
  const holder = globalThis as PoolHolder;
  holder[POOL_KEY] ??= new EnginePool(options);
  return holder[POOL_KEY];
}

/** Closes the process-wide pool if one was started (tests, CLI shutdown). */
export async function closeEnginePool(): Promise<void> {
  const holder = globalThis as PoolHolder;
  const pool = holder[POOL_KEY];
  delete holder[POOL_KEY];
  if (pool) await pool.close();
}
