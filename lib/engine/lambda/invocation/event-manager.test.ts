import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

const QUEUE = "arn:aws:sqs:us-east-1:123456789012";

describe("asynchronous invocation (§1.4, §2)", () => {
  it("retries a failing event after ~1 min and ~2 min with the same request id, then sends RetriesExhausted", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: failed }
${fn("f", "exports.handler = async () => { throw new Error('boom'); };")}
  - PutFunctionEventInvokeConfig: { FunctionName: f, DestinationConfig: { OnFailure: { Destination: "${QUEUE}:failed" } } }
  - { id: send, at: 1s, Invoke: { FunctionName: f, InvocationType: Event, Payload: { order: 1 } } }
`);
    const inv = t.invocations;
    expect(inv.map((i) => [i.attempt, i.status])).toEqual([[1, "error"], [2, "error"], [3, "error"]]);
    expect(new Set(inv.map((i) => i.requestId)).size).toBe(1);
    expect(inv[1].start - inv[0].end!).toBe(60_000);
    expect(inv[2].start - inv[1].end!).toBe(120_000);
    expect(inv.map((i) => i.environmentId)).toEqual(["env-1", "env-1", "env-1"]);
    const record = t.queues.failed.messages[0].Body as Record<string, any>;
    expect(Object.keys(record)).toEqual(["version", "timestamp", "requestContext", "requestPayload", "responseContext", "responsePayload"]);
    expect(record.requestContext).toEqual({ requestId: inv[0].requestId, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST", condition: "RetriesExhausted", approximateInvokeCount: 3 });
    expect(record.requestPayload).toEqual({ order: 1 });
    expect(record.responseContext).toEqual({ statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" });
    expect(record.responsePayload).toMatchObject({ errorType: "Error", errorMessage: "boom" });
    expect(t.asyncEvents).toEqual([expect.objectContaining({ outcome: "failure", condition: "RetriesExhausted", attempts: 3, endedAt: inv[2].end })]);
    expect(t.deliveries).toEqual([expect.objectContaining({ kind: "on-failure", condition: "RetriesExhausted", at: inv[2].end })]);
  });

  it("gives up early when the next retry would not start within MaximumEventAgeInSeconds (look-ahead)", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: failed }
${fn("f", "exports.handler = async () => { throw new Error('x'); };")}
  - PutFunctionEventInvokeConfig: { FunctionName: f, MaximumEventAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: "${QUEUE}:failed" } } }
  - { at: 1s, Invoke: { FunctionName: f, InvocationType: Event } }
`);
    expect(t.invocations).toHaveLength(1);
    const record = t.queues.failed.messages[0].Body as Record<string, any>;
    expect(record.requestContext).toMatchObject({ condition: "EventAgeExceeded", approximateInvokeCount: 1 });
  });

  it("with reserved concurrency 0 sends the event straight to the DLQ and destination: ZeroReservedConcurrency, no attempt", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: dlq }
  - CreateQueue: { QueueName: dest }
${fn("f", "exports.handler = async () => 1;", `      DeadLetterConfig: { TargetArn: "${QUEUE}:dlq" }\n`)}
  - PutFunctionConcurrency: { FunctionName: f, ReservedConcurrentExecutions: 0 }
  - PutFunctionEventInvokeConfig: { FunctionName: f, DestinationConfig: { OnFailure: { Destination: "${QUEUE}:dest" } } }
  - { id: sync, at: 1s, Invoke: { FunctionName: f } }
  - { id: async, at: 1s, Invoke: { FunctionName: f, InvocationType: Event, Payload: { k: 1 } } }
`);
    expect(step(t, "sync").error).toEqual({ type: "TooManyRequestsException", message: "Rate Exceeded.", reason: "ReservedFunctionConcurrentInvocationLimitExceeded" });
    expect(step(t, "async").response).toEqual({ StatusCode: 202 });
    expect(t.invocations).toHaveLength(0);
    const record = t.queues.dest.messages[0].Body as Record<string, any>;
    expect(record.requestContext).toMatchObject({ condition: "ZeroReservedConcurrency", approximateInvokeCount: 0 });
    expect(record).not.toHaveProperty("responseContext");
    expect(record).not.toHaveProperty("responsePayload");
    expect(t.queues.dlq.messages[0].Body).toEqual({ k: 1 });
    expect(t.deliveries.map((d) => d.kind)).toEqual(["on-failure", "dlq"]);
  });

  it("writes the DLQ message as AWS does: original event as body, RequestID / ErrorCode / ErrorMessage attributes", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: dlq }
${fn("f", "exports.handler = async () => { throw new Error('x'.repeat(2000)); };", `      DeadLetterConfig: { TargetArn: "${QUEUE}:dlq" }\n`)}
  - PutFunctionEventInvokeConfig: { FunctionName: f, MaximumRetryAttempts: 0 }
  - { at: 1s, Invoke: { FunctionName: f, InvocationType: Event, Payload: { id: 42 } } }
`);
    const m = t.queues.dlq.messages[0];
    expect(m.Body).toEqual({ id: 42 });
    const attrs = m.MessageAttributes as Record<string, { DataType: string; StringValue: string }>;
    expect(attrs.RequestID).toEqual({ DataType: "String", StringValue: t.invocations[0].requestId });
    expect(attrs.ErrorCode).toEqual({ DataType: "Number", StringValue: "200" });
    expect(attrs.ErrorMessage.StringValue).toHaveLength(1024);
  });

  it("retries throttled events with exponential backoff without counting attempts", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: ok }
${fn("slow", "exports.handler = async () => { await new Promise((r) => setTimeout(r, 10000)); return 'done'; };", "      Timeout: 30\n")}
  - PutFunctionConcurrency: { FunctionName: slow, ReservedConcurrentExecutions: 1 }
  - PutFunctionEventInvokeConfig: { FunctionName: slow, DestinationConfig: { OnSuccess: { Destination: "${QUEUE}:ok" } } }
  - { at: 1s, Invoke: { FunctionName: slow, InvocationType: Event, Payload: { n: 1 } } }
  - { at: 1s, Invoke: { FunctionName: slow, InvocationType: Event, Payload: { n: 2 } } }
`);
    const second = t.invocations[1];
    expect(second.attempt).toBe(1);
    // throttled at 1 s, then retried after 1, 2, 4, 8 s: the 4th retry (at 16 s) finds the slot free
    expect(t.throttles.map((x) => x.at)).toEqual([1000, 2000, 4000, 8000]);
    expect(second.start).toBe(16_000);
    expect(t.asyncEvents.map((e) => [e.outcome, e.attempts, e.throttles])).toEqual([["success", 1, 0], ["success", 1, 4]]);
    const records = t.queues.ok.messages.map((m) => (m.Body as any).requestContext.approximateInvokeCount);
    expect(records).toEqual([1, 1]);
  });

  it("sends the EventBridge envelope to a bus destination", () => {
    const t = runYaml(`steps:
  - CreateEventBus: { Name: results }
${fn("f", "exports.handler = async () => ({ ok: true });")}
  - PutFunctionEventInvokeConfig: { FunctionName: f, DestinationConfig: { OnSuccess: { Destination: "arn:aws:events:us-east-1:123456789012:event-bus/results" } } }
  - { at: 1s, Invoke: { FunctionName: f, InvocationType: Event } }
`);
    const bus = t.buses.results as { events: { event: Record<string, any> }[] };
    const e = bus.events[0].event;
    expect(e).toMatchObject({
      version: "0",
      source: "lambda",
      "detail-type": "Lambda Function Invocation Result - Success",
      account: "123456789012",
      region: "us-east-1",
      resources: ["arn:aws:events:us-east-1:123456789012:event-bus/results", "arn:aws:lambda:us-east-1:123456789012:function:f"],
    });
    expect(e.detail.requestContext.condition).toBe("Success");
    expect(e.detail.responsePayload).toEqual({ ok: true });
    expect(t.deliveries[0].record).toBe(e);
  });

  it("invokes a Lambda destination asynchronously with the record as its event", () => {
    const t = runYaml(`steps:
${fn("audit", "exports.handler = async (e) => e.requestContext.condition;")}
${fn("f", "exports.handler = async () => { throw new Error('no'); };")}
  - PutFunctionEventInvokeConfig: { FunctionName: f, MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: "arn:aws:lambda:us-east-1:123456789012:function:audit" } } }
  - { at: 1s, Invoke: { FunctionName: f, InvocationType: Event } }
`);
    const audit = t.invocations.find((i) => i.function === "audit")!;
    expect(audit).toMatchObject({ trigger: "destination", response: "RetriesExhausted" });
  });

  it("DuplicateDelivery delivers the next event twice with the same request id", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async (e) => e.n;")}
  - InjectFault: { Kind: DuplicateDelivery, FunctionName: f, Count: 1 }
  - { at: 1s, Invoke: { FunctionName: f, InvocationType: Event, Payload: { n: 1 } } }
  - { at: 2s, Invoke: { FunctionName: f, InvocationType: Event, Payload: { n: 2 } } }
`);
    expect(t.invocations.map((i) => i.response)).toEqual([1, 1, 2]);
    expect(t.invocations[0].requestId).toBe(t.invocations[1].requestId);
    expect(t.asyncEvents.map((e) => e.duplicate ?? false)).toEqual([false, true, false]);
  });

  it("runs queued events with the configuration current at execution time", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => { throw new Error(process.env.V); };", "      Environment: { Variables: { V: old } }\n")}
  - { at: 1s, Invoke: { FunctionName: f, InvocationType: Event } }
  - { at: 30s, UpdateFunctionConfiguration: { FunctionName: f, Environment: { Variables: { V: new } } } }
`);
    expect(t.invocations.map((i) => i.errorMessage)).toEqual(["old", "new", "new"]);
  });

  it("validates PutFunctionEventInvokeConfig like AWS", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => 1;")}
  - { id: empty, PutFunctionEventInvokeConfig: { FunctionName: f } }
  - { id: self, PutFunctionEventInvokeConfig: { FunctionName: f, DestinationConfig: { OnSuccess: { Destination: "arn:aws:lambda:us-east-1:123456789012:function:f" } } } }
  - { id: retries, PutFunctionEventInvokeConfig: { FunctionName: f, MaximumRetryAttempts: 3 } }
  - { id: get-version, at: 1s, GetFunctionEventInvokeConfig: { FunctionName: f, Qualifier: "1" } }
  - { id: put, PutFunctionEventInvokeConfig: { FunctionName: f, MaximumRetryAttempts: 1 } }
  - { id: update, UpdateFunctionEventInvokeConfig: { FunctionName: f, MaximumEventAgeInSeconds: 600 } }
  - { id: replace, PutFunctionEventInvokeConfig: { FunctionName: f, MaximumEventAgeInSeconds: 120 } }
`);
    expect(step(t, "empty").error).toEqual({ type: "InvalidParameterValueException", message: "You must specify at least one of error handling or destination setting." });
    expect(step(t, "self").error).toEqual({ type: "InvalidParameterValueException", message: "You can't specify the function as a destination for itself." });
    expect(step(t, "retries").error?.type).toBe("ValidationException");
    expect(step(t, "get-version").error).toEqual({ type: "ResourceNotFoundException", message: "The function arn:aws:lambda:us-east-1:123456789012:function:f:1 doesn't have an EventInvokeConfig" });
    expect(step(t, "update").response).toMatchObject({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 });
    expect(step(t, "replace").response).not.toHaveProperty("MaximumRetryAttempts");
  });
});
