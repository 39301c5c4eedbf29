import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

const LOOP = `const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
const sqs = new SQSClient({});
exports.handler = async (event) => {
  const n = Number(event.Records[0].body);
  await sqs.send(new SendMessageCommand({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/loop", MessageBody: String(n + 1) }));
  return n;
};`;

describe("recursive loop detection (§5)", () => {
  it("stops a Lambda–SQS loop after 16 invocations and sends the message to the queue's DLQ", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: loop-dlq }
  - CreateQueue: { QueueName: loop, Attributes: { RedrivePolicy: { deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:loop-dlq", maxReceiveCount: 5 } } }
${fn("echo", LOOP)}
  - CreateEventSourceMapping: { FunctionName: echo, EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:loop", BatchSize: 1 }
  - { at: 1s, SendMessage: { QueueName: loop, MessageBody: "1" } }
`);
    expect(t.invocations.map((i) => i.response)).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
    expect(t.queues["loop-dlq"].messages.map((m) => m.Body)).toEqual([17]);
    expect(t.timeline.filter((e) => e.kind === "recursive-loop-stopped")).toHaveLength(1);
  });

  it("lets the loop run with RecursiveLoop Allow", () => {
    const t = runYaml(`until: 2s
steps:
  - CreateQueue: { QueueName: loop }
${fn("echo", LOOP)}
  - { id: put, PutFunctionRecursionConfig: { FunctionName: echo, RecursiveLoop: Allow } }
  - { id: get, GetFunctionRecursionConfig: { FunctionName: echo } }
  - CreateEventSourceMapping: { FunctionName: echo, EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:loop", BatchSize: 1 }
  - { at: 1s, SendMessage: { QueueName: loop, MessageBody: "1" } }
`);
    expect(step(t, "put").response).toEqual({ RecursiveLoop: "Allow" });
    expect(step(t, "get").response).toEqual({ RecursiveLoop: "Allow" });
    expect(t.invocations.length).toBeGreaterThan(100);
  });

  it("stops a function invoking itself asynchronously, sending the event to its on-failure destination", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: stopped }
${fn("self", `const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");
const lambda = new LambdaClient({});
exports.handler = async (e) => { await lambda.send(new InvokeCommand({ FunctionName: "self", InvocationType: "Event", Payload: JSON.stringify({ n: e.n + 1 }) })); return e.n; };`)}
  - PutFunctionEventInvokeConfig: { FunctionName: self, DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:stopped" } } }
  - { at: 1s, Invoke: { FunctionName: self, InvocationType: Event, Payload: { n: 1 } } }
`);
    expect(t.invocations).toHaveLength(16);
    const record = t.queues.stopped.messages[0].Body as Record<string, any>;
    expect(record.requestContext.condition).toBe("RecursiveInvocationException");
    expect(record.requestPayload).toEqual({ n: 17 });
  });
});
