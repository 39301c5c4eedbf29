/**
 * The RuntimeFactory: one QuickJS wasm instance, shared by every execution environment of one
 * scenario run (one worker), each environment getting its own QuickJS runtime and context.
 *
 * The wasm heap only grows. When it passes its budget, or a wasm trap left it in an unknown
 * state, the factory reports `tainted` and the worker that owns it is recycled after the run.
 */
import type { FunctionRuntime, RuntimeConfig, RuntimeFactory } from "./contract";
import { QuickJsFunctionRuntime, type RuntimeFactoryServices } from "./function-runtime";
import { builtinModuleSource } from "./guest/modules";
import { FACTORY_TAINT_BYTES, WALL_CLOCK_GUARD_MS } from "./limits";
import { loadQuickJs, type LoadedQuickJs } from "./quickjs-module";

export class QuickJsRuntimeFactory implements RuntimeFactory {
  private readonly reasons: string[] = [];
  private readonly services: RuntimeFactoryServices;

  constructor(
    private readonly quickjs: LoadedQuickJs,
    options: QuickJsFactoryOptions = {},
  ) {
    // emscripten's abort() ("Aborted(Assertion failed: …)") and any other output of the wasm
    // module: the instance may be unsound after it, so it taints the factory instead of printing.
    quickjs.setOutputSink((text) => this.services.taint(`QuickJS aborted: ${text}`));
    this.services = {
      quickjs,
      wallClockGuardMs: options.wallClockGuardMs ?? WALL_CLOCK_GUARD_MS,
      moduleSource: builtinModuleSource,
      taint: (reason) => {
        if (!this.reasons.includes(reason)) this.reasons.push(reason);
      },
      afterTurn: () => {
        if (this.reasons.length === 0 && this.wasmMemoryBytes > FACTORY_TAINT_BYTES) {
          this.reasons.push(`wasm memory grew to ${Math.round(this.wasmMemoryBytes / 1048576)} MB`);
        }
      },
    };
  }

  create(config: RuntimeConfig): FunctionRuntime {
    return new QuickJsFunctionRuntime(this.services, config);
  }

  get tainted(): boolean {
    return this.reasons.length > 0 || this.wasmMemoryBytes > FACTORY_TAINT_BYTES;
  }

  /** (Additive to the contract.) Why the factory is tainted, for the pool's logs. */
  get taintReasons(): readonly string[] {
    return this.reasons;
  }

  /** (Additive to the contract.) Current size of the shared wasm memory. */
  get wasmMemoryBytes(): number {
    return this.quickjs.memory.buffer.byteLength;
  }
}

export interface QuickJsFactoryOptions {
  /** Wall-clock backstop per turn (limits.ts WALL_CLOCK_GUARD_MS by default). */
  wallClockGuardMs?: number;
}

/**
 * Loads a fresh QuickJS wasm instance (≈3 ms) and returns a factory of execution-environment
 * runtimes. Use one factory per scenario run: environments of one run share the wasm heap, so
 * reusing a factory across runs would let one run's memory use shape another's limits.
 */
export async function createQuickJsRuntimeFactory(options?: QuickJsFactoryOptions): Promise<QuickJsRuntimeFactory> {
  return new QuickJsRuntimeFactory(await loadQuickJs(), options);
}
