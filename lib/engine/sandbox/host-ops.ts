/**
 * The one host function the guest bootstrap receives is called as `host(op, a, b, c)`. These are
 * its operation codes, shared by the host (function-runtime.ts) and the guest sources (guest/*),
 * which interpolate them. The guest never sees the host function as a global: the bootstrap keeps
 * it in a closure and hands it only to the built-in modules it compiles.
 */
export const HostOp = {
  /** (level: LogLevelCode, text, isJson?) → true once the invocation's log cap is reached. Text holding a NUL comes as JSON. */
  Log: 0,
  /** (client, command, inputJson) → reply JSON: {"k":"ok","o":…} | {"k":"error",…} | {"k":"pending","t":n}. */
  Sdk: 2,
  /** (operation, path, dataJson?, "utf8" | "latin1") → JSON {"ok":…} | {"err":"ENOENT",…} (see tmp-fs.ts). */
  Fs: 3,
  /**
   * (exitCode, outOfMemory: 0 | 1, outcome, outcomeText) → marks the runtime as exiting, with the
   * outcome reported just before if any; the guest then spins until the interrupt handler stops it.
   */
  Exit: 4,
  /** (name) → the compiled factory of a lazily loaded built-in module, or undefined if there is none. */
  Module: 6,
} as const;

export const LogLevelCode = { INFO: 0, WARN: 1, ERROR: 2, DEBUG: 3 } as const;

/**
 * How the guest reports the end of an invocation (or of Init) without a host call: it writes
 * these words into a small Int32Array (the "mailbox") over bytes the host allocated in wasm
 * memory, which the host reads directly, and keeps the payload for the host to `take()` with an
 * ordinary call. A host call through quickjs-emscripten costs several times an ordinary call
 * into the guest, and a read through QuickJS's property API three FFI crossings.
 */
export const Mailbox = {
  /** The one word the host reads: outcome (bits 0-3) | due (bit 4) | exit code (bits 8-15). */
  Word: 0,
  OutcomeMask: 0xf,
  /** Set when callbacks may be due now (an immediate queued or a timer overdue). */
  DueBit: 0x10,
  FlagShift: 8,
  /** Length of the Int32Array. */
  Words: 2,
  /**
   * Word 1 is written by the host just before it calls an entry point, so the call passes no
   * extra argument (each number or string argument is a JSValue the host mallocs, fills and
   * frees): for invoke(text), the length of the request id that `text` starts with; for
   * promiseSettled(value), 1 when the handler's promise was fulfilled, 0 when it was rejected.
   */
  ArgWord: 1,
  /**
   * Byte offset of two Float64 slots the host writes before invoke() and step(): the turn's
   * virtual time, then the invocation's deadline. Virtual time cannot move during a turn.
   */
  ClockOffset: 8,
  /** Bytes the host allocates for the mailbox. */
  Bytes: 24,
} as const;

export const Outcome = {
  None: 0,
  /** take() → JSON text of the result, or undefined when the handler returned nothing. */
  Returned: 1,
  /** take() → JSON {errorType, errorMessage, trace}; the flag bits hold an exit code (or 0). */
  Threw: 2,
  /** Like Returned, but answer only once the event loop is empty (callbackWaitsForEmptyEventLoop). */
  ReturnedWhenIdle: 3,
} as const;
