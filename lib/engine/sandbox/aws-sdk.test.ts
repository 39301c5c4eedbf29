import { beforeAll, describe, expect, it } from "vitest";
import type { RuntimeFactory, SdkCall, SdkReply } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";
import { payloadOf, SandboxDriver, started } from "./test-driver";

let factory: RuntimeFactory;
beforeAll(async () => {
  factory = await createQuickJsRuntimeFactory();
});

/** Runs `body` in an async handler whose SDK calls `answer` replies to; returns the result and the calls made. */
function withSdk(body: string, answer: (call: SdkCall) => SdkReply = () => ({ kind: "ok", output: {} })) {
  const d = started(factory, `exports.handler = async (event) => { ${body} };`, { sdk: answer });
  const result = payloadOf(d.invoke().turn);
  return { result, calls: d.sdkCalls };
}

describe("client.send(new XCommand(input))", () => {
  it("calls the host once per command with the operation name and the input", () => {
    const { result, calls } = withSdk(
      `const { SQSClient, SendMessageCommand, SendMessageBatchCommand } = require("@aws-sdk/client-sqs");
       const { SNSClient, PublishCommand } = require("@aws-sdk/client-sns");
       const { EventBridgeClient, PutEventsCommand } = require("@aws-sdk/client-eventbridge");
       const sqs = new SQSClient({ region: "us-east-1" });
       const out = await sqs.send(new SendMessageCommand({ QueueUrl: "https://sqs/q", MessageBody: "hi" }));
       await sqs.send(new SendMessageBatchCommand({ QueueUrl: "q", Entries: [{ Id: "1", MessageBody: "a" }] }));
       await new SNSClient({}).send(new PublishCommand({ TopicArn: "arn:topic", Message: "m" }));
       await new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [{ Source: "app", DetailType: "t", Detail: "{}" }] }));
       return { id: out.MessageId, status: out.$metadata.httpStatusCode, attempts: out.$metadata.attempts };`,
      (call) => ({ kind: "ok", output: call.command === "SendMessage" ? { MessageId: "m-1" } : {} }),
    );
    expect(result).toEqual({ id: "m-1", status: 200, attempts: 1 });
    expect(calls).toEqual([
      { client: "sqs", command: "SendMessage", input: { QueueUrl: "https://sqs/q", MessageBody: "hi" } },
      { client: "sqs", command: "SendMessageBatch", input: { QueueUrl: "q", Entries: [{ Id: "1", MessageBody: "a" }] } },
      { client: "sns", command: "Publish", input: { TopicArn: "arn:topic", Message: "m" } },
      { client: "eventbridge", command: "PutEvents", input: { Entries: [{ Source: "app", DetailType: "t", Detail: "{}" }] } },
    ]);
  });

  it("rejects with an Error named after the AWS exception, with $fault and $metadata", () => {
    const { result } = withSdk(
      `const { DynamoDBClient, PutItemCommand, ConditionalCheckFailedException, DynamoDBServiceException } = require("@aws-sdk/client-dynamodb");
       try {
         await new DynamoDBClient({}).send(new PutItemCommand({ TableName: "t", Item: { id: { S: "1" } }, ConditionExpression: "attribute_not_exists(id)" }));
         return "no error";
       } catch (e) {
         return { name: e.name, message: e.message, fault: e.$fault, status: e.$metadata.httpStatusCode, isError: e instanceof Error,
                  isClass: e instanceof ConditionalCheckFailedException, isService: e instanceof DynamoDBServiceException };
       }`,
      () => ({ kind: "error", name: "ConditionalCheckFailedException", message: "The conditional request failed", httpStatusCode: 400 }),
    );
    expect(result).toEqual({ name: "ConditionalCheckFailedException", message: "The conditional request failed", fault: "client", status: 400, isError: true, isClass: true, isService: true });
  });

  it("uses the service exception class for exceptions the package does not export, and marks 5xx as server faults", () => {
    const { result } = withSdk(
      `const { SQSClient, SendMessageCommand, SQSServiceException } = require("@aws-sdk/client-sqs");
       try { await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: "q", MessageBody: "b" })); }
       catch (e) { return [e.name, e.$fault, e instanceof SQSServiceException]; }`,
      () => ({ kind: "error", name: "InternalError", message: "boom", httpStatusCode: 500 }),
    );
    expect(result).toEqual(["InternalError", "server", true]);
  });

  it("parks a pending call until the engine settles it", () => {
    const d = new SandboxDriver(
      factory,
      `const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");
       exports.handler = async () => {
         const r = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "callee", Payload: new TextEncoder().encode(JSON.stringify({ n: 1 })) }));
         return { status: r.StatusCode, version: r.ExecutedVersion, error: r.FunctionError ?? null, isBytes: r.Payload instanceof Uint8Array,
                  body: JSON.parse(new TextDecoder().decode(r.Payload)), viaHelper: r.Payload.transformToString() };
       };`,
      {
        sdk: () => ({ kind: "pending", ticket: 41 }),
        settleWith: () => ({ kind: "ok", output: { StatusCode: 200, ExecutedVersion: "$LATEST", Payload: '{"doubled":2}' } }),
      },
    );
    d.init();
    expect(payloadOf(d.invoke().turn)).toEqual({ status: 200, version: "$LATEST", error: null, isBytes: true, body: { doubled: 2 }, viaHelper: '{"doubled":2}' });
    // Payload arrives at the host as text, as the contract says.
    expect(d.sdkCalls[0]).toEqual({ client: "lambda", command: "Invoke", input: { FunctionName: "callee", Payload: '{"n":1}' } });
  });

  it("sends Kinesis Data as text and other binary fields as base64", () => {
    const { calls } = withSdk(
      `const { KinesisClient, PutRecordCommand } = require("@aws-sdk/client-kinesis");
       const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
       await new KinesisClient({}).send(new PutRecordCommand({ StreamName: "s", PartitionKey: "k", Data: Buffer.from('{"v":1}') }));
       await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: "q", MessageBody: "b", MessageAttributes: { bin: { DataType: "Binary", BinaryValue: new Uint8Array([1, 2]) } } }));`,
    );
    expect(calls[0]!.input).toEqual({ StreamName: "s", PartitionKey: "k", Data: '{"v":1}' });
    expect(calls[1]!.input).toEqual({ QueueUrl: "q", MessageBody: "b", MessageAttributes: { bin: { DataType: "Binary", BinaryValue: "AQI=" } } });
  });

  it("offers aggregated clients and the callback form of send", () => {
    const { result, calls } = withSdk(
      `const { SQS, SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
       const viaMethod = await new SQS({}).sendMessage({ QueueUrl: "q", MessageBody: "one" });
       const viaCallback = await new Promise((resolve) => new SQSClient({}).send(new SendMessageCommand({ QueueUrl: "q", MessageBody: "two" }), (err, data) => resolve(err ? "error" : data.MessageId)));
       return [viaMethod.MessageId, viaCallback];`,
      (call) => ({ kind: "ok", output: { MessageId: String((call.input as { MessageBody: string }).MessageBody) } }),
    );
    expect(result).toEqual(["one", "two"]);
    expect(calls.map((c) => c.command)).toEqual(["SendMessage", "SendMessage"]);
  });

  it("refuses a command from another package", () => {
    const { result, calls } = withSdk(
      `const { SQSClient } = require("@aws-sdk/client-sqs"); const { PublishCommand } = require("@aws-sdk/client-sns");
       try { await new SQSClient({}).send(new PublishCommand({})); } catch (e) { return e.name; }`,
    );
    expect(result).toBe("TypeError");
    expect(calls).toEqual([]);
  });
});

describe("lib-dynamodb", () => {
  it("marshals plain values inside the sandbox and unmarshals the answer", () => {
    const { result, calls } = withSdk(
      `const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
       const { DynamoDBDocumentClient, PutCommand, GetCommand, UpdateCommand } = require("@aws-sdk/lib-dynamodb");
       const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
       await doc.send(new PutCommand({ TableName: "balances", Item: { id: "alice", balance: 20, tags: new Set(["a", "b"]), meta: { ok: true, none: null, gone: undefined }, list: [1, "x"] } }));
       await doc.send(new UpdateCommand({ TableName: "balances", Key: { id: "alice" }, UpdateExpression: "SET balance = balance - :amt", ConditionExpression: "balance >= :amt", ExpressionAttributeValues: { ":amt": 5 } }));
       const got = await doc.send(new GetCommand({ TableName: "balances", Key: { id: "alice" } }));
       return { item: got.Item, tags: [...got.Item.tags], status: got.$metadata.httpStatusCode };`,
      (call) =>
        call.command === "GetItem"
          ? { kind: "ok", output: { Item: { id: { S: "alice" }, balance: { N: "15" }, tags: { SS: ["a", "b"] }, blob: { B: "AQI=" } } } }
          : { kind: "ok", output: {} },
    );
    expect(result).toEqual({ item: { id: "alice", balance: 15, tags: {}, blob: { 0: 1, 1: 2 } }, tags: ["a", "b"], status: 200 });
    expect(calls).toEqual([
      {
        client: "dynamodb",
        command: "PutItem",
        input: {
          TableName: "balances",
          Item: { id: { S: "alice" }, balance: { N: "20" }, tags: { SS: ["a", "b"] }, meta: { M: { ok: { BOOL: true }, none: { NULL: true } } }, list: { L: [{ N: "1" }, { S: "x" }] } },
        },
      },
      {
        client: "dynamodb",
        command: "UpdateItem",
        input: { TableName: "balances", Key: { id: { S: "alice" } }, UpdateExpression: "SET balance = balance - :amt", ConditionExpression: "balance >= :amt", ExpressionAttributeValues: { ":amt": { N: "5" } } },
      },
      { client: "dynamodb", command: "GetItem", input: { TableName: "balances", Key: { id: { S: "alice" } } } },
    ]);
  });

  it("refuses what util-dynamodb refuses", () => {
    const { result, calls } = withSdk(
      `const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
       const { DynamoDBDocument } = require("@aws-sdk/lib-dynamodb");
       const doc = DynamoDBDocument.from(new DynamoDBClient({}));
       const messages = [];
       for (const item of [{ id: "a", x: undefined }, { id: "a", n: NaN }, { id: "a", big: 2 ** 60 }]) {
         try { await doc.put({ TableName: "t", Item: item }); } catch (e) { messages.push(e.message); }
       }
       return messages;`,
    );
    expect(result).toEqual([
      "Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.",
      "Special numeric value NaN is not allowed",
      "Number 1152921504606847000 is greater than Number.MAX_SAFE_INTEGER. Use BigInt.",
    ]);
    expect(calls).toEqual([]);
  });

  it("exposes marshall/unmarshall from util-dynamodb", () => {
    const { result } = withSdk(`const { marshall, unmarshall } = require("@aws-sdk/util-dynamodb"); return [marshall({ a: 1, b: [true] }), unmarshall({ n: { N: "1.5" }, l: { L: [{ S: "x" }] } })];`);
    expect(result).toEqual([{ a: { N: "1" }, b: { L: [{ BOOL: true }] } }, { n: 1.5, l: ["x"] }]);
  });
});
