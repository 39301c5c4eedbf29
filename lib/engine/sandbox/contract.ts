/**
 * The seam between the engine (virtual time, AWS semantics) and the language runtime that runs
 * a learner's handler code (a QuickJS context in `./quickjs`).
 *
 * One `FunctionRuntime` is the language runtime of ONE execution environment: module scope runs
 * once in `init()` and its state lives until the engine disposes the runtime (reclaim) or resets
 * it (timeout, crash: the engine disposes and creates a new runtime on the same `TmpFs`, so /tmp
 * survives a reset as on AWS — see docs/lambda-semantics.md §5).
 *
 * The runtime never reads a clock or a random source of the host: time comes from `host.now()`
 * (virtual milliseconds) and randomness from `seed`, so the same scenario gives the same trace.
 *
 * Control flow is cooperative. Every call returns a `Turn` once the guest has nothing left to do
 * right now: it returned, threw, crashed, or is waiting for a virtual timer or for a pending SDK
 * call. The engine then schedules the wake-up on its own event queue and calls `advance()` at that
 * virtual time, or `settle()` when a pending SDK call completes. One invocation at a time per
 * runtime (AWS: one invocation per execution environment).
 */

/**
 * A per-environment /tmp owned by the engine, so that it survives a runtime reset. Paths are absolute ("/tmp/x").
 * (Layout, added by the sandbox: a file's value is its bytes as a binary string, one char per byte;
 * a key ending in "/" with value "" is a directory made by mkdir. See tmp-fs.ts.)
 */
export interface TmpFs {
  readonly files: Map<string, string>;
}

export type LogLevel = "INFO" | "WARN" | "ERROR" | "DEBUG";

/** The AWS SDK v3 stand-ins inside the sandbox call the engine through this. `command` is the AWS API operation name. */
export interface SdkCall {
  client: "sqs" | "sns" | "dynamodb" | "lambda" | "kinesis" | "eventbridge";
  /** AWS operation name: "SendMessage", "SendMessageBatch", "Publish", "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Invoke", "PutRecord", "PutEvents". */
  command: string;
  /** The command input as the real SDK takes it (DynamoDB in attribute-value JSON: lib-dynamodb marshals inside the sandbox). Lambda `Payload` arrives as a string. */
  input: unknown;
}

export type SdkSettled =
  | { kind: "ok"; output: unknown }
  /** Becomes a rejected promise with an Error whose `name` is the AWS exception name (e.g. "ConditionalCheckFailedException"). */
  | { kind: "error"; name: string; message: string; httpStatusCode?: number };

/** `pending`: the result comes later through `FunctionRuntime.settle(ticket, …)` (e.g. a synchronous Lambda Invoke of another function). */
export type SdkReply = SdkSettled | { kind: "pending"; ticket: number };

export interface RuntimeHost {
  /** Virtual time, ms since the scenario started. */
  now(): number;
  /** Wall-clock epoch (ms) that virtual time 0 stands for; `Date.now()` in the guest = epochMs + now(). */
  readonly epochMs: number;
  /** A line the guest printed (console.log → INFO, console.error → ERROR, …). Already formatted as Node's util.format would. */
  log(level: LogLevel, line: string): void;
  sdk(call: SdkCall): SdkReply;
}

export interface RuntimeConfig {
  functionName: string;
  functionVersion: string;
  /** Code.ZipFile: one CommonJS module, treated as `index.js`. */
  code: string;
  /** "index.handler": file part must be "index", export part names the handler. */
  handler: string;
  /** process.env, complete (the engine adds AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, … to the function's variables). */
  environment: Record<string, string>;
  /** The function's MemorySize; the sandbox caps its heap from it (with a hard ceiling of its own). */
  memoryLimitMb: number;
  /** The function's Timeout in ms: the CPU budget of one invoke is tied to it (an infinite loop ends as `crashed`/`cpu-limit`). */
  timeoutMs: number;
  /** Seeds the guest's Math.random and crypto.randomUUID. */
  seed: number;
  tmp: TmpFs;
  host: RuntimeHost;
}

/** The `context` object fields (Node runtime names). `deadline` is virtual ms: getRemainingTimeInMillis() = deadline - host.now(). */
export interface InvokeContext {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  deadline: number;
}

export type Turn =
  /** The handler (or Init) finished. `payload` is the JSON text of the result; undefined when it returned nothing (sync response payload `null`). */
  | { kind: "returned"; payload: string | undefined }
  /** The handler threw / rejected / called back with an error. Node's error shape. Init errors too. */
  | {
      kind: "threw";
      errorType: string;
      errorMessage: string;
      trace: string[];
      /**
       * (Added by the sandbox.) Present when the runtime process exited right after reporting this
       * error: an exception thrown in a timer/immediate/microtask callback is reported as the
       * invocation's error and Node's RIC then exits with 129. The caller gets this error; the
       * engine resets the environment as after a crash (the runtime answers `crashed`/`exit` if used again).
       */
      exitCode?: number;
    }
  /** Not finished: waiting for the earliest guest timer (virtual ms) or, when null, only for pending SDK tickets (or for nothing that will ever come). */
  | { kind: "waiting"; nextTimerAt: number | null }
  /**
   * The runtime died: process.exit, heap limit, CPU budget, or a fault of the sandbox itself.
   * The engine treats `cpu-limit` as a function timeout (Sandbox.Timedout) and the others as a
   * crash (Runtime.ExitError …); either way it resets the environment.
   */
  | {
      kind: "crashed";
      reason: "exit" | "out-of-memory" | "cpu-limit" | "internal";
      errorType: string;
      errorMessage: string;
      exitCode?: number;
    };

export interface FunctionRuntime {
  /** Runs module scope once (the Init phase). `returned` on success (payload undefined). */
  init(): Turn;
  /** Starts the handler with the event (JSON text) and context. */
  invoke(eventJson: string, context: InvokeContext): Turn;
  /** Virtual time has moved to host.now(): fire every due timer in due order, run pending jobs. */
  advance(): Turn;
  /** A pending SDK call completed. */
  settle(ticket: number, result: SdkSettled): Turn;
  /** Frees the QuickJS context. Idempotent. */
  dispose(): void;
  /**
   * Optional (added by the engine core): bytes the guest's heap uses now, for REPORT's
   * `Max Memory Used`. The engine adds the Node.js runtime's baseline to it.
   */
  memoryUsedBytes?(): number;
}

export interface RuntimeFactory {
  create(config: RuntimeConfig): FunctionRuntime;
  /**
   * True once this factory's wasm heap has grown past its budget (a memory bomb): the QuickJS heap
   * never shrinks, so the worker that owns the factory must be recycled after the current run.
   */
  readonly tainted: boolean;
}
