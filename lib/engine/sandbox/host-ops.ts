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
  /** (exitCode, outOfMemory: 0 | 1) → marks the runtime as exiting; the guest then spins until the interrupt handler stops it. */
  Exit: 4,
  /** (kind: DoneKind, payload, flag) → records how the current invocation (or Init) ended. */
  Done: 5,
  /** (name) → the compiled factory of a lazily loaded built-in module, or undefined if there is none. */
  Module: 6,
} as const;

export const LogLevelCode = { INFO: 0, WARN: 1, ERROR: 2, DEBUG: 3 } as const;

export const DoneKind = {
  /** payload = JSON text of the result (undefined when the handler returned nothing); flag 1 = wait for an empty event loop first. */
  Returned: 0,
  /** payload = JSON {errorType, errorMessage, trace}; flag = exit code when the runtime exits right after (uncaught exception). */
  Threw: 1,
} as const;
