import { utf8Length } from "../../core/encoding";
import type { InvokeContext, RuntimeHost, Turn } from "../../sandbox/contract";
import type { Simulation } from "../../simulation";
import type { InvocationRecord, InvocationStatus } from "../../trace/types";
import { LIMITS } from "../../world";
import type { ExecutionEnvironment } from "./execution-environment";
import { Invocation, type InvocationOutcome, type InvokeRequest } from "./invocation";
import { endLine, functionLine, initStartLine, invokeErrorLine, reportLine, startLine, timeoutLine } from "./logs";
import type { ThrottleReason } from "./counting-service";

/** §1.2: a synchronous request — an event source mapping's batch event too — is at most 6 MB. */
export const MAX_SYNC_REQUEST_BYTES = 6_291_456;
/** §1.2: a response over 6 MB (+100 bytes of envelope) becomes Function.ResponseSizeTooLarge. */
export const MAX_RESPONSE_BYTES = 6_291_556;
/** §5: on-demand Init must finish within 10 s. */
export const INIT_LIMIT_MS = 10_000;

export type SettledResult =
  | { kind: "ok"; payloadJson: string | undefined }
  | { kind: "error"; errorType: string; errorMessage: string; trace: string[]; exited?: boolean };

export type StartResult = { ok: true; invocation: Invocation } | { ok: false; reason: ThrottleReason };

/**
 * Runs attempts on execution environments, on virtual time (LocalStack's
 * `execution_environment` + `executor_endpoint` in one small state machine):
 *
 *   start ─ Init (cold: INIT_START, module scope, coldStartMs) ─┐
 *        └─ warm (warmStartMs) ──────────────────────────────────┴─ handler ─ finish
 *
 * The handler runs until it returns, throws, crashes, or waits; a wait is resumed when its
 * virtual timer is due or its SDK call answers. The function's Timeout bounds the handler
 * phase. A timeout or crash resets the environment in place (§5); a thrown error does not.
 */
export class Invoker {
  // long-lived callbacks for per-invocation events (no closure per event)
  private readonly beginHandlerFn = (inv: Invocation) => this.beginHandler(inv);
  private readonly resumeFn = (inv: Invocation) => this.resume(inv);
  private readonly timeoutFn = (inv: Invocation) => this.timeout(inv);
  private readonly completeFn = (inv: Invocation) => this.complete(inv);

  constructor(private readonly sim: Simulation) {}

  /** Finds an environment and starts the attempt, or says why it was throttled. */
  start(req: InvokeRequest): StartResult {
    if (this.sim.recorder.trace.invocations.length >= LIMITS.maxInvocations) {
      // safety cap: the run stops after this event and the trace says `truncated`; the caller
      // records one last throttle, which is the simplest honest answer for a call that did not run
      this.sim.truncate(`more than ${LIMITS.maxInvocations} invocations`);
      return { ok: false, reason: "ConcurrentInvocationLimitExceeded" };
    }
    const got = this.sim.lambda.assignment.acquire(req);
    if ("throttle" in got) return { ok: false, reason: got.throttle };
    return { ok: true, invocation: this.run(got.env, req) };
  }

  private run(env: ExecutionEnvironment, req: InvokeRequest): Invocation {
    const sim = this.sim;
    const now = sim.clock.now;
    const cold = env.needsInit;
    const record: InvocationRecord = {
      requestId: req.requestId,
      function: req.fn.name,
      invokedArn: req.invokedArn,
      executedVersion: env.version,
      trigger: req.trigger,
      step: req.step,
      attempt: req.attempt,
      environmentId: env.id,
      coldStart: cold,
      initMs: 0,
      start: now,
      end: null,
      status: "running",
      response: null,
      event: req.event,
    };
    sim.recorder.trace.invocations.push(record);
    sim.recorder.timeline(now, "invoke-start", req.requestId);
    const inv = new Invocation(req, env, record, cold);
    if (req.tail) inv.tail = [];
    env.current = inv;
    env.record.invocations++;
    if (!env.provisioned) req.fn.busyOnDemand++;
    if (req.fn.faults.crashes > 0) {
      req.fn.faults.crashes--;
      inv.crashAfterRun = true;
    }
    if (cold) {
      inv.phase = "init";
      inv.initStartedAt = now;
      const turn = this.initRuntime(env, "on-demand");
      this.drive(inv, turn);
    } else {
      inv.phase = "handler";
      sim.clock.call(now + sim.settings.warmStartMs, this.beginHandlerFn, inv);
    }
    return inv;
  }

  /** Creates the environment's runtime and runs module scope (the Init phase). */
  initRuntime(env: ExecutionEnvironment, initType: "on-demand" | "provisioned-concurrency"): Turn {
    const sim = this.sim;
    const now = sim.clock.now;
    sim.recorder.log(now, env.fn.name, env.logStream, initStartLine(env.config.runtime, sim.lambda.runtimeVersionArn(env.config.runtime)));
    sim.recorder.timeline(now, "init-start", env.id);
    env.needsInit = false;
    try {
      env.runtime = sim.runtime.create({
        functionName: env.fn.name,
        functionVersion: env.version,
        code: env.config.code,
        handler: env.config.handler,
        environment: sim.lambda.processEnvironment(env, initType),
        memoryLimitMb: env.config.memorySize,
        timeoutMs: env.config.timeout * 1000,
        seed: sim.sandboxRng.uint32(),
        tmp: env.tmp,
        host: this.host(env),
      });
      return env.runtime.init();
    } catch (e) {
      return internalCrash(e);
    }
  }

  private host(env: ExecutionEnvironment): RuntimeHost {
    const sim = this.sim;
    return {
      now: () => sim.clock.now,
      epochMs: sim.epochMs,
      log: (level, line) => {
        const inv = env.current;
        // module scope (Init) logs carry no request id: Node's runtime prints "undefined" there
        const text = functionLine(sim.iso(), inv && inv.phase === "handler" ? inv.req.requestId : undefined, level, line);
        sim.recorder.log(sim.clock.now, env.fn.name, env.logStream, text);
        if (inv?.tail) inv.tail.push(text);
      },
      sdk: (call) => sim.sdk.call(call, env),
    };
  }

  private beginHandler(inv: Invocation): void {
    if (inv.finished) return;
    const sim = this.sim;
    const env = inv.env;
    const now = sim.clock.now;
    inv.phase = "handler";
    // after a suppressed Init the invoke phase (and its timeout) began before the handler did
    inv.handlerStart = inv.invokePhaseStart ?? now;
    inv.deadline = inv.handlerStart + env.config.timeout * 1000;
    this.platformLog(inv, startLine(inv.req.requestId, env.version));
    const context: InvokeContext = {
      awsRequestId: inv.req.requestId,
      functionName: env.fn.name,
      functionVersion: env.version,
      invokedFunctionArn: inv.req.invokedArn,
      memoryLimitInMB: env.memoryLimitInMB,
      logGroupName: env.logGroupName,
      logStreamName: env.logStream,
      deadline: inv.deadline,
    };
    let turn: Turn;
    try {
      turn = env.runtime!.invoke(inv.req.eventJson, context);
    } catch (e) {
      turn = internalCrash(e);
    }
    this.drive(inv, turn);
  }

  /** Reacts to what the guest did in its last turn. */
  drive(inv: Invocation, turn: Turn): void {
    if (inv.finished) return;
    const sim = this.sim;
    const phase = inv.phase;
    sim.clock.cancel(inv.wake);
    inv.wake = undefined;
    switch (turn.kind) {
      case "returned":
        if (phase === "init") return this.initDone(inv);
        return this.handlerSettled(inv, { kind: "ok", payloadJson: turn.payload });
      case "threw":
        if (phase === "init") return this.initFailed(inv, turn.errorType, turn.errorMessage, turn.trace);
        return this.handlerSettled(inv, { kind: "error", errorType: turn.errorType, errorMessage: turn.errorMessage, trace: turn.trace, exited: turn.exitCode !== undefined });
      case "crashed":
        if (turn.reason === "cpu-limit") {
          // an endless loop burns the whole budget: in virtual time it runs until the deadline
          if (phase === "init") return this.initTimeout(inv);
          if (!inv.timeoutEvent) inv.timeoutEvent = sim.clock.call(inv.deadline, this.timeoutFn, inv);
          return;
        }
        {
          const reason = turn.reason === "exit" ? exitMessage(turn.exitCode) : turn.reason === "out-of-memory" ? "Runtime exited with error: signal: killed" : `Runtime exited with error: ${turn.errorMessage}`;
          if (phase === "init") return this.initCrash(inv, reason);
          return this.crash(inv, reason);
        }
      case "waiting": {
        // the deadline is armed only when nothing earlier will wake the handler (most finish first)
        if (phase === "handler" && !inv.timeoutEvent && (turn.nextTimerAt === null || turn.nextTimerAt >= inv.deadline)) {
          inv.timeoutEvent = sim.clock.call(inv.deadline, this.timeoutFn, inv);
        }
        if (turn.nextTimerAt === null) return; // waits for an SDK answer (or nothing: then the deadline ends it)
        const now = sim.clock.now;
        const at = turn.nextTimerAt > now ? turn.nextTimerAt : now + 1;
        if (phase === "handler" && at >= inv.deadline) return;
        if (phase === "init" && at >= inv.initStartedAt + INIT_LIMIT_MS) return this.initTimeout(inv);
        inv.wake = sim.clock.call(at, this.resumeFn, inv);
        return;
      }
    }
  }

  private resume(inv: Invocation): void {
    if (inv.finished) return;
    inv.wake = undefined;
    let turn: Turn;
    try {
      turn = inv.env.runtime!.advance();
    } catch (e) {
      turn = internalCrash(e);
    }
    this.drive(inv, turn);
  }

  /** An SDK call made by this invocation answered. */
  settle(inv: Invocation, ticket: number, result: Parameters<NonNullable<ExecutionEnvironment["runtime"]>["settle"]>[1]): void {
    if (inv.finished || !inv.pendingTickets?.delete(ticket) || inv.env.current !== inv) return;
    let turn: Turn;
    try {
      turn = inv.env.runtime!.settle(ticket, result);
    } catch (e) {
      turn = internalCrash(e);
    }
    this.drive(inv, turn);
  }

  private initDone(inv: Invocation): void {
    const sim = this.sim;
    const started = inv.initStartedAt;
    const initMs = sim.clock.now - started + sim.settings.coldStartMs;
    if (initMs > INIT_LIMIT_MS) return this.suppressedInit(inv, initMs);
    inv.initMs = initMs;
    inv.record.initMs = initMs;
    sim.clock.at(started + initMs, () => {
      if (inv.env.record.readyAt === null) inv.env.record.readyAt = sim.clock.now;
      this.beginHandler(inv);
    });
  }

  /**
   * §5 "suppressed init": an on-demand Init that needs more than 10 s is stopped at 10 s and run
   * again inside the invocation, where the function's timeout bounds it. The engine does not
   * run module scope a second time (its effects already happened); it keeps the timing: the
   * handler starts after 10 s + the Init duration, or the attempt times out first.
   */
  private suppressedInit(inv: Invocation, initMs: number): void {
    const sim = this.sim;
    const started = inv.initStartedAt;
    inv.initMs = INIT_LIMIT_MS;
    inv.record.initMs = INIT_LIMIT_MS;
    const invokePhase = started + INIT_LIMIT_MS;
    const timeoutMs = inv.env.config.timeout * 1000;
    inv.invokePhaseStart = invokePhase;
    if (initMs >= timeoutMs) {
      inv.handlerStart = invokePhase;
      inv.deadline = invokePhase + timeoutMs;
      inv.phase = "handler";
      sim.clock.at(invokePhase, () => {
        if (!inv.finished) this.platformLog(inv, startLine(inv.req.requestId, inv.env.version));
      });
      inv.timeoutEvent = sim.clock.call(inv.deadline, this.timeoutFn, inv);
      return;
    }
    sim.clock.at(invokePhase + initMs, () => {
      if (inv.env.record.readyAt === null) inv.env.record.readyAt = sim.clock.now;
      this.beginHandler(inv);
    });
  }

  /** Module scope threw (or Init timed out): the attempt fails with that error and the environment starts over. */
  private initFailed(inv: Invocation, errorType: string, errorMessage: string, trace: string[]): void {
    const sim = this.sim;
    const started = inv.initStartedAt;
    inv.initMs = Math.min(sim.clock.now - started + sim.settings.coldStartMs, INIT_LIMIT_MS);
    inv.record.initMs = inv.initMs;
    const env = inv.env;
    const at = started + inv.initMs;
    inv.finishEvent = sim.clock.at(at, () => {
      sim.recorder.log(sim.clock.now, env.fn.name, env.logStream, functionLine(sim.iso(), undefined, "ERROR", `Uncaught Exception \t${JSON.stringify({ errorType, errorMessage, stack: trace })}`));
      inv.handlerStart = sim.clock.now;
      this.platformLog(inv, startLine(inv.req.requestId, env.version));
      this.disposeRuntime(env);
      this.finish(inv, "error", errorPayload(errorType, errorMessage, trace), errorType, errorMessage, true, "Runtime.Unknown");
    });
  }

  /**
   * Module scope did not finish within the 10 s Init limit. AWS then retries Init inside the
   * invoke phase, bounded by the function timeout ("suppressed init", §5) — which an endless
   * Init does not finish either, so the attempt times out 10 s + Timeout after it started.
   */
  private initTimeout(inv: Invocation): void {
    const sim = this.sim;
    const started = inv.initStartedAt;
    inv.initMs = INIT_LIMIT_MS;
    inv.record.initMs = INIT_LIMIT_MS;
    inv.handlerStart = started + INIT_LIMIT_MS;
    inv.deadline = inv.handlerStart + inv.env.config.timeout * 1000;
    sim.clock.cancel(inv.wake);
    inv.wake = undefined;
    inv.phase = "handler";
    sim.clock.at(inv.handlerStart, () => {
      if (!inv.finished) this.platformLog(inv, startLine(inv.req.requestId, inv.env.version));
    });
    inv.timeoutEvent = sim.clock.call(inv.deadline, this.timeoutFn, inv);
  }

  /** The runtime died during Init (process.exit or a fault in module scope): the attempt crashes once Init's time is over. */
  private initCrash(inv: Invocation, reason: string): void {
    const sim = this.sim;
    const started = inv.initStartedAt;
    inv.initMs = Math.min(sim.clock.now - started + sim.settings.coldStartMs, INIT_LIMIT_MS);
    inv.record.initMs = inv.initMs;
    inv.finishEvent = sim.clock.at(started + inv.initMs, () => {
      inv.handlerStart = sim.clock.now;
      this.platformLog(inv, startLine(inv.req.requestId, inv.env.version));
      this.crash(inv, reason);
    });
  }

  private handlerSettled(inv: Invocation, result: SettledResult): void {
    const sim = this.sim;
    const end = Math.max(sim.clock.now, inv.handlerStart + sim.settings.defaultDurationMs);
    if (end > inv.deadline) {
      // the handler would still be running at its deadline: it times out
      if (!inv.timeoutEvent) inv.timeoutEvent = sim.clock.call(inv.deadline, this.timeoutFn, inv);
      return;
    }
    sim.clock.cancel(inv.timeoutEvent);
    inv.settled = result;
    inv.finishEvent = sim.clock.call(end, this.completeFn, inv);
  }

  /** The handler's run time is over: answer with what it returned or threw. */
  private complete(inv: Invocation): void {
    const sim = this.sim;
    const result = inv.settled!;
    if (inv.crashAfterRun) return this.crash(inv, "Runtime exited with error: signal: killed");
    if (result.kind === "error") {
      this.platformLog(inv, invokeErrorLine(sim.iso(), inv.req.requestId, result.errorType, result.errorMessage, result.trace));
      // an error thrown from a timer or microtask callback also ends Node's runtime process (exit 129): the caller
      // gets the error and the environment is reset as after a crash
      if (result.exited) this.resetEnvironment(inv.env);
      return this.finish(inv, "error", errorPayload(result.errorType, result.errorMessage, result.trace), result.errorType, result.errorMessage, false);
    }
    const payload = result.payloadJson;
    if (payload !== undefined && payload.length * 3 > MAX_RESPONSE_BYTES && utf8Length(payload) > MAX_RESPONSE_BYTES) {
      const type = "Function.ResponseSizeTooLarge";
      const message = `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`;
      return this.finish(inv, "error", JSON.stringify({ errorType: type, errorMessage: message }), type, message, false);
    }
    this.finish(inv, "success", payload, undefined, undefined, false);
  }

  private timeout(inv: Invocation): void {
    if (inv.finished) return;
    const sim = this.sim;
    const seconds = inv.env.config.timeout;
    this.platformLog(inv, timeoutLine(sim.iso(), inv.req.requestId, seconds));
    const message = `RequestId: ${inv.req.requestId} Error: Task timed out after ${seconds.toFixed(2)} seconds`;
    this.resetEnvironment(inv.env);
    this.finish(inv, "timeout", JSON.stringify({ errorType: "Sandbox.Timedout", errorMessage: message }), "Sandbox.Timedout", message, false, undefined, "timeout");
  }

  private crash(inv: Invocation, reason: string): void {
    if (inv.finished) return;
    const sim = this.sim;
    sim.clock.cancel(inv.timeoutEvent);
    const message = `RequestId: ${inv.req.requestId} Error: ${reason}`;
    this.platformLog(inv, `${message}\nRuntime.ExitError`);
    this.resetEnvironment(inv.env);
    this.finish(inv, "crash", JSON.stringify({ errorType: "Runtime.ExitError", errorMessage: message }), "Runtime.ExitError", message, false, "Runtime.ExitError", "error");
  }

  /** §5: a timeout or crash resets the runtime in place — same environment, /tmp kept, Init again next time. */
  private resetEnvironment(env: ExecutionEnvironment): void {
    this.disposeRuntime(env);
    env.record.resets++;
    this.sim.recorder.timeline(this.sim.clock.now, "environment-reset", env.id);
  }

  private disposeRuntime(env: ExecutionEnvironment): void {
    try {
      env.runtime?.dispose();
    } catch {
      // nothing to recover: the runtime is gone either way
    }
    env.runtime = null;
    env.needsInit = true;
    env.ready = false;
  }

  private finish(
    inv: Invocation,
    status: InvocationStatus,
    payloadJson: string | undefined,
    errorType: string | undefined,
    errorMessage: string | undefined,
    initFailure: boolean,
    reportErrorType?: string,
    reportStatus?: "timeout" | "error",
  ): void {
    if (inv.finished) return;
    const sim = this.sim;
    const now = sim.clock.now;
    const env = inv.env;
    const req = inv.req;
    inv.finished = true;
    sim.clock.cancel(inv.wake);
    sim.clock.cancel(inv.timeoutEvent);
    inv.pendingTickets?.clear();

    const record = inv.record;
    record.end = now;
    record.status = status;
    let payload: unknown = null;
    if (payloadJson !== undefined) payload = parseJson(payloadJson);
    if (status === "success") record.response = payload;
    else {
      record.errorType = errorType;
      record.errorMessage = errorMessage;
    }
    this.platformLog(inv, endLine(req.requestId));
    this.platformLog(
      inv,
      reportLine({
        requestId: req.requestId,
        durationMs: Math.max(0, now - inv.handlerStart),
        initMs: inv.initMs,
        memoryMb: env.config.memorySize,
        maxMemoryUsedMb: maxMemoryUsed(env),
        status: reportStatus ?? (initFailure ? "error" : undefined),
        errorType: reportErrorType,
      }),
    );
    sim.recorder.timeline(now, "invoke-end", req.requestId);

    env.current = null;
    if (!env.provisioned) req.fn.busyOnDemand--;
    sim.lambda.assignment.release(env);

    const outcome: InvocationOutcome = {
      status,
      executedVersion: env.version,
      payloadJson,
      payload,
      functionError: status !== "success",
      end: now,
    };
    if (errorType !== undefined) outcome.errorType = errorType;
    if (errorMessage !== undefined) outcome.errorMessage = errorMessage;
    if (inv.tail) outcome.logTail = inv.tail.join("\n") + "\n";
    req.onDone(outcome, req.context);
  }

  private platformLog(inv: Invocation, line: string): void {
    this.sim.recorder.log(this.sim.clock.now, inv.env.fn.name, inv.env.logStream, line);
    if (inv.tail) inv.tail.push(line);
  }

}

/**
 * REPORT's Max Memory Used: the Node.js runtime's resident baseline (a Node 20 "hello world"
 * reports about 65 MB on Lambda) plus what the sandbox measures of the guest's heap, when it
 * can tell (`FunctionRuntime.memoryUsedBytes`). A model, not a measurement of AWS.
 */
export const NODE_RUNTIME_BASELINE_MB = 65;

function maxMemoryUsed(env: ExecutionEnvironment): number {
  let heap = 0;
  try {
    heap = env.runtime?.memoryUsedBytes?.() ?? 0;
  } catch {
    heap = 0;
  }
  return Math.min(env.config.memorySize, NODE_RUNTIME_BASELINE_MB + Math.ceil(heap / 1_048_576));
}

function exitMessage(exitCode: number | undefined): string {
  return exitCode === undefined || exitCode === 0 ? "Runtime exited without providing a reason" : `Runtime exited with error: exit status ${exitCode}`;
}

/** Node's error payload shape (§1.3): `{ errorType, errorMessage, trace }`. */
export function errorPayload(errorType: string, errorMessage: string, trace: string[]): string {
  return JSON.stringify({ errorType, errorMessage, trace });
}

function internalCrash(e: unknown): Turn {
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "crashed", reason: "internal", errorType: "Runtime.ExitError", errorMessage: message };
}

/** Payloads that are JSON text become JSON values in the trace; anything else stays text. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
