import { base64FromText, utf8Length } from "../../core/encoding";
import { Deferred } from "../../core/deferred";
import { AwsError } from "../../aws/errors";
import type { Trigger } from "../../trace/types";
import type { InvocationOutcome } from "../../lambda/invocation/invocation";
import { MAX_SYNC_REQUEST_BYTES } from "../../lambda/invocation/invoker";
import { RECURSION_MESSAGE, stopsRecursion } from "../../lambda/invocation/lineage";
import type { OperationTable } from "../context";

/** §1.2: request payload limits. */
export const SYNC_PAYLOAD_LIMIT = MAX_SYNC_REQUEST_BYTES;
export const ASYNC_PAYLOAD_LIMIT = 1_048_576;
/** §1.1: LogType Tail returns the last 4 KB of the attempt's log. */
const LOG_TAIL_BYTES = 4096;

/** Carries the already-parsed payload to the step recorder (symbol keys never reach JSON or the SDK). */
export const PARSED_PAYLOAD: unique symbol = Symbol("parsed payload");

/** What a synchronous Invoke answers (Payload as the JSON text of the response body). */
export interface InvokeResponse {
  StatusCode: number;
  ExecutedVersion?: string;
  FunctionError?: "Unhandled";
  LogResult?: string;
  Payload?: string;
  [PARSED_PAYLOAD]?: unknown;
}

/** JSON text of payload objects, per object: a repeated step sends the same payload many times. */
const payloadText = new WeakMap<object, string>();

/**
 * Invoke (§1): RequestResponse runs the function now and answers when it finishes (200, with
 * FunctionError for function errors, 429 TooManyRequestsException when throttled); Event
 * queues it (202); DryRun only validates (204).
 */
export const invokeOperations: OperationTable = {
  Invoke(ctx, input) {
    const sim = ctx.sim;
    const lambda = sim.lambda;
    const ref = lambda.store.resolve(input.FunctionName, input.Qualifier);
    const type = input.InvocationType ?? "RequestResponse";
    if (sim.clock.now < ref.fn.activeAt) {
      // §6 [unverified]: invoking a function that is still Pending fails
      throw new AwsError("ResourceConflictException", "The operation cannot be performed at this time. The function is currently in the following state: Pending", 409);
    }
    const { json, value } = requestPayload(input.Payload);
    const limit = type === "Event" ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
    if (utf8Length(json) > limit) {
      throw new AwsError("RequestEntityTooLargeException", `Request must be smaller than ${limit} bytes for the InvokeFunction operation`, 413);
    }
    const trigger: Trigger = ctx.caller ? "handler" : type === "Event" ? "async" : "sync";
    if (type === "DryRun") return { StatusCode: 204 };
    if (type === "Event") {
      lambda.eventManager.enqueue(ref.fn, input.FunctionName, input.Qualifier, json, value, trigger, ctx.step, ctx.caller?.lineage);
      return { StatusCode: 202 };
    }
    const lineage = ctx.caller?.lineage;
    if (stopsRecursion(ref.fn, lineage)) throw new AwsError("RecursiveInvocationException", RECURSION_MESSAGE, 400);
    const deferred = new Deferred<InvokeResponse>();
    const version = lambda.route(ref);
    const started = lambda.invoker.start({
      fn: ref.fn,
      version,
      qualifierKey: ref.qualifierKey,
      invokedArn: ref.invokedArn,
      eventJson: json,
      event: value,
      trigger,
      step: ctx.step,
      requestId: sim.ids.uuid(),
      attempt: 1,
      tail: input.LogType === "Tail",
      ...(ctx.caller ? { parent: ctx.caller } : {}),
      ...(lineage ? { lineage } : {}),
      onDone: answerInvoke,
      context: deferred,
    });
    if (!started.ok) {
      sim.recorder.trace.throttles.push({ at: sim.clock.now, function: ref.fn.name, trigger, reason: started.reason, step: ctx.step });
      sim.recorder.timeline(sim.clock.now, "throttle", ctx.step ?? ref.fn.name);
      throw new AwsError("TooManyRequestsException", "Rate Exceeded.", 429, started.reason);
    }
    return deferred;
  },
};

/** A synchronous Invoke's answer once the attempt ended (§1.1, §1.3). */
function answerInvoke(outcome: InvocationOutcome, context: unknown): void {
  const response: InvokeResponse = { StatusCode: 200, ExecutedVersion: outcome.executedVersion };
  if (outcome.functionError) response.FunctionError = "Unhandled";
  if (outcome.logTail !== undefined) response.LogResult = base64FromText(lastBytes(outcome.logTail, LOG_TAIL_BYTES));
  // §1.1: a handler that returns nothing answers with the payload `null`
  response.Payload = outcome.payloadJson ?? "null";
  response[PARSED_PAYLOAD] = outcome.payload;
  (context as Deferred<InvokeResponse>).resolve(response);
}

/**
 * The request body: a JSON value is serialised; text must already be JSON (as with
 * `aws lambda invoke --payload`), else InvalidRequestContentException (§1.2). No payload = `{}`.
 */
function requestPayload(payload: unknown): { json: string; value: unknown } {
  if (payload === undefined) return { json: "{}", value: {} };
  if (typeof payload === "string") {
    try {
      return { json: payload, value: JSON.parse(payload) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new AwsError("InvalidRequestContentException", `Could not parse request body into json: Could not parse payload into json: ${why}`, 400);
    }
  }
  if (typeof payload === "object" && payload !== null) {
    let json = payloadText.get(payload);
    if (json === undefined) payloadText.set(payload, (json = JSON.stringify(payload)));
    return { json, value: payload };
  }
  return { json: JSON.stringify(payload), value: payload };
}

function lastBytes(text: string, n: number): string {
  if (text.length <= n / 4) return text;
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= n ? text : new TextDecoder().decode(bytes.slice(bytes.length - n)).replace(/^\uFFFD/, "");
}
