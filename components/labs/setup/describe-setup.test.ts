import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/engine";
import { describeSetup } from "./describe-setup";

function setupOf(yaml: string) {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
  return describeSetup(parsed.scenario);
}

const ARN = "arn:aws:sqs:us-east-1:123456789012";

describe("describeSetup", () => {
  it("draws a function card with AWS defaults, async config and destinations, and lists the calls", () => {
    const setup = setupOf(`
steps:
  - CreateQueue: { QueueName: failed }
  - CreateFunction:
      FunctionName: charge
      Runtime: nodejs20.x
      Handler: index.handler
      Environment: { Variables: { MODE: strict } }
      Code: { ZipFile: "exports.handler = async () => { throw new Error('x') }" }
  - PutFunctionEventInvokeConfig:
      FunctionName: charge
      MaximumRetryAttempts: 1
      DestinationConfig: { OnFailure: { Destination: "${ARN}:failed" } }
  - id: send
    at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: { orderId: 7 } }
`);
    const [fn] = setup.functions;
    expect(fn).toMatchObject({ name: "charge", timeoutSeconds: 3, timeoutIsDefault: true, memoryMb: 128, environment: [["MODE", "strict"]], role: null });
    expect(fn!.asyncConfigs).toEqual([
      { qualifier: "$LATEST", maximumRetryAttempts: 1, retriesIsDefault: false, maximumEventAgeSeconds: 21600, ageIsDefault: true, onFailure: expect.objectContaining({ kind: "queue", name: "failed" }) },
    ]);
    expect(fn!.code).toEqual([{ rev: 1, source: expect.stringContaining("throw"), since: 0, sinceOp: "CreateFunction", usedBy: [] }]);
    expect(setup.wiring).toEqual([expect.objectContaining({ kind: "on-failure", from: { kind: "function", name: "charge" }, to: expect.objectContaining({ name: "failed" }) })]);
    expect(setup.queues).toEqual([expect.objectContaining({ name: "failed", visibilityTimeoutSeconds: 30, visibilityIsDefault: true })]);
    // Only the traffic is a call: the setup steps are drawn as cards.
    expect(setup.calls).toEqual([
      { stepId: "send", at: 1000, op: "Invoke", target: { kind: "function", name: "charge" }, params: [{ label: "type", value: "async (Event)" }, { label: "payload", value: '{"orderId":7}' }] },
    ]);
  });

  it("tracks versions as snapshots, code revisions, aliases with weights and later changes", () => {
    const setup = setupOf(`
steps:
  - CreateFunction: { FunctionName: price, Environment: { Variables: { CURRENCY: EUR } }, Code: { ZipFile: "v1" } }
  - PublishVersion: { FunctionName: price, Description: first }
  - UpdateFunctionCode: { FunctionName: price, ZipFile: "v2" }
  - UpdateFunctionConfiguration: { FunctionName: price, Environment: { Variables: { CURRENCY: USD } } }
  - PublishVersion: { FunctionName: price }
  - CreateAlias: { FunctionName: price, Name: PROD, FunctionVersion: "1", RoutingConfig: { AdditionalVersionWeights: { "2": 0.25 } } }
  - at: 1s
    repeat: { times: 3, every: 100ms }
    Invoke: { FunctionName: price, Qualifier: PROD }
  - DeleteFunction: { FunctionName: price, Qualifier: "1" }
  - at: 5s
    UpdateFunctionCode: { FunctionName: price, ZipFile: "v3" }
`);
    const fn = setup.functions[0]!;
    expect(fn.versions.map((v) => [v.version, v.codeRev, v.environment])).toEqual([
      ["1", 1, [["CURRENCY", "EUR"]]],
      ["2", 2, [["CURRENCY", "USD"]]],
    ]);
    expect(fn.versions[0]!.deletedAt).toBe(1200);
    expect(fn.aliases).toEqual([{ name: "PROD", version: "1", weights: [{ version: "2", weight: 0.25 }] }]);
    // $LATEST ran code #2 from the setup until the update at 5 s; #1 was replaced at once.
    expect(fn.code.map((c) => [c.rev, c.usedBy, c.since, c.latestUntil])).toEqual([
      [1, ["version 1"], 0, 0],
      [2, ["version 2"], 0, 5000],
      [3, [], 5000, undefined],
    ]);
    expect(fn.changes.map((c) => [c.at, c.op, c.summary])).toEqual([
      [1200, "DeleteFunction", "deletes version 1"],
      [5000, "UpdateFunctionCode", "new handler code on $LATEST"],
    ]);
    // A repeated call runs on: the next step without `at` follows the last repetition (1 s + 2 × 100 ms).
    expect(setup.calls.map((c) => [c.op, c.at, c.repeat?.times])).toEqual([
      ["Invoke", 1000, 3],
      ["DeleteFunction", 1200, undefined],
      ["UpdateFunctionCode", 5000, undefined],
    ]);
    expect(setup.calls[0]!.target).toEqual({ kind: "function", name: "price", qualifier: "PROD" });
  });

  it("draws mappings, redrive and subscriptions as arrows, with their AWS defaults", () => {
    const setup = setupOf(`
steps:
  - CreateQueue: { QueueName: jobs-dlq }
  - CreateQueue:
      QueueName: jobs
      Attributes:
        VisibilityTimeout: 10
        RedrivePolicy: '{"deadLetterTargetArn":"${ARN}:jobs-dlq","maxReceiveCount":"3"}'
  - CreateStream: { StreamName: clicks, ShardCount: 2 }
  - CreateTopic: { Name: alerts }
  - CreateRole: { RoleName: consumer, Policy: { Allow: ["sqs:ReceiveMessage"] } }
  - CreateFunction: { FunctionName: worker, Role: "arn:aws:iam::123456789012:role/consumer", Timeout: 30, Code: { ZipFile: "x" } }
  - CreateEventSourceMapping: { FunctionName: worker, EventSourceArn: "${ARN}:jobs", FunctionResponseTypes: [ReportBatchItemFailures] }
  - CreateEventSourceMapping: { FunctionName: worker, EventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", StartingPosition: TRIM_HORIZON, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 2 }
  - Subscribe: { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Protocol: sqs, Endpoint: "${ARN}:jobs" }
  - InjectFault: { Kind: CrashEnvironment, FunctionName: worker }
`);
    expect(setup.queues.find((q) => q.name === "jobs")).toMatchObject({ visibilityTimeoutSeconds: 10, visibilityIsDefault: false, redrive: { target: { kind: "queue", name: "jobs-dlq" }, maxReceiveCount: 3 } });
    expect(setup.wiring.map((w) => [w.kind, w.from.name, w.to.name, w.details])).toEqual([
      ["redrive", "jobs", "jobs-dlq", ["after 3 receives"]],
      ["mapping", "jobs", "worker", ["batch size 10 (default)", "reports batch item failures"]],
      ["mapping", "clicks", "worker", ["batch size 100 (default)", "starts at TRIM_HORIZON", "bisects a failing batch", "at most 2 retries"]],
      ["subscription", "alerts", "jobs", []],
    ]);
    expect(setup.streams).toEqual([{ name: "clicks", shards: 2 }]);
    expect(setup.roles).toEqual([{ name: "consumer", allow: ["sqs:ReceiveMessage"] }]);
    expect(setup.functions[0]).toMatchObject({ role: { kind: "role", name: "consumer" }, timeoutSeconds: 30, faults: ["the next invocation's environment crashes mid-run (Runtime.ExitError)"] });
    expect(setup.calls).toEqual([]);
  });

  it("keeps concurrency settings and a DLQ, and reports non-default engine settings", () => {
    const setup = setupOf(`
settings: { coldStartMs: 400 }
steps:
  - CreateQueue: { QueueName: dead }
  - CreateFunction: { FunctionName: legacy, DeadLetterConfig: { TargetArn: "${ARN}:dead" }, Code: { ZipFile: "x" } }
  - PublishVersion: { FunctionName: legacy }
  - CreateAlias: { FunctionName: legacy, Name: live, FunctionVersion: "1" }
  - PutFunctionConcurrency: { FunctionName: legacy, ReservedConcurrentExecutions: 2 }
  - PutProvisionedConcurrencyConfig: { FunctionName: legacy, Qualifier: live, ProvisionedConcurrentExecutions: 1 }
  - CreateTable: { TableName: t, KeySchema: [{ AttributeName: id, KeyType: HASH }], AttributeDefinitions: [{ AttributeName: id, AttributeType: S }] }
  - PutItem: { TableName: t, Item: { id: { S: a } } }
  - at: 2m
    PutFunctionConcurrency: { FunctionName: legacy, ReservedConcurrentExecutions: 0 }
`);
    const fn = setup.functions[0]!;
    expect(fn).toMatchObject({ reservedConcurrency: 2, provisioned: [{ qualifier: "live", count: 1 }], dlq: { kind: "queue", name: "dead" } });
    expect(fn.changes).toEqual([{ at: 120_000, stepId: "s9", op: "PutFunctionConcurrency", summary: "reserved concurrency → 0" }]);
    expect(setup.wiring[0]).toMatchObject({ kind: "dlq", to: { name: "dead" } });
    expect(setup.tables).toEqual([{ name: "t", keys: ["id (partition key)"], items: [{ id: { S: "a" } }] }]);
    expect(setup.settings.find((s) => s.label === "Cold start (Init)")).toEqual({ label: "Cold start (Init)", value: "400 ms", isDefault: false });
    expect(setup.settings.filter((s) => !s.isDefault)).toHaveLength(1);
  });
});
