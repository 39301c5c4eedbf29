/**
 * One execution environment's language runtime: a QuickJS runtime + context running the guest
 * bootstrap (guest/bootstrap.ts) and the learner's module, driven turn by turn by the engine.
 *
 * A turn is one call from the engine (init, invoke, advance, settle). Inside a turn the host
 * calls into the guest, drains the microtask queue, and lets the guest fire due timers and
 * immediates one at a time (draining microtasks after each, as Node does) until the invocation
 * completes or nothing is due at the current virtual time. The guest reports completion in its
 * mailbox (host-ops.ts), which the host reads from wasm memory without a call.
 *
 * Limits (limits.ts): a heap-growth allowance and a stack limit, and an interrupt handler that
 * counts QuickJS's periodic interrupt polls against the invocation's CPU budget, checks the
 * wall-clock backstop, and stops the guest for process.exit / out-of-memory / a host fault.
 * QuickJS's "interrupted" error cannot be caught, so no guest catch or finally block runs after a
 * stop — as when a Node process dies.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";
import type { FunctionRuntime, InvokeContext, LogLevel, RuntimeConfig, SdkCall, SdkReply, SdkSettled, Turn } from "./contract";
import { BOOTSTRAP_FILENAME, BOOTSTRAP_SOURCE } from "./guest/bootstrap";
import { compactGuestSource } from "./guest/modules";
import { HostOp, Mailbox, Outcome } from "./host-ops";

// Plain constants for the hot path (the imported objects go through module getters under tsx).
const OUTCOME_MASK: number = Mailbox.OutcomeMask;
const DUE_BIT: number = Mailbox.DueBit;
const FLAG_SHIFT: number = Mailbox.FlagShift;
const OUTCOME_NONE: number = Outcome.None;
const OUTCOME_RETURNED: number = Outcome.Returned;
const OUTCOME_RETURNED_WHEN_IDLE: number = Outcome.ReturnedWhenIdle;
const OUTCOME_THREW: number = Outcome.Threw;
const STATUS_WORD: number = Mailbox.Word;
const ARG_WORD: number = Mailbox.ArgWord;
const CLOCK_SLOT: number = Mailbox.ClockOffset >> 3;
import { cpuBudgetInterrupts, GUEST_STACK_BYTES, guestHeapLimitBytes, INIT_TIMEOUT_MS, LOG_LINE_MAX_CHARS, LOG_LINES_PER_INVOCATION } from "./limits";
import { HEAP_GROWTH_CHUNK, type LoadedQuickJs } from "./quickjs-module";
import { RawCalls } from "./raw-calls";
import { TmpFsOperations } from "./tmp-fs";

/** What a runtime needs from the factory that created it. */
export interface RuntimeFactoryServices {
  quickjs: LoadedQuickJs;
  /** Source of a lazily loaded built-in module (guest/modules.ts), or undefined. */
  moduleSource(name: string): { source: string; filename: string } | undefined;
  /** Marks the factory's wasm instance as unfit for further runs (see RuntimeFactory.tainted). */
  taint(reason: string): void;
  /** Called after every turn so the factory can watch wasm memory growth. */
  afterTurn(): void;
  /** Wall-clock backstop per turn, in ms. */
  wallClockGuardMs: number;
}

const LOG_LEVELS: readonly LogLevel[] = ["INFO", "WARN", "ERROR", "DEBUG"];
const SDK_CLIENTS = new Set<SdkCall["client"]>(["sqs", "sns", "dynamodb", "lambda", "kinesis", "eventbridge"]);

type StopReason = "exit" | "out-of-memory" | "cpu-limit" | "wall-clock" | "fault";
type Completion =
  | { kind: "returned"; payload: string | undefined; waitForEmptyLoop: boolean }
  | { kind: "threw"; errorType: string; errorMessage: string; trace: string[]; exitCode: number };
type Entries = {
  init: QuickJSHandle;
  invoke: QuickJSHandle;
  step: QuickJSHandle;
  settle: QuickJSHandle;
  setStatic: QuickJSHandle;
  take: QuickJSHandle;
  promiseSettled: QuickJSHandle;
};

const nowMs = () => performance.now();

let compactBootstrap: string | undefined;

export class QuickJsFunctionRuntime implements FunctionRuntime {
  private readonly rt: QuickJSRuntime;
  private readonly ctx: QuickJSContext;
  private readonly fs: TmpFsOperations;
  private readonly clock: () => number;
  private entries: Entries | undefined;
  private hostFunction: QuickJSHandle | undefined;
  /** Byte address of the guest's mailbox (host-ops.ts) in wasm memory, and a view to read it. */
  private mailboxPointer = 0;
  private heap32: Int32Array;
  private heap64: Float64Array;
  private readonly raw: RawCalls;

  /** Set once the runtime can never run guest code again; every later call returns it. */
  private dead: Turn | undefined;
  /** A wasm trap left QuickJS in an unknown state: never call into it again, not even to free it. */
  private broken = false;
  private disposed = false;
  private initialised = false;

  private stopReason: StopReason | undefined;
  private exitCode = 0;
  private faultMessage = "";
  private interrupts = 0;
  private budget: number;
  /** The CPU budget of every invocation (the function's timeout does not change in a runtime's life). */
  private readonly invokeBudget: number;
  private wallDeadline = 0;

  private completion: Completion | undefined;
  private initFailed = false;
  private invoking = false;
  private requestId: string | undefined;
  private staticContext: InvokeContext | undefined;
  private logLines = 0;
  private readonly tickets = new Set<number>();
  /** The invocation's handler promise (a guest value pointer) while it has not settled. */
  private handlerPromise = 0;
  /** Bytes of wasm heap growth charged to this runtime, and how much it may cause (see quickjs-module.ts). */
  private growthCharged = 0;
  private readonly growthAllowance: number;
  private heapExhausted = false;

  constructor(
    private readonly services: RuntimeFactoryServices,
    private readonly config: RuntimeConfig,
  ) {
    this.fs = new TmpFsOperations(config.tmp);
    this.budget = this.invokeBudget = cpuBudgetInterrupts(config.timeoutMs);
    this.clock = () => config.host.epochMs + config.host.now();
    this.rt = services.quickjs.module.newRuntime();
    this.growthAllowance = guestHeapLimitBytes(config.memoryLimitMb);
    // No QuickJS malloc limit: the growth guard is the one thing that refuses memory, so every
    // refusal sets heapExhausted and ends as Runtime.OutOfMemory (docs/lambda-semantics.md §1.3
    // lists OOM among function errors; the sandbox README records the shape). QuickJS's own limit
    // counts 8 bytes per block in this build (malloc_usable_size is unavailable) plus the size
    // asked for, so a runtime living on heap that ended environments of the run had freed (no
    // growth, no guard) hit it instead: a catchable "out of memory" the handler could swallow,
    // or a thrown `null` where QuickJS failed without setting an exception (a Map's hash resize).
    // The price: such a runtime may use that freed heap on top of its allowance — it never grows
    // the wasm memory by more than its allowance, and the run stays deterministic.
    this.rt.setMemoryLimit(-1);
    this.rt.setMaxStackSize(GUEST_STACK_BYTES);
    this.rt.setInterruptHandler(this.onInterrupt);
    this.ctx = this.rt.newContext();
    this.raw = new RawCalls(services.quickjs, this.ctx);
    this.heap32 = new Int32Array(services.quickjs.memory.buffer);
    this.heap64 = new Float64Array(services.quickjs.memory.buffer);
  }

  // ---- the contract ------------------------------------------------------------------------

  init(): Turn {
    if (this.initialised) return this.internalFault("init() called twice on the same runtime");
    this.initialised = true;
    this.beginInvocation(cpuBudgetInterrupts(INIT_TIMEOUT_MS), undefined);
    return this.turn(() => {
      this.bootstrap();
      if (this.dead) return this.dead;
      const ctx = this.ctx;
      // Node's CommonJS wrapper sits on the module's first line, so line numbers stay the same.
      const wrapped = `(function (exports, require, module, __filename, __dirname) {${this.config.code}\n})`;
      const compiled = ctx.evalCode(wrapped, "/var/task/index.js");
      const handler = ctx.newString(this.config.handler);
      const now = ctx.newNumber(this.config.host.now());
      const result = compiled.error
        ? ctx.callFunction(this.entries!.init, ctx.undefined, now, ctx.undefined, handler, compiled.error)
        : ctx.callFunction(this.entries!.init, ctx.undefined, now, compiled.value, handler);
      handler.dispose();
      now.dispose();
      (compiled.error ?? compiled.value).dispose();
      const stopped = this.consume(result) ?? this.drainJobs();
      if (stopped) return stopped;
      return this.finishInit();
    });
  }

  invoke(eventJson: string, context: InvokeContext): Turn {
    if (this.dead) return this.dead;
    if (!this.initialised || !this.entries || this.initFailed) return this.internalFault("invoke() before a successful init()");
    this.beginInvocation(this.invokeBudget, context.awsRequestId);
    this.invoking = true;
    return this.turn(() => {
      this.sendStaticContext(context);
      // One string argument: the request id, then the event; the rest goes through the mailbox.
      const requestId = context.awsRequestId;
      this.writeClock(this.config.host.now(), context.deadline);
      this.mailboxArg(requestId.length);
      const result = this.raw.callString(this.entries!.invoke, requestId + eventJson);
      if (!result) return this.escapedError(this.raw.error!);
      if (this.raw.promiseState(result) >= 0) this.handlerPromise = result;
      else this.raw.free(result);
      this.collectOutcome();
      return this.stopTurn() ?? this.pump();
    });
  }

  advance(): Turn {
    if (this.dead) return this.dead;
    if (!this.entries || this.initFailed) return this.internalFault("advance() before a successful init()");
    return this.turn(() => this.pump());
  }

  settle(ticket: number, result: SdkSettled): Turn {
    if (this.dead) return this.dead;
    if (!this.entries || this.initFailed) return this.internalFault("settle() before a successful init()");
    return this.turn(() => {
      if (this.tickets.delete(ticket)) {
        const ctx = this.ctx;
        const now = ctx.newNumber(this.config.host.now());
        const ticketHandle = ctx.newNumber(ticket);
        const reply = ctx.newString(JSON.stringify(sdkReplyForGuest(result)));
        const called = ctx.callFunction(this.entries!.settle, ctx.undefined, now, ticketHandle, reply);
        now.dispose();
        ticketHandle.dispose();
        reply.dispose();
        const stopped = this.consume(called);
        if (stopped) return stopped;
      }
      return this.pump();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // A runtime the interrupt handler stopped (process.exit, the CPU budget) unwound its guest
    // frames with QuickJS's uncatchable error and is freed like any other: JS_FreeRuntime frees
    // pending jobs itself, and the host's own references (entry points, mailbox, host function,
    // the handler promise) go first — a host reference still alive is what makes its leak
    // assertion abort (dispose.test.ts frees every kind of ending and checks the heap stays flat).
    // Two kinds stay in the factory's heap on purpose:
    // - after a wasm trap QuickJS's state is unknown: never touched again (the factory is tainted);
    // - a memory bomb: heap growth is what the guard charges, so freeing a bomb's tens of MB would
    //   let the next bomb of the run fill them uncharged and meet QuickJS's own limit instead —
    //   a different error than the same code gets in a fresh run. Kept, every bomb ends alike.
    if (this.broken || this.heapExhausted) return;
    try {
      // The handler promise of an invocation still running (the engine resets or reclaims a
      // waiting environment) is a reference the host holds; QuickJS refuses to free a runtime
      // with live references.
      this.dropHandlerPromise();
      if (this.entries) for (const handle of Object.values(this.entries)) handle.dispose();
      this.hostFunction?.dispose();
      this.raw.dispose();
      this.ctx.dispose();
      this.rt.dispose();
    } catch (error) {
      this.services.taint(`freeing a runtime failed: ${describe(error)}`);
    }
  }

  // ---- turns ---------------------------------------------------------------------------------

  private beginInvocation(budget: number, requestId: string | undefined): void {
    this.interrupts = 0;
    this.budget = budget;
    this.requestId = requestId;
    this.completion = undefined;
    this.logLines = 0;
  }

  /** Runs one turn: enters the guest with this runtime's clock and heap guard, and turns host-level traps into a crash. */
  private turn(body: () => Turn): Turn {
    if (this.disposed) return this.internalFault("the runtime was disposed");
    const quickjs = this.services.quickjs;
    const stackPointer = quickjs.stackSave();
    this.wallDeadline = nowMs() + this.services.wallClockGuardMs;
    quickjs.setClock(this.clock);
    quickjs.setGrowthGuard(this.growthGuard);
    try {
      const result = body();
      if (result.kind === "crashed") this.dead = result;
      else if (result.kind === "threw" && result.exitCode !== undefined) this.dead = this.exitTurn(result.exitCode);
      return result;
    } catch (error) {
      // A trap inside wasm (the host's native stack overflowing in QuickJS's C recursion, an
      // abort) unwinds the wasm frames without their epilogues: put the shadow stack back, and
      // never touch this QuickJS runtime again — its internal state is unknown.
      quickjs.stackRestore(stackPointer);
      this.broken = true;
      this.services.taint(`wasm trap: ${describe(error)}`);
      this.dead = this.crash("internal", "Sandbox.Failure", `Error: Lambda Lab sandbox fault: ${trapDescription(error)}`);
      return this.dead;
    } finally {
      quickjs.setGrowthGuard(undefined);
      this.services.afterTurn();
    }
  }

  /**
   * Drains microtasks and runs due timers/immediates until the invocation ends or must wait.
   * Callbacks already due still run after the handler has answered — in Node they run before the
   * runtime asks for the next event and the environment freezes — so a timer left over from an
   * earlier invocation fires during the next one, as on Lambda.
   */
  private pump(): Turn {
    for (;;) {
      const stopped = this.drainJobs();
      if (stopped) return stopped;
      const completion = this.completion;
      const waitsForLoop = completion?.kind === "returned" && completion.waitForEmptyLoop;
      if (completion && !waitsForLoop && (this.mailboxWord() & DUE_BIT) === 0) return this.finishInvocation();
      this.writeClock(this.config.host.now(), 0);
      const stepped = this.raw.call0(this.entries!.step);
      if (!stepped) return this.escapedError(this.raw.error!);
      const next = this.raw.number(stepped);
      this.collectOutcome();
      if (next === -1) continue;
      const nextTimerAt = next >= 0 ? next : null;
      if (this.completion) {
        // callback(null, result) with callbackWaitsForEmptyEventLoop: answer once nothing is left.
        const waits = this.completion.kind === "returned" && this.completion.waitForEmptyLoop;
        if (!waits || (nextTimerAt === null && this.tickets.size === 0)) return this.finishInvocation();
        return { kind: "waiting", nextTimerAt };
      }
      if (nextTimerAt !== null || this.tickets.size > 0) return { kind: "waiting", nextTimerAt };
      if (!this.invoking) return { kind: "waiting", nextTimerAt: null };
      // Nothing can ever wake the guest: Node's event loop is empty, and the RIC's beforeExit
      // listener answers the invocation with null (RIC Runtime.#setDefaultExitListener).
      this.completion = { kind: "returned", payload: undefined, waitForEmptyLoop: false };
      return this.finishInvocation();
    }
  }

  private drainJobs(): Turn | undefined {
    if (!this.raw.runJobs()) return this.escapedError(this.raw.error!);
    this.collectOutcome();
    if (this.handlerPromise) this.watchHandlerPromise();
    return this.stopTurn();
  }

  /** Once the handler's promise has settled, lets the guest answer with its value or reason. */
  private watchHandlerPromise(): void {
    const promise = this.handlerPromise;
    const state = this.raw.promiseState(promise);
    if (state === 0 || this.stopReason !== undefined) return;
    this.handlerPromise = 0;
    const value = this.raw.promiseResult(promise);
    this.raw.free(promise);
    this.mailboxArg(state === 1 ? 1 : 0);
    const answered = this.raw.callValue(this.entries!.promiseSettled, value);
    this.raw.free(value);
    if (!answered) {
      this.raw.error!.dispose();
      return;
    }
    const text = this.raw.text(answered);
    if (text !== "") this.recordOutcome(Number(text[0]), text.length > 1 ? text.slice(1) : undefined, 0);
    if (this.stopReason === undefined) this.collectOutcome();
  }

  private mailboxWord(): number {
    let heap = this.heap32;
    // a grown wasm memory detaches the old buffer (and empties views of it)
    if (heap.length === 0) heap = this.heap32 = new Int32Array(this.services.quickjs.memory.buffer);
    return heap[(this.mailboxPointer >> 2) + STATUS_WORD]!;
  }

  /** Sets the mailbox's argument word for the entry point called next (host-ops.ts Mailbox.ArgWord). */
  private mailboxArg(value: number): void {
    let heap = this.heap32;
    if (heap.length === 0) heap = this.heap32 = new Int32Array(this.services.quickjs.memory.buffer);
    heap[(this.mailboxPointer >> 2) + ARG_WORD] = value;
  }

  /** Writes the turn's virtual time and the invocation's deadline where invoke() and step() read them. */
  private writeClock(now: number, deadline: number): void {
    let heap = this.heap64;
    if (heap.length === 0) heap = this.heap64 = new Float64Array(this.services.quickjs.memory.buffer);
    const slot = (this.mailboxPointer >> 3) + CLOCK_SLOT;
    heap[slot] = now;
    heap[slot + 1] = deadline;
  }

  /** Takes an outcome the guest left in its mailbox (one ordinary call, only when there is one). */
  private collectOutcome(): void {
    const word = this.mailboxWord();
    const kind = word & OUTCOME_MASK;
    if (kind === OUTCOME_NONE || this.stopReason !== undefined) return;
    const flag = (word >> FLAG_SHIFT) & 255;
    const taken = this.raw.call0(this.entries!.take);
    if (!taken) {
      this.raw.error!.dispose();
      return;
    }
    const text = this.raw.text(taken);
    this.recordOutcome(kind, text === "" ? undefined : text, flag);
  }

  /** The invocation ended another way (callback, beforeExit): a late settlement is ignored, as the RIC ignores a second answer. */
  private dropHandlerPromise(): void {
    if (!this.handlerPromise) return;
    if (!this.broken) this.raw.free(this.handlerPromise);
    this.handlerPromise = 0;
  }

  private recordOutcome(kind: number, text: string | undefined, flag: number): void {
    if (kind === OUTCOME_RETURNED || kind === OUTCOME_RETURNED_WHEN_IDLE) {
      this.completion = { kind: "returned", payload: text, waitForEmptyLoop: kind === OUTCOME_RETURNED_WHEN_IDLE };
      return;
    }
    if (kind !== OUTCOME_THREW) return;
    let parsed: { errorType?: unknown; errorMessage?: unknown; trace?: unknown } = {};
    try {
      parsed = JSON.parse(text ?? "{}") as typeof parsed;
    } catch {
      parsed = { errorType: "Error", errorMessage: "(the error could not be read)" };
    }
    this.completion = {
      kind: "threw",
      errorType: String(parsed.errorType ?? "Error"),
      errorMessage: String(parsed.errorMessage ?? ""),
      trace: Array.isArray(parsed.trace) ? parsed.trace.map(String) : [],
      exitCode: flag,
    };
  }

  private finishInit(): Turn {
    const completion = this.completion;
    this.completion = undefined;
    if (!completion) return this.internalFault("Init ended without reporting its outcome");
    if (completion.kind === "threw") {
      // The runtime keeps no handler; the engine runs Init again on a new runtime.
      this.initFailed = true;
      return { kind: "threw", errorType: completion.errorType, errorMessage: completion.errorMessage, trace: completion.trace };
    }
    return { kind: "returned", payload: undefined };
  }

  private finishInvocation(): Turn {
    const completion = this.completion!;
    this.completion = undefined;
    this.invoking = false;
    this.dropHandlerPromise();
    if (completion.kind === "returned") return { kind: "returned", payload: completion.payload };
    const turn: Turn = { kind: "threw", errorType: completion.errorType, errorMessage: completion.errorMessage, trace: completion.trace };
    if (completion.exitCode) turn.exitCode = completion.exitCode;
    return turn;
  }

  /** Disposes a guest call's result; returns the Turn to end with if it failed. */
  private consume(result: ReturnType<QuickJSContext["callFunction"]>): Turn | undefined {
    if (result.error) return this.escapedError(result.error);
    result.value.dispose();
    this.collectOutcome();
    return this.stopTurn();
  }

  /** If the interrupt handler stopped the guest, the Turn that says why. */
  private stopTurn(): Turn | undefined {
    if (this.heapExhausted && this.stopReason !== "exit") this.stopReason = "out-of-memory";
    switch (this.stopReason) {
      case undefined:
        return undefined;
      case "exit": {
        const completion = this.completion;
        if (completion?.kind === "threw" && completion.exitCode) return this.finishInvocation();
        if (completion?.kind === "returned") {
          // The answer was already sent when a leftover callback threw: the caller gets it, the
          // environment is gone (the next call reports the exit).
          const answered = this.finishInvocation();
          this.dead = this.exitTurn(this.exitCode);
          return answered;
        }
        return this.exitTurn(this.exitCode);
      }
      case "out-of-memory":
        // AWS reports heap exhaustion as the runtime being killed; the platform's error type is
        // Runtime.OutOfMemory (Lambda runtime API model, ErrorRuntimeOutOfMemory), the message
        // "Runtime exited with error: signal: killed" as seen in CloudWatch.
        return this.crash("out-of-memory", "Runtime.OutOfMemory", "Error: Runtime exited with error: signal: killed");
      case "cpu-limit":
      case "wall-clock": {
        const seconds = ((this.invoking ? this.config.timeoutMs : INIT_TIMEOUT_MS) / 1000).toFixed(2);
        return this.crash("cpu-limit", "Sandbox.Timedout", `Error: Task timed out after ${seconds} seconds`);
      }
      case "fault":
        return this.crash("internal", "Sandbox.Failure", `Error: Lambda Lab sandbox fault: ${this.faultMessage}`);
    }
  }

  /** An error propagated out of a guest call or a microtask without the bootstrap catching it. */
  private escapedError(handle: QuickJSHandle): Turn {
    const stopped = this.stopTurn();
    if (stopped) {
      handle.dispose();
      return stopped;
    }
    const error = this.describeGuestError(handle);
    handle.dispose();
    this.dropHandlerPromise();
    if (error.name === "InternalError" && error.message === "out of memory") {
      this.stopReason = "out-of-memory";
      return this.stopTurn()!;
    }
    // The bootstrap itself failed (e.g. the stack ran out inside its own error handling):
    // report it as the invocation's error, in Node's shape.
    const stackOverflow = error.message === "stack overflow";
    const errorType = stackOverflow ? "RangeError" : error.name;
    const errorMessage = stackOverflow ? "Maximum call stack size exceeded" : error.message;
    this.completion = undefined;
    this.invoking = false;
    return {
      kind: "threw",
      errorType,
      errorMessage,
      trace: [`${errorType}: ${errorMessage}`, ...error.stack.split("\n").filter((line) => line !== "")],
    };
  }

  private describeGuestError(handle: QuickJSHandle): { name: string; message: string; stack: string } {
    try {
      const dumped: unknown = this.ctx.dump(handle);
      if (dumped && typeof dumped === "object") {
        const { name, message, stack } = dumped as Record<string, unknown>;
        return { name: String(name ?? "Error"), message: String(message ?? ""), stack: typeof stack === "string" ? stack : "" };
      }
      return { name: typeof dumped, message: String(dumped), stack: "" };
    } catch {
      return { name: "Error", message: "(the error could not be read)", stack: "" };
    }
  }

  private exitTurn(code: number): Extract<Turn, { kind: "crashed" }> {
    // AWS Runtime.ExitError messages (docs/lambda-semantics.md §1.3, LS-snap test_lambda_runtime_exit).
    const message = code === 0 ? "Error: Runtime exited without providing a reason" : `Error: Runtime exited with error: exit status ${code}`;
    return { ...this.crash("exit", "Runtime.ExitError", message), exitCode: code };
  }

  private crash(reason: "exit" | "out-of-memory" | "cpu-limit" | "internal", errorType: string, message: string): Extract<Turn, { kind: "crashed" }> {
    const errorMessage = this.requestId ? `RequestId: ${this.requestId} ${message}` : message;
    return { kind: "crashed", reason, errorType, errorMessage };
  }

  private internalFault(message: string): Turn {
    return this.crash("internal", "Sandbox.Failure", `Error: Lambda Lab sandbox fault: ${message}`);
  }

  // ---- limits ----------------------------------------------------------------------------------

  /** Called by QuickJS every ~10,000 interpreter ticks; returning true throws an uncatchable error. */
  private readonly onInterrupt = (): boolean => {
    if (this.stopReason) return true;
    if (this.heapExhausted) {
      this.stopReason = "out-of-memory";
      return true;
    }
    this.interrupts++;
    if (this.interrupts > this.budget) {
      this.stopReason = "cpu-limit";
      return true;
    }
    if ((this.interrupts & 15) === 0 && nowMs() > this.wallDeadline) {
      this.stopReason = "wall-clock";
      return true;
    }
    return false;
  };

  /**
   * Refuses wasm heap growth past this runtime's allowance. Running out is fatal, as V8 heap
   * exhaustion kills a Node process: the guest is stopped at its next interrupt poll even if it
   * catches the "out of memory" error QuickJS throws. Allowed growth goes up to
   * HEAP_GROWTH_CHUNK at a time (every grow costs the host a garbage collection), all of it
   * charged here; near the allowance only what was asked for, so the limit stays where it was.
   */
  private readonly growthGuard = (currentBytes: number, neededBytes: number): number => {
    const needed = Math.max(0, neededBytes - currentBytes);
    const remaining = this.growthAllowance - this.growthCharged;
    if (needed > remaining) {
      this.heapExhausted = true;
      return 0;
    }
    const growth = Math.max(needed, Math.min(HEAP_GROWTH_CHUNK, remaining));
    this.growthCharged += growth;
    return currentBytes + growth;
  };

  // ---- guest setup ------------------------------------------------------------------------------

  private bootstrap(): void {
    const ctx = this.ctx;
    this.hostFunction = ctx.newFunction("host", this.hostCall);
    compactBootstrap ??= compactGuestSource(BOOTSTRAP_SOURCE);
    const compiled = ctx.evalCode(compactBootstrap, BOOTSTRAP_FILENAME);
    if (compiled.error) {
      const error = this.describeGuestError(compiled.error);
      compiled.error.dispose();
      this.dead = this.internalFault(`the runtime bootstrap failed to load: ${error.name}: ${error.message}`);
      return;
    }
    const configJson = ctx.newString(JSON.stringify({ seed: this.config.seed, env: this.config.environment }));
    const mailbox = this.raw.newSharedBuffer(Mailbox.Bytes);
    // malloc aligns to 8 bytes, so the clock slots are Float64-aligned
    if (mailbox.pointer % 8 !== 0) throw new Error("the mailbox is not 8-byte aligned");
    this.mailboxPointer = mailbox.pointer;
    const started = ctx.callFunction(compiled.value, ctx.undefined, this.hostFunction, configJson, mailbox.handle);
    compiled.value.dispose();
    configJson.dispose();
    mailbox.handle.dispose();
    if (started.error) {
      const error = this.describeGuestError(started.error);
      started.error.dispose();
      this.dead = this.stopTurn() ?? this.internalFault(`the runtime bootstrap failed: ${error.name}: ${error.message}`);
      return;
    }
    const api = started.value;
    this.entries = {
      init: ctx.getProp(api, "init"),
      invoke: ctx.getProp(api, "invoke"),
      step: ctx.getProp(api, "step"),
      settle: ctx.getProp(api, "settle"),
      setStatic: ctx.getProp(api, "setStatic"),
      take: ctx.getProp(api, "take"),
      promiseSettled: ctx.getProp(api, "promiseSettled"),
    };
    api.dispose();
  }

  private sendStaticContext(context: InvokeContext): void {
    const last = this.staticContext;
    if (
      last &&
      last.functionName === context.functionName &&
      last.functionVersion === context.functionVersion &&
      last.memoryLimitInMB === context.memoryLimitInMB &&
      last.logGroupName === context.logGroupName &&
      last.logStreamName === context.logStreamName &&
      last.invokedFunctionArn === context.invokedFunctionArn
    ) {
      return;
    }
    this.staticContext = context;
    const json = this.ctx.newString(
      JSON.stringify({
        functionName: context.functionName,
        functionVersion: context.functionVersion,
        memoryLimitInMB: context.memoryLimitInMB,
        logGroupName: context.logGroupName,
        logStreamName: context.logStreamName,
        invokedFunctionArn: context.invokedFunctionArn,
      }),
    );
    const result = this.ctx.callFunction(this.entries!.setStatic, this.ctx.undefined, json);
    json.dispose();
    (result.error ?? result.value).dispose();
  }

  // ---- the host function --------------------------------------------------------------------

  private readonly hostCall = (...args: QuickJSHandle[]): QuickJSHandle | undefined => {
    const ctx = this.ctx;
    try {
      const op = ctx.getNumber(args[0]!);
      switch (op) {
        case HostOp.Log: {
          const raw = ctx.getString(args[2]!);
          const text = args[3] !== undefined && ctx.typeof(args[3]) === "number" ? String(JSON.parse(raw)) : raw;
          return this.log(ctx.getNumber(args[1]!), text) ? ctx.true : undefined;
        }
        case HostOp.Sdk:
          return ctx.newString(this.sdk(ctx.getString(args[1]!), ctx.getString(args[2]!), ctx.getString(args[3]!)));
        case HostOp.Fs:
          return ctx.newString(JSON.stringify(this.fileOperation(ctx.getString(args[1]!), ctx.getString(args[2]!), optionalString(ctx, args[3]), optionalString(ctx, args[4]))));
        case HostOp.Exit: {
          this.exitCode = ctx.getNumber(args[1]!);
          const outcome = args[3] !== undefined ? ctx.getNumber(args[3]) : Outcome.None;
          if (outcome !== Outcome.None) this.recordOutcome(outcome, optionalString(ctx, args[4]), this.exitCode);
          this.stopReason = ctx.getNumber(args[2]!) === 1 ? "out-of-memory" : "exit";
          return undefined;
        }
        case HostOp.Module:
          return this.compileModule(ctx.getString(args[1]!));
        default:
          throw new Error(`unknown host operation ${op}`);
      }
    } catch (error) {
      // A failure on the host side (the engine's host.sdk or host.log threw): stop the guest at
      // its next interrupt poll and report the environment as crashed by a sandbox fault.
      this.faultMessage = describe(error);
      this.stopReason ??= "fault";
      return undefined;
    }
  };

  /** `dataJson` is JSON text (raw strings would lose everything after a NUL); "utf8" text is encoded here, natively. */
  private fileOperation(operation: string, path: string, dataJson: string | undefined, encoding: string | undefined) {
    let data = dataJson === undefined ? undefined : String(JSON.parse(dataJson));
    if (data !== undefined && encoding === "utf8") data = Buffer.from(data, "utf8").toString("latin1");
    const result = this.fs.run(operation, path, data);
    if (operation === "read" && encoding === "utf8" && "ok" in result) {
      return { ok: Buffer.from(String(result.ok), "latin1").toString("utf8") };
    }
    return result;
  }

  private log(levelCode: number, text: string): boolean {
    const level = LOG_LEVELS[levelCode] ?? "INFO";
    this.logLines++;
    if (this.logLines > LOG_LINES_PER_INVOCATION) return true;
    this.config.host.log(level, clip(text));
    if (this.logLines === LOG_LINES_PER_INVOCATION) {
      this.config.host.log("WARN", `Lambda Lab: log output truncated after ${LOG_LINES_PER_INVOCATION} lines in this invocation`);
      return true;
    }
    return false;
  }

  private sdk(client: string, command: string, inputJson: string): string {
    if (!SDK_CLIENTS.has(client as SdkCall["client"])) throw new Error(`unknown SDK client ${client}`);
    const reply: SdkReply = this.config.host.sdk({ client: client as SdkCall["client"], command, input: JSON.parse(inputJson) });
    if (reply.kind === "pending") {
      this.tickets.add(reply.ticket);
      return JSON.stringify({ k: "pending", t: reply.ticket });
    }
    return JSON.stringify(sdkReplyForGuest(reply));
  }

  private compileModule(name: string): QuickJSHandle | undefined {
    const module = this.services.moduleSource(name);
    if (!module) return undefined;
    const compiled = this.ctx.evalCode(module.source, module.filename);
    if (compiled.error) {
      const error = this.describeGuestError(compiled.error);
      compiled.error.dispose();
      throw new Error(`built-in module ${name} failed to load: ${error.name}: ${error.message}`);
    }
    return compiled.value;
  }
}

function optionalString(ctx: QuickJSContext, handle: QuickJSHandle | undefined): string | undefined {
  return handle !== undefined && ctx.typeof(handle) === "string" ? ctx.getString(handle) : undefined;
}

/** The JSON the guest's SDK stand-ins parse (guest/aws-sdk.ts). */
function sdkReplyForGuest(reply: SdkSettled): unknown {
  if (reply.kind === "ok") return { k: "ok", o: reply.output ?? {} };
  return { k: "error", n: reply.name, m: reply.message, s: reply.httpStatusCode ?? 400 };
}

function clip(text: string): string {
  return text.length <= LOG_LINE_MAX_CHARS ? text : `${text.slice(0, LOG_LINE_MAX_CHARS)} … [truncated: line over 256 KB]`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function trapDescription(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return "the handler exhausted the host's native stack (recursion too deep inside a built-in such as JSON.stringify or the parser)";
  }
  return `the QuickJS engine stopped (${describe(error)})`;
}
