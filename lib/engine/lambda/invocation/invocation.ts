import type { ScheduledEvent } from "../../core/event-queue";
import type { InvocationRecord, InvocationStatus, Trigger } from "../../trace/types";
import type { FunctionVersion, LambdaFunction } from "../model";
import type { ExecutionEnvironment } from "./execution-environment";
import { extend, NO_LINEAGE, type Lineage } from "./lineage";

/** What the caller asks Lambda to run once (one attempt). */
export interface InvokeRequest {
  fn: LambdaFunction;
  /** The version that runs (an alias already routed). */
  version: FunctionVersion;
  /** The qualifier the caller used ($LATEST, version or alias) — provisioned concurrency is per qualifier. */
  qualifierKey: string;
  invokedArn: string;
  /** The event as JSON text (what the handler receives). */
  eventJson: string;
  /** The event as a value, for the trace. */
  event: unknown;
  trigger: Trigger;
  step: string | null;
  requestId: string;
  attempt: number;
  /** The handler invocation that made this call through the SDK, if any. */
  parent?: Invocation;
  /** The chain this event belongs to (recursive loop detection); undefined = a new chain. */
  lineage?: Lineage;
  /** Collect the attempt's log lines (Invoke with `LogType: Tail`). */
  tail?: boolean;
  /**
   * Called once with how the attempt ended. A long-lived function plus `context` (rather than a
   * fresh closure per call) keeps the hot path allocation-light.
   */
  onDone(outcome: InvocationOutcome, context: unknown): void;
  context?: unknown;
}

/** How one attempt ended, as the caller sees it. */
export interface InvocationOutcome {
  status: InvocationStatus;
  executedVersion: string;
  /** JSON text of the handler's result or of the error object; undefined = `null` payload. */
  payloadJson: string | undefined;
  /** The parsed payload (for records and the trace). */
  payload: unknown;
  /** Set for every function error (AWS reports `Unhandled` for all of them, §1.3). */
  functionError: boolean;
  errorType?: string;
  errorMessage?: string;
  end: number;
  /** The attempt's log lines, when the caller asked for `LogType: Tail`. */
  logTail?: string;
}

/** An attempt in flight on an environment. */
export class Invocation {
  phase: "init" | "handler" = "handler";
  initStartedAt = 0;
  /** When the handler phase started (after Init or the warm-start overhead). */
  handlerStart = 0;
  /** Set when a suppressed Init moved the start of the invoke phase before the handler's own start. */
  invokePhaseStart: number | undefined;
  deadline = 0;
  initMs = 0;
  wake: ScheduledEvent | undefined;
  timeoutEvent: ScheduledEvent | undefined;
  finishEvent: ScheduledEvent | undefined;
  finished = false;
  /** SDK calls waiting for an answer (e.g. a synchronous Invoke of another function); created on first use. */
  pendingTickets: Set<number> | undefined;
  /** What the handler returned or threw, kept until its run time is over. */
  settled: import("./invoker").SettledResult | undefined;
  /** CrashEnvironment fault: the handler runs, then its environment dies before answering. */
  crashAfterRun = false;
  private outgoing: Lineage | undefined;

  /** The lineage this invocation's own calls carry (its chain plus itself). */
  get lineage(): Lineage {
    return (this.outgoing ??= extend(this.req.lineage ?? NO_LINEAGE, this.req.fn.name));
  }

  /** Collects this attempt's log lines for `LogType: Tail` (null when nobody asked). */
  tail: string[] | null = null;

  constructor(
    readonly req: InvokeRequest,
    readonly env: ExecutionEnvironment,
    readonly record: InvocationRecord,
    readonly coldStart: boolean,
  ) {}
}
