/**
 * The engine worker: runs one whole scenario per task inside a worker thread, with a fresh QuickJS
 * wasm instance per run (≈3 ms) holding all of that run's execution environments. A fresh
 * instance per run keeps memory-limit outcomes independent of earlier runs (environments of one
 * run share its wasm heap) and lets a bombed heap be garbage-collected with the run.
 *
 * Bundled by build-worker.ts into .engine/worker.mjs, so it loads without tsx or Next's bundler.
 * Reports its health with every trace; the pool recycles the worker when it asks to be.
 */
import { runScenario } from "../run";
import type { Scenario } from "../scenario/types";
import type { Trace } from "../trace/types";
import { createQuickJsRuntimeFactory } from "../sandbox/factory";

export interface EngineTask {
  scenario: Scenario;
  seed?: number;
}

export interface WorkerHealth {
  /** Tasks this worker thread has run, including this one. */
  tasks: number;
  /** The run's wasm instance hit a trap or outgrew its budget. */
  tainted: boolean;
  taintReasons: string[];
  /** This run's wasm memory, MB. */
  wasmMb: number;
  /** This worker isolate's V8 heap plus external memory (array buffers, wasm), MB. */
  isolateMb: number;
}

export interface EngineTaskResult {
  trace: Trace;
  health: WorkerHealth;
}

let tasks = 0;

export default async function runEngineTask(task: EngineTask): Promise<EngineTaskResult> {
  tasks++;
  const runtime = await createQuickJsRuntimeFactory();
  const trace = runScenario(task.scenario, task.seed === undefined ? { runtime } : { runtime, seed: task.seed });
  const memory = process.memoryUsage();
  return {
    trace,
    health: {
      tasks,
      tainted: runtime.tainted,
      taintReasons: [...runtime.taintReasons],
      wasmMb: Math.round(runtime.wasmMemoryBytes / 1048576),
      isolateMb: Math.round((memory.heapUsed + memory.external) / 1048576),
    },
  };
}
