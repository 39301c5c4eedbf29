import type { ScheduledEvent } from "../../core/event-queue";
import type { Simulation } from "../../simulation";
import type { AsyncEventRecord, Trigger } from "../../trace/types";
import type { LambdaFunction } from "../model";
import { deliver, invocationRecord, type AsyncCondition, type LastResponse } from "./destinations";
import type { InvocationOutcome } from "./invocation";
import { stopsRecursion, type Lineage } from "./lineage";

/** §2.1 defaults: 2 retries, events kept up to 6 h. */
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_EVENT_AGE_S = 21_600;
/** ~1 min before the 2nd attempt, ~2 min before the 3rd (LocalStack: retries × 60 s). */
export const RETRY_BASE_DELAY_MS = 60_000;
/** Throttles and system errors back off from 1 s, doubling, up to 5 min (§1.4). */
export const THROTTLE_BACKOFF_MAX_MS = 300_000;
/** §2.2: the DLQ's ErrorMessage attribute carries the first 1 KB of the error. */
const DLQ_ERROR_MESSAGE_BYTES = 1024;

export interface AsyncEvent {
  requestId: string;
  fn: LambdaFunction;
  /** The reference the caller used, resolved again for every attempt (§2.1: configuration at execution time). */
  functionName: string;
  qualifier?: string;
  payloadJson: string;
  payload: unknown;
  trigger: Trigger;
  step: string | null;
  enqueuedAt: number;
  attempts: number;
  throttleRetries: number;
  last?: LastResponse & { errorMessage?: string };
  lastExecutedVersion: string;
  /** The qualifier the last attempt resolved to (its EventInvokeConfig applies). */
  qualifierKey: string;
  record: AsyncEventRecord;
  pending?: ScheduledEvent;
  done: boolean;
  lineage?: Lineage;
}

/**
 * The asynchronous invocation queue (LocalStack's `invocation/event_manager`, docs §1.4 and §2):
 * `Invoke` with InvocationType Event returns 202 and the event waits here; a poller runs it.
 *
 * - Function error ⇒ retry after 1 min, then 2 min, up to MaximumRetryAttempts (default 2).
 *   All attempts share the request id.
 * - Event age is checked with look-ahead: give up (EventAgeExceeded) when the next retry could
 *   not start within MaximumEventAgeInSeconds: `ceil(age s) + (retries+1) × 60 > max age`.
 * - Throttles (and system errors) are retried with exponential backoff 1 s → 5 min until the
 *   event is too old; they are not attempts.
 * - Reserved concurrency 0 ⇒ no attempt at all: ZeroReservedConcurrency, approximateInvokeCount 0.
 * - On final failure: the on-failure destination and the DLQ, both (§2.4: destinations work "in
 *   addition to or instead of a dead-letter queue", API_PutFunctionEventInvokeConfig); the order,
 *   destination first, is LocalStack's and unverified.
 */
export class EventManager {
  private readonly attemptDoneFn = (outcome: InvocationOutcome, ev: unknown) => this.attemptDone(ev as AsyncEvent, outcome);

  constructor(private readonly sim: Simulation) {}

  /** Queues an event for `functionName[:qualifier]` (already validated by the caller). */
  enqueue(fn: LambdaFunction, functionName: string, qualifier: string | undefined, payloadJson: string, payload: unknown, trigger: Trigger, step: string | null, lineage?: Lineage): AsyncEvent {
    const requestId = this.sim.ids.uuid();
    const ev = this.create(fn, functionName, qualifier, payloadJson, payload, trigger, step, requestId, false, lineage);
    if (fn.faults.duplicateDeliveries > 0) {
      // at-least-once delivery (§2.1): the same event, same request id, handed over twice
      fn.faults.duplicateDeliveries--;
      this.create(fn, functionName, qualifier, payloadJson, payload, trigger, step, requestId, true, lineage);
    }
    return ev;
  }

  /** Async invoke of a function ARN from a platform source (SNS, a Lambda destination). False if it does not exist. */
  enqueueByArn(arn: string, event: unknown, trigger: Trigger, step: string | null, lineage?: Lineage): boolean {
    const store = this.sim.lambda.store;
    try {
      const ref = store.resolve(arn);
      const json = JSON.stringify(event);
      this.enqueue(ref.fn, arn, undefined, json, event, trigger, step, lineage);
      return true;
    } catch {
      return false;
    }
  }

  private create(fn: LambdaFunction, functionName: string, qualifier: string | undefined, payloadJson: string, payload: unknown, trigger: Trigger, step: string | null, requestId: string, duplicate: boolean, lineage: Lineage | undefined): AsyncEvent {
    const sim = this.sim;
    const now = sim.clock.now;
    const record: AsyncEventRecord = {
      requestId,
      function: fn.name,
      invokedArn: "",
      trigger,
      step,
      enqueuedAt: now,
      attempts: 0,
      throttles: 0,
      outcome: "pending",
      condition: null,
      endedAt: null,
    };
    if (duplicate) record.duplicate = true;
    const ev: AsyncEvent = {
      requestId, fn, functionName, payloadJson, payload, trigger, step, enqueuedAt: now,
      attempts: 0, throttleRetries: 0, lastExecutedVersion: "$LATEST", qualifierKey: qualifier ?? "$LATEST", record, done: false,
    };
    if (qualifier !== undefined) ev.qualifier = qualifier;
    if (lineage) ev.lineage = lineage;
    sim.recorder.trace.asyncEvents.push(record);
    sim.recorder.timeline(now, "event-queued", requestId);
    ev.pending = sim.clock.at(now, () => this.attempt(ev));
    return ev;
  }

  private attempt(ev: AsyncEvent): void {
    const sim = this.sim;
    ev.pending = undefined;
    const lambda = sim.lambda;
    let ref;
    try {
      ref = lambda.store.resolve(ev.functionName, ev.qualifier);
    } catch {
      return this.drop(ev, "FunctionNotFound");
    }
    const fn = ref.fn;
    ev.record.invokedArn = ref.invokedArn;
    ev.qualifierKey = ref.qualifierKey;
    const config = this.config(fn, ref.qualifierKey);
    if (fn.reservedConcurrency === 0) {
      // §1.4: reserved concurrency 0 throttles everything; async events skip retries entirely
      ev.record.throttles++;
      sim.recorder.trace.throttles.push({ at: sim.clock.now, function: fn.name, trigger: ev.trigger, reason: "ReservedFunctionConcurrentInvocationLimitExceeded", step: ev.step });
      return this.fail(ev, "ZeroReservedConcurrency", ref.qualifierKey);
    }
    if (stopsRecursion(fn, ev.lineage)) {
      // §5: the next invocation of a recursive chain is stopped; the event goes to the DLQ / on-failure destination
      sim.recorder.timeline(sim.clock.now, "recursive-loop-stopped", ev.requestId);
      return this.fail(ev, "RecursiveInvocationException", ref.qualifierKey);
    }
    const version = lambda.route(ref);
    ev.lastExecutedVersion = version.version;
    const started = lambda.invoker.start({
      ...(ev.lineage ? { lineage: ev.lineage } : {}),
      fn,
      version,
      qualifierKey: ref.qualifierKey,
      invokedArn: ref.invokedArn,
      eventJson: ev.payloadJson,
      event: ev.payload,
      trigger: ev.trigger,
      step: ev.step,
      requestId: ev.requestId,
      attempt: ev.attempts + 1,
      onDone: this.attemptDoneFn,
      context: ev,
    });
    if (started.ok) return;
    // throttled: back off without counting an attempt (§1.4)
    ev.record.throttles++;
    sim.recorder.trace.throttles.push({ at: sim.clock.now, function: fn.name, trigger: ev.trigger, reason: started.reason, step: ev.step });
    sim.recorder.timeline(sim.clock.now, "throttle", ev.requestId);
    const delay = Math.min(1000 * 2 ** ev.throttleRetries, THROTTLE_BACKOFF_MAX_MS);
    ev.throttleRetries++;
    if (sim.clock.now - ev.enqueuedAt + delay > config.maxAgeS * 1000) return this.fail(ev, "EventAgeExceeded", ref.qualifierKey);
    ev.pending = sim.clock.after(delay, () => this.attempt(ev));
  }

  private attemptDone(ev: AsyncEvent, outcome: InvocationOutcome): void {
    const qualifierKey = ev.qualifierKey;
    const sim = this.sim;
    ev.attempts++;
    ev.record.attempts = ev.attempts;
    ev.last = { executedVersion: outcome.executedVersion, functionError: outcome.functionError, payload: outcome.payload, errorMessage: outcome.errorMessage };
    const config = this.config(ev.fn, qualifierKey);
    if (!outcome.functionError) return this.succeed(ev, qualifierKey);
    const retries = ev.attempts - 1;
    if (retries >= config.maxRetries) return this.fail(ev, "RetriesExhausted", qualifierKey);
    const ageS = Math.ceil((sim.clock.now - ev.enqueuedAt) / 1000);
    if (ageS + (retries + 1) * (RETRY_BASE_DELAY_MS / 1000) > config.maxAgeS) return this.fail(ev, "EventAgeExceeded", qualifierKey);
    ev.throttleRetries = 0;
    sim.recorder.timeline(sim.clock.now, "retry-scheduled", ev.requestId);
    ev.pending = sim.clock.after(ev.attempts * RETRY_BASE_DELAY_MS, () => this.attempt(ev));
  }

  private config(fn: LambdaFunction, qualifierKey: string): { maxRetries: number; maxAgeS: number; onSuccess?: string; onFailure?: string } {
    const eic = fn.eventInvokeConfigs.get(qualifierKey);
    return {
      maxRetries: eic?.maximumRetryAttempts ?? DEFAULT_MAX_RETRIES,
      maxAgeS: eic?.maximumEventAgeInSeconds ?? DEFAULT_MAX_EVENT_AGE_S,
      onSuccess: eic?.onSuccess,
      onFailure: eic?.onFailure,
    };
  }

  private succeed(ev: AsyncEvent, qualifierKey: string): void {
    const sim = this.sim;
    this.end(ev, "success", "Success");
    const target = this.config(ev.fn, qualifierKey).onSuccess;
    if (!target) return;
    const record = invocationRecord(sim, ev.fn, ev.requestId, ev.lastExecutedVersion, "Success", ev.attempts, ev.payload, ev.last);
    deliver(sim, { fn: ev.fn, roleArn: this.role(ev), kind: "on-success", target, condition: "Success", requestId: ev.requestId, step: ev.step, record });
  }

  private fail(ev: AsyncEvent, condition: AsyncCondition | "RecursiveInvocationException", qualifierKey: string): void {
    const sim = this.sim;
    this.end(ev, "failure", condition);
    // no response fields when the event never ran (ZeroReservedConcurrency; a stopped recursive loop)
    const last = condition === "ZeroReservedConcurrency" || condition === "RecursiveInvocationException" ? undefined : ev.last;
    const target = this.config(ev.fn, qualifierKey).onFailure;
    if (target) {
      const record = invocationRecord(sim, ev.fn, ev.requestId, ev.lastExecutedVersion, condition, ev.attempts, ev.payload, last);
      deliver(sim, { fn: ev.fn, roleArn: this.role(ev), kind: "on-failure", target, condition, requestId: ev.requestId, step: ev.step, record });
    }
    const version = sim.lambda.store.version(ev.fn, ev.lastExecutedVersion) ?? ev.fn.latest;
    const dlq = version.config.deadLetterTargetArn;
    if (dlq) {
      // §2.2: body = the original event; attributes RequestID, ErrorCode, ErrorMessage (first 1 KB)
      const ran = last !== undefined;
      const message = ran ? (ev.last?.errorMessage ?? "") : "Rate Exceeded.";
      deliver(sim, {
        fn: ev.fn,
        roleArn: version.config.role,
        kind: "dlq",
        target: dlq,
        condition,
        requestId: ev.requestId,
        step: ev.step,
        record: ev.payload,
        text: ev.payloadJson,
        dlqAttributes: {
          RequestID: { DataType: "String", StringValue: ev.requestId },
          // observed "200" for function errors; a throttled event never got a response [unverified: 429]
          ErrorCode: { DataType: "Number", StringValue: ran ? "200" : "429" },
          ErrorMessage: { DataType: "String", StringValue: truncateBytes(message, DLQ_ERROR_MESSAGE_BYTES) },
        },
      });
    }
  }

  /** The function is gone: the event is dropped (AWS deletes queued events with the function). */
  private drop(ev: AsyncEvent, reason: string): void {
    this.end(ev, "failure", reason);
  }

  private end(ev: AsyncEvent, outcome: "success" | "failure", condition: string): void {
    if (ev.done) return;
    ev.done = true;
    ev.record.outcome = outcome;
    ev.record.condition = condition;
    ev.record.endedAt = this.sim.clock.now;
    this.sim.recorder.timeline(this.sim.clock.now, outcome === "success" ? "event-succeeded" : "event-failed", ev.requestId);
  }

  private role(ev: AsyncEvent): string {
    const version = this.sim.lambda.store.version(ev.fn, ev.lastExecutedVersion) ?? ev.fn.latest;
    return version.config.role;
  }
}

function truncateBytes(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text;
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  return new TextDecoder().decode(bytes.slice(0, maxBytes)).replace(/\uFFFD$/, "");
}
