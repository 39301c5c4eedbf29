import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../testing/run-yaml";

describe("SDK stand-ins reach the simulated services", () => {
  it("sends to SQS from a handler; the message records the handler's role as sender", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: out }
${fn("p", `const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
const sqs = new SQSClient({});
exports.handler = async () => (await sqs.send(new SendMessageCommand({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/out", MessageBody: "hi" }))).MessageId;`)}
  - { id: call, at: 1s, Invoke: { FunctionName: p } }
`);
    const id = (step(t, "call").response as { Payload: string }).Payload;
    expect(t.queues.out.messages).toEqual([expect.objectContaining({ MessageId: id, Body: "hi" })]);
  });

  it("rejects with the AWS exception name for calls AWS refuses", () => {
    const t = runYaml(`steps:
${fn("p", `const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
const sqs = new SQSClient({});
exports.handler = async () => {
  try { await sqs.send(new SendMessageCommand({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/none", MessageBody: "x" })); }
  catch (e) { return e.name + ": " + e.message; }
};`)}
  - { id: call, at: 1s, Invoke: { FunctionName: p } }
`);
    expect(step(t, "call").response).toMatchObject({ Payload: "QueueDoesNotExist: The specified queue does not exist." });
  });

  it("runs a synchronous Invoke of another function and answers when it finishes", () => {
    const t = runYaml(`steps:
${fn("callee", "exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 500)); return e.x * 2; };")}
${fn("caller", `const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");
const lambda = new LambdaClient({});
exports.handler = async () => {
  const r = await lambda.send(new InvokeCommand({ FunctionName: "callee", Payload: JSON.stringify({ x: 21 }) }));
  return { status: r.StatusCode, payload: JSON.parse(r.Payload) };
};`)}
  - { id: call, at: 1s, Invoke: { FunctionName: caller } }
`);
    expect(step(t, "call").response).toMatchObject({ Payload: { status: 200, payload: 42 } });
    const callee = t.invocations.find((i) => i.function === "callee")!;
    const caller = t.invocations.find((i) => i.function === "caller")!;
    expect(callee.trigger).toBe("handler");
    expect(callee.step).toBe("call");
    expect(caller.end).toBeGreaterThanOrEqual(callee.end!);
  });

  it("refuses operations the client does not have", () => {
    const t = runYaml(`steps:
${fn("p", `const { SQSClient, PublishCommand } = require("@aws-sdk/client-sqs");
exports.handler = async () => { try { await new SQSClient({}).send(new PublishCommand({ TopicArn: "x", Message: "m" })); } catch (e) { return e.name; } };`)}
  - { id: call, at: 1s, Invoke: { FunctionName: p } }
`);
    expect(step(t, "call").response).toMatchObject({ Payload: "UnknownOperationException" });
  });

  it("writes DynamoDB items with a ConditionExpression; the duplicate fails with ConditionalCheckFailedException", () => {
    const t = runYaml(`steps:
  - CreateTable: { TableName: payments, KeySchema: [ { AttributeName: id, KeyType: HASH } ], AttributeDefinitions: [ { AttributeName: id, AttributeType: S } ], BillingMode: PAY_PER_REQUEST }
${fn("w", `const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});
exports.handler = async (e) => {
  try { await db.send(new PutItemCommand({ TableName: "payments", Item: { id: { S: e.id } }, ConditionExpression: "attribute_not_exists(id)" })); return "stored"; }
  catch (err) { return err.name; }
};`)}
  - { id: first, at: 1s, Invoke: { FunctionName: w, Payload: { id: a } } }
  - { id: second, at: 2s, Invoke: { FunctionName: w, Payload: { id: a } } }
`);
    expect(step(t, "first").response).toMatchObject({ Payload: "stored" });
    expect(step(t, "second").response).toMatchObject({ Payload: "ConditionalCheckFailedException" });
    expect((t.tables.payments as { items: unknown[] }).items).toEqual([{ id: { S: "a" } }]);
  });
});
