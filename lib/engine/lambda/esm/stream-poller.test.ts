import { describe, expect, it } from "vitest";
import { fn, runYaml } from "../../testing/run-yaml";

const STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/s";
const text = (r: any) => Buffer.from(r.kinesis.data, "base64").toString("utf8");

describe("Kinesis / DynamoDB Streams poller (§3.2)", () => {
  it("blocks the shard on a failing record and discards it after MaximumRetryAttempts with a metadata-only record", () => {
    const t = runYaml(`steps:
  - CreateStream: { StreamName: s, ShardCount: 1 }
  - CreateQueue: { QueueName: failed }
${fn("r", "exports.handler = async (e) => { const d = e.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString()); if (d.includes('bad')) throw new Error('x'); return d; };")}
  - CreateEventSourceMapping: { FunctionName: r, EventSourceArn: "${STREAM}", StartingPosition: TRIM_HORIZON, BatchSize: 1, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } } }
  - { at: 1s, PutRecords: { StreamName: s, Records: [ { Data: ok1, PartitionKey: k }, { Data: bad, PartitionKey: k }, { Data: ok2, PartitionKey: k } ] } }
`);
    expect(t.invocations.map((i) => text((i.event as any).Records[0]))).toEqual(["ok1", "bad", "bad", "bad", "ok2"]);
    expect(t.invocations.map((i) => i.trigger)).toEqual(Array(5).fill("kinesis"));
    // retries back off: 1 s, then 2 s after the failed attempt ends
    expect(t.invocations[2].start - t.invocations[1].end!).toBe(1000);
    expect(t.invocations[3].start - t.invocations[2].end!).toBe(2000);
    const body = t.queues.failed.messages[0].Body as Record<string, any>;
    expect(Object.keys(body)).toEqual(["requestContext", "responseContext", "version", "timestamp", "KinesisBatchInfo"]);
    expect(body.requestContext).toMatchObject({ functionArn: "arn:aws:lambda:us-east-1:123456789012:function:r", condition: "RetryAttemptsExhausted", approximateInvokeCount: 3 });
    expect(body.requestContext.requestId).toBe(t.invocations[3].requestId);
    expect(body.responseContext).toEqual({ statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" });
    expect(body.KinesisBatchInfo).toMatchObject({ shardId: "shardId-000000000000", batchSize: 1, streamArn: STREAM, startSequenceNumber: (t.invocations[1].event as any).Records[0].kinesis.sequenceNumber });
  });

  it("checkpoints before the lowest reported sequence number with ReportBatchItemFailures", () => {
    const t = runYaml(`steps:
  - CreateStream: { StreamName: s, ShardCount: 1 }
${fn("r", `let first = true;
exports.handler = async (e) => {
  if (!first) return {};
  first = false;
  return { batchItemFailures: [{ itemIdentifier: e.Records[3].kinesis.sequenceNumber }, { itemIdentifier: e.Records[1].kinesis.sequenceNumber }] };
};`)}
  - CreateEventSourceMapping: { FunctionName: r, EventSourceArn: "${STREAM}", StartingPosition: TRIM_HORIZON, FunctionResponseTypes: [ReportBatchItemFailures] }
  - { at: 1s, PutRecords: { StreamName: s, Records: [ { Data: r1, PartitionKey: k }, { Data: r2, PartitionKey: k }, { Data: r3, PartitionKey: k }, { Data: r4, PartitionKey: k } ] } }
`);
    expect(t.invocations.map((i) => (i.event as any).Records.map(text))).toEqual([["r1", "r2", "r3", "r4"], ["r2", "r3", "r4"]]);
  });

  it("reads LATEST from when the mapping starts and TRIM_HORIZON from the oldest record", () => {
    const t = runYaml(`steps:
  - CreateStream: { StreamName: s, ShardCount: 2 }
${fn("all", "exports.handler = async (e) => e.Records.map((r) => r.kinesis.partitionKey);")}
${fn("new", "exports.handler = async (e) => e.Records.map((r) => r.kinesis.partitionKey);")}
  - { at: 1s, PutRecord: { StreamName: s, Data: x, PartitionKey: before } }
  - { at: 2s, CreateEventSourceMapping: { FunctionName: all, EventSourceArn: "${STREAM}", StartingPosition: TRIM_HORIZON } }
  - { CreateEventSourceMapping: { FunctionName: new, EventSourceArn: "${STREAM}", StartingPosition: LATEST } }
  - { at: 3s, PutRecord: { StreamName: s, Data: y, PartitionKey: after } }
`);
    const by = (name: string) => t.invocations.filter((i) => i.function === name).flatMap((i) => i.response as string[]);
    expect(by("all").sort()).toEqual(["after", "before"]);
    expect(by("new")).toEqual(["after"]);
  });

  it("delivers DynamoDB stream records in order with their images", () => {
    const t = runYaml(`steps:
  - CreateTable: { TableName: orders, KeySchema: [ { AttributeName: id, KeyType: HASH } ], AttributeDefinitions: [ { AttributeName: id, AttributeType: S } ], BillingMode: PAY_PER_REQUEST, StreamSpecification: { StreamEnabled: true, StreamViewType: NEW_AND_OLD_IMAGES } }
${fn("audit", "exports.handler = async (e) => e.Records.map((r) => r.eventName + ':' + (r.dynamodb.NewImage?.n?.N ?? '-'));")}
  - CreateEventSourceMapping: { FunctionName: audit, EventSourceArn: "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-01-01T00:00:00.000", StartingPosition: TRIM_HORIZON, BatchSize: 10, MaximumBatchingWindowInSeconds: 5 }
  - { at: 1s, PutItem: { TableName: orders, Item: { id: { S: a }, n: { N: "1" } } } }
  - { at: 2s, UpdateItem: { TableName: orders, Key: { id: { S: a } }, UpdateExpression: "SET n = :n", ExpressionAttributeValues: { ":n": { N: "2" } } } }
  - { at: 3s, DeleteItem: { TableName: orders, Key: { id: { S: a } } } }
`);
    expect(t.invocations.map((i) => [i.trigger, i.start, i.response])).toEqual([["dynamodb", 6000, ["INSERT:1", "MODIFY:2", "REMOVE:-"]]]);
  });

  it("backs off throttles 1 s, 2 s, 4 s … without counting them as attempts", () => {
    const t = runYaml(`until: 40s
steps:
  - CreateStream: { StreamName: s, ShardCount: 1 }
${fn("r", "exports.handler = async (e) => e.Records.length;")}
  - PutFunctionConcurrency: { FunctionName: r, ReservedConcurrentExecutions: 0 }
  - CreateEventSourceMapping: { FunctionName: r, EventSourceArn: "${STREAM}", StartingPosition: TRIM_HORIZON, MaximumRetryAttempts: 0 }
  - { at: 1s, PutRecord: { StreamName: s, Data: x, PartitionKey: k } }
  - { at: 30s, DeleteFunctionConcurrency: { FunctionName: r } }
`);
    const at = t.throttles.map((x) => x.at);
    expect(at.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    // MaximumRetryAttempts 0 would have discarded the record at its first failed attempt
    expect(t.invocations.map((i) => [i.status, i.attempt, i.response])).toEqual([["success", 1, 1]]);
  });

  it("stops reading while the role lacks the stream's read permissions and resumes when it has them again", () => {
    const t = runYaml(`steps:
  - CreateStream: { StreamName: s, ShardCount: 1 }
  - CreateRole: { RoleName: reader, Policy: { Allow: ["kinesis:*", "logs:*"] } }
${fn("r", "exports.handler = async (e) => e.Records.length;", `      Role: "arn:aws:iam::123456789012:role/reader"\n`)}
  - CreateEventSourceMapping: { FunctionName: r, EventSourceArn: "${STREAM}", StartingPosition: TRIM_HORIZON }
  - { at: 1s, PutRolePolicy: { RoleName: reader, Policy: { Allow: ["logs:*"] } } }
  - { at: 2s, PutRecord: { StreamName: s, Data: x, PartitionKey: k } }
  - { at: 10s, PutRolePolicy: { RoleName: reader, Policy: { Allow: ["kinesis:Get*", "kinesis:Describe*", "kinesis:ListShards"] } } }
`);
    expect(t.timeline.filter((e) => e.kind === "esm-access-denied").map((e) => e.at)).toEqual([2000]);
    expect(t.invocations.map((i) => [i.start, i.response])).toEqual([[10000, 1]]);
  });
});
