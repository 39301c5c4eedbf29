/**
 * The sandbox's resource limits, in one place, with the reason for each number.
 *
 * Everything that decides *whether* guest code is stopped is deterministic (counted in QuickJS
 * interrupt callbacks, bytes, lines), so the same scenario gives the same trace on any machine.
 * Only the wall-clock guard depends on the host, and it is a backstop that a healthy host never
 * reaches before the deterministic budget.
 */

const MB = 1024 * 1024;

/**
 * Guest heap per execution environment. A real 128 MB Node.js environment spends ~40-60 MB on the
 * runtime itself, and QuickJS objects are smaller than V8's, so a quarter of MemorySize is a fair
 * stand-in for what a handler can allocate. The floor keeps tiny configurations usable; the
 * ceiling keeps a worker holding many environments within its wasm budget (below).
 */
export function guestHeapLimitBytes(memoryLimitMb: number): number {
  const quarter = Math.floor((Number.isFinite(memoryLimitMb) ? memoryLimitMb : 128) / 4);
  return Math.min(Math.max(quarter, 16), 64) * MB;
}

/**
 * QuickJS's own stack limit (checked against the emscripten shadow stack). Measured on Node 20:
 * 384 KB is the largest value where plain JS recursion still ends in a catchable error on the
 * main thread (984 KB native stack); 256 KB leaves a margin for recursion through native code
 * (Array.prototype.map, JSON reviver, getters) and gives ~1,400 frames of simple recursion.
 * Recursion that bypasses QuickJS's check entirely (JSON.stringify of a 100k-deep array) can
 * still overflow the host stack: that is caught, the environment crashes and the factory is
 * tainted (see function-runtime.ts).
 */
export const GUEST_STACK_BYTES = 256 * 1024;

/**
 * CPU budget of one invocation (Init counts as one), in QuickJS interrupt callbacks. QuickJS
 * calls the interrupt handler every 10,000 "ticks" (loop iterations and calls; regular
 * expressions poll too), ≈0.7 ms of a tight loop on this project's 2-core reference machine.
 * A quarter callback per millisecond of the function's Timeout, clamped to 250-1000, gives an
 * honest handler 2.5-10 million ticks — far more than any lab needs — and bounds an endless
 * loop to well under a second of host CPU. Counted across all turns of the invocation, so a
 * loop split into many timer callbacks is bounded too. Deterministic: the same code spends the
 * same ticks on every machine, so the same scenario always times out at the same point.
 */
export function cpuBudgetInterrupts(timeoutMs: number): number {
  const ms = Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 3000;
  return Math.min(Math.max(Math.ceil(ms / 4), 250), 1000);
}

/** Init on AWS is limited to 10 s for on-demand environments (docs/lambda-semantics.md §5). */
export const INIT_TIMEOUT_MS = 10_000;

/**
 * Wall-clock backstop per turn. Only reached if the host is badly overloaded or QuickJS spends a
 * long time without polling interrupts (a single huge native operation). Not deterministic, so
 * set far above what the deterministic budget costs.
 */
export const WALL_CLOCK_GUARD_MS = 10_000;

/**
 * Total wasm memory one factory (one worker) may grow to. Each factory owns one QuickJS wasm
 * instance shared by all of that run's environments; the wasm heap never shrinks, so this is
 * also the most RSS a bombed worker can hold before it is recycled.
 */
export const FACTORY_WASM_MAX_BYTES = 768 * MB;
/** Past this much wasm memory the factory reports `tainted` so the pool recycles its worker. */
export const FACTORY_TAINT_BYTES = 320 * MB;

/**
 * Log lines per invocation. CloudWatch has no such cap, but a log flood would otherwise grow the
 * trace without bound; past the cap one notice line is written and the rest dropped.
 */
export const LOG_LINES_PER_INVOCATION = 2_000;
/** CloudWatch Logs caps one event at 256 KB; longer lines are cut there (with a marker). */
export const LOG_LINE_MAX_CHARS = 256 * 1024;

/**
 * /tmp bytes per environment. AWS gives 512 MB by default (EphemeralStorage); the engine keeps
 * /tmp in memory, so the sandbox caps it lower and answers ENOSPC past it, as a full disk would.
 */
export const TMP_MAX_BYTES = 32 * MB;
