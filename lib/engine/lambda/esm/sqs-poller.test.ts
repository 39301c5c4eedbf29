import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";
import { failedItems } from "./sqs-poller";

const Q = "arn:aws:sqs:us-east-1:123456789012";

describe("SQS event source mapping (§3, §3.1)", () => {
  it("hands the function the SQS event shape and deletes a successful batch", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs }
${fn("w", "exports.handler = async (e) => e.Records.map((r) => r.body);")}
  - CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs" }
  - { at: 1s, SendMessage: { QueueName: jobs, MessageBody: { id: 1 }, MessageAttributes: { kind: { DataType: String, StringValue: order } } } }
`);
    const inv = t.invocations[0];
    expect(inv.trigger).toBe("sqs");
    expect(inv.response).toEqual(['{"id":1}']);
    const r = (inv.event as { Records: Record<string, any>[] }).Records[0];
    expect(Object.keys(r)).toEqual(["messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion"]);
    expect(r.attributes).toEqual({ ApproximateReceiveCount: "1", SentTimestamp: String(Date.UTC(2025, 0, 1) + 1000), SenderId: "123456789012", ApproximateFirstReceiveTimestamp: String(Date.UTC(2025, 0, 1) + 1000) });
    expect(r.messageAttributes).toEqual({ kind: { stringValue: "order", stringListValues: [], binaryListValues: [], dataType: "String" } });
    expect(r.md5OfBody).toBe(createHash("md5").update('{"id":1}').digest("hex"));
    expect(r).toMatchObject({ eventSource: "aws:sqs", eventSourceARN: `${Q}:jobs`, awsRegion: "us-east-1" });
    expect(t.queues.jobs.messages).toEqual([]);
    expect(t.queues.jobs.deleted).toBe(1);
  });

  it("retries a failed batch after the visibility timeout until redrive moves it to the DLQ", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: dlq }
  - CreateQueue: { QueueName: jobs, Attributes: { VisibilityTimeout: "30", RedrivePolicy: { deadLetterTargetArn: "${Q}:dlq", maxReceiveCount: 3 } } }
${fn("w", "exports.handler = async () => { throw new Error('poison'); };")}
  - CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs", BatchSize: 1 }
  - { at: 1s, SendMessage: { QueueName: jobs, MessageBody: bad } }
`);
    expect(t.invocations.map((i) => (i.event as any).Records[0].attributes.ApproximateReceiveCount)).toEqual(["1", "2", "3"]);
    expect(t.invocations.map((i) => i.start)).toEqual([1000, 31000, 61000]);
    expect(t.queues.jobs.messages).toEqual([]);
    expect(t.queues.jobs.movedToDeadLetterQueue).toBe(1);
    expect(t.queues.dlq.messages.map((m) => m.Body)).toEqual(["bad"]);
  });

  it("treats an invalid partial-batch response as a failure of the whole batch", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs, Attributes: { VisibilityTimeout: "10" } }
${fn("w", `let calls = 0;
exports.handler = async (e) => (++calls === 1 ? { batchItemFailures: [{ foo: "notvalid" }] } : {});`)}
  - CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs", FunctionResponseTypes: [ReportBatchItemFailures] }
  - { at: 1s, SendMessageBatch: { QueueName: jobs, Entries: [ { Id: a, MessageBody: one }, { Id: b, MessageBody: two } ] } }
`);
    expect(t.invocations.map((i) => (i.event as any).Records.length)).toEqual([2, 2]);
    expect(t.queues.jobs.messages).toEqual([]);
  });

  it("reads the partial batch response as §3.1 lists", () => {
    const batch = [{ messageId: "m1" }, { messageId: "m2" }];
    for (const ok of [null, undefined, "", {}, [], { batchItemFailures: [] }, { batchItemFailures: null }]) expect(failedItems(ok, batch)).toEqual(new Set());
    expect(failedItems({ batchItemFailures: [{ itemIdentifier: "m2" }] }, batch)).toEqual(new Set(["m2"]));
    for (const bad of ["x", 3, [1], { batchItemFailures: [{ itemIdentifier: "" }] }, { batchItemFailures: [{ itemIdentifier: null }] }, { batchItemFailures: [{ itemIdentifier: "other" }] }, { batchItemFailures: [{ foo: "m1" }] }, { batchItemFailures: "m1" }]) {
      expect(failedItems(bad, batch)).toBe("all");
    }
  });

  it("keeps FIFO order within a message group: one batch in flight per group", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: orders.fifo, Attributes: { FifoQueue: "true", ContentBasedDeduplication: "true" } }
${fn("w", "exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 100)); return e.Records.map((r) => r.body).join(','); };")}
  - CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:orders.fifo", BatchSize: 1 }
  - { at: 1s, SendMessage: { QueueName: orders.fifo, MessageBody: a1, MessageGroupId: a } }
  - { SendMessage: { QueueName: orders.fifo, MessageBody: a2, MessageGroupId: a } }
  - { SendMessage: { QueueName: orders.fifo, MessageBody: b1, MessageGroupId: b } }
  - { SendMessage: { QueueName: orders.fifo, MessageBody: a1, MessageGroupId: a } }
`);
    expect(t.invocations.map((i) => i.response)).toEqual(["a1", "b1", "a2"]);
    const [a1, b1, a2] = t.invocations;
    expect(b1.start).toBeLessThan(a1.end!);
    expect(a2.start).toBeGreaterThanOrEqual(a1.end!);
    expect(t.queues["orders.fifo"].sent).toBe(3);
  });

  it("validates CreateEventSourceMapping (§3, §3.1) and checks the function's role", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: q }
  - CreateRole: { RoleName: no-sqs, Policy: { Allow: ["logs:*"] } }
${fn("f", "exports.handler = async () => 1;")}
${fn("g", "exports.handler = async () => 1;", '      Role: "arn:aws:iam::123456789012:role/no-sqs"\n')}
  - { id: big, CreateEventSourceMapping: { FunctionName: f, EventSourceArn: "${Q}:q", BatchSize: 50 } }
  - { id: missing, CreateEventSourceMapping: { FunctionName: f, EventSourceArn: "${Q}:nope" } }
  - { id: role, CreateEventSourceMapping: { FunctionName: g, EventSourceArn: "${Q}:q" } }
  - { id: dest, CreateEventSourceMapping: { FunctionName: f, EventSourceArn: "${Q}:q", DestinationConfig: { OnFailure: { Destination: "${Q}:q" } } } }
  - { id: ok, CreateEventSourceMapping: { FunctionName: "f:$LATEST", EventSourceArn: "${Q}:q", BatchSize: 50, MaximumBatchingWindowInSeconds: 5 } }
  - { id: dup, CreateEventSourceMapping: { FunctionName: f, EventSourceArn: "${Q}:q" } }
  - { id: stream, CreateEventSourceMapping: { FunctionName: f, EventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/s" } }
`);
    expect(step(t, "big").error?.message).toBe("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
    expect(step(t, "missing").error?.message).toMatch(/^Error occurred while ReceiveMessage\. SQS Error Code: AWS\.SimpleQueueService\.NonExistentQueue/);
    expect(step(t, "role").error?.message).toBe("The provided execution role does not have permissions to call ReceiveMessage on SQS");
    expect(step(t, "dest").error?.message).toBe("Unsupported DestinationConfig parameter for given event source mapping type.");
    const ok = step(t, "ok").response as Record<string, unknown>;
    expect(ok).toMatchObject({ State: "Creating", BatchSize: 50, MaximumBatchingWindowInSeconds: 5, FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f", StateTransitionReason: "USER_INITIATED", FunctionResponseTypes: [] });
    expect(step(t, "dup").error?.message).toBe(`An event source mapping with SQS arn (" ${Q}:q ") and function (" f ") already exists. Please update or delete the existing mapping with UUID ${ok.UUID}`);
    expect(step(t, "stream").error?.message).toBe("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
  });

  it("holds messages during the batching window (received, invisible) and invokes when it ends", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs }
${fn("w", "exports.handler = async (e) => e.Records.length;")}
  - CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs", BatchSize: 100, MaximumBatchingWindowInSeconds: 5 }
  - { at: 1s, SendMessage: { QueueName: jobs, MessageBody: a } }
  - { id: during, at: 3s, GetQueueAttributes: { QueueName: jobs, AttributeNames: [ApproximateNumberOfMessages, ApproximateNumberOfMessagesNotVisible] } }
  - { at: 4s, SendMessage: { QueueName: jobs, MessageBody: b } }
`);
    expect(step(t, "during").response).toEqual({ Attributes: { ApproximateNumberOfMessages: "0", ApproximateNumberOfMessagesNotVisible: "1" } });
    expect(t.invocations.map((i) => [i.start, i.response])).toEqual([[6000, 2]]);
  });

  it("stops reading while disabled and resumes when enabled", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs }
${fn("w", "exports.handler = async (e) => e.Records.length;")}
  - { id: esm, CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs", Enabled: false } }
  - { at: 1s, SendMessage: { QueueName: jobs, MessageBody: a } }
`);
    expect(t.invocations).toHaveLength(0);
    expect(t.eventSourceMappings).toEqual([expect.objectContaining({ State: "Disabled" })]);
    expect(t.queues.jobs.messages).toHaveLength(1);
  });

  it("stops receiving while the role lacks sqs:ReceiveMessage; the messages wait in the queue", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs }
  - CreateRole: { RoleName: reader, Policy: { Allow: ["sqs:*"] } }
${fn("w", "exports.handler = async (e) => e.Records.length;", `      Role: "arn:aws:iam::123456789012:role/reader"\n`)}
  - CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs" }
  - { at: 1s, PutRolePolicy: { RoleName: reader, Policy: { Allow: ["sqs:SendMessage"] } } }
  - { at: 2s, SendMessage: { QueueName: jobs, MessageBody: one } }
  - { at: 9s, UpdateFunctionConfiguration: { FunctionName: w, Role: "arn:aws:iam::123456789012:role/lambda-lab-execution-role" } }
`);
    // the poller polls continuously: it meets the refusal as soon as the policy changes
    expect(t.timeline.filter((e) => e.kind === "esm-access-denied").map((e) => e.at)).toEqual([1000]);
    expect(t.invocations.map((i) => [i.start, i.response, (i.event as any).Records[0].attributes.ApproximateReceiveCount])).toEqual([[9000, 1, "1"]]);
    expect(t.queues.jobs.messages).toEqual([]);
  });
});
