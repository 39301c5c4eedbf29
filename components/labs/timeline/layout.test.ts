import { describe, expect, it } from "vitest";
import { fn, runYaml } from "@/lib/engine/testing/run-yaml";
import type { Trace } from "@/lib/labs/types";
import { timeToX } from "./axis";
import { layoutTimeline, ROW } from "./layout";
import { coldStartLines, describeRun, diffRuns, invocationLines, runStats, whyLines } from "./summary";

const FAIL = `exports.handler = async () => { throw new Error("provider down"); };`;
const OK = `exports.handler = async () => ({ ok: true });`;

function asyncRetries(retries: number): Trace {
  return runYaml(`
steps:
  - CreateQueue: { QueueName: failed }
${fn("charge", FAIL)}  - PutFunctionEventInvokeConfig:
      FunctionName: charge
      MaximumRetryAttempts: ${retries}
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } }
  - id: send
    at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: { orderId: 7 } }
`) as Trace;
}

/** Three calls at once against a reserved concurrency of 1: two throttles. */
function throttledBurst(): Trace {
  return runYaml(`
steps:
${fn("report", `exports.handler = async () => { await new Promise((r) => setTimeout(r, 500)); return 1; };`)}  - PutFunctionConcurrency: { FunctionName: report, ReservedConcurrentExecutions: 1 }
  - id: burst
    at: 1s
    repeat: { times: 3, every: 0ms }
    Invoke: { FunctionName: report }
`) as Trace;
}

describe("layoutTimeline", () => {
  const trace = asyncRetries(2);
  const layout = layoutTimeline(trace, { width: 900 });

  it("draws each attempt of a failing async event on its environment's lane, Init only on the cold one", () => {
    expect(layout.lanes.map((l) => [l.id, l.function, l.version])).toEqual([["env-1", "charge", "$LATEST"]]);
    expect(layout.bars.map((b) => [b.attempt, b.status, b.coldStart])).toEqual([
      [1, "error", true],
      [2, "error", false],
      [3, "error", false],
    ]);
    expect(layout.bars[0]!.initWidth).toBeGreaterThan(0);
    expect(layout.bars[1]!.initWidth).toBe(0);
    // Every bar sits inside its lane and is wide enough to see.
    for (const b of layout.bars) {
      expect(b.y).toBeGreaterThanOrEqual(layout.lanes[0]!.y);
      expect(b.y + ROW.bar).toBeLessThanOrEqual(layout.lanes[0]!.y + ROW.lane);
      expect(b.width).toBeGreaterThanOrEqual(3);
    }
  });

  it("links each retry to the attempt before it, and cuts the minutes between them out of the axis", () => {
    expect(layout.links.map((l) => [l.kind, l.from, l.to])).toEqual([
      ["retry", 0, 1],
      ["retry", 1, 2],
    ]);
    const [first, second] = layout.bars;
    expect(layout.links[0]).toMatchObject({ x1: first!.x + first!.width, x2: second!.x });
    expect(layout.axis.breaks.map((b) => b.label)).toEqual(["1 min", "2 min"]);
    expect(layout.width).toBeLessThanOrEqual(900 + 1e-6);
  });

  it("marks the on-failure delivery on the function's row, named by its target", () => {
    expect(layout.deliveries).toEqual([expect.objectContaining({ kind: "on-failure", target: "failed", targetKind: "queue", function: "charge", condition: "RetriesExhausted" })]);
    const row = layout.functions[0]!;
    expect(layout.deliveries[0]!.y).toBe(row.y + ROW.fn / 2);
    expect(layout.deliveries[0]!.x).toBeCloseTo(timeToX(layout.axis, trace.deliveries[0]!.at), 6);
    // The call that started it all is on the calls row: an async Invoke answers 202.
    expect(layout.calls).toEqual([expect.objectContaining({ stepId: "send", op: "Invoke", outcome: "202", failed: false })]);
  });

  it("marks throttles on the function row when reserved concurrency is used up", () => {
    const t = throttledBurst();
    const l = layoutTimeline(t, { width: 600 });
    expect(l.bars).toHaveLength(1);
    expect(l.throttles.map((m) => [m.function, m.reason, m.step])).toEqual([
      ["report", "ReservedFunctionConcurrentInvocationLimitExceeded", "burst.2"],
      ["report", "ReservedFunctionConcurrentInvocationLimitExceeded", "burst.3"],
    ]);
    expect(l.throttles[0]!.y).toBe(l.functions[0]!.y + ROW.fn / 2);
    expect(l.calls.filter((c) => c.failed).map((c) => c.outcome)).toEqual(["TooManyRequestsException", "TooManyRequestsException"]);
  });

  it("links a duplicate delivery to the first copy, on another environment", () => {
    const t = runYaml(`
steps:
${fn("deposit", OK)}  - InjectFault: { Kind: DuplicateDelivery, FunctionName: deposit, Count: 1 }
  - at: 1s
    Invoke: { FunctionName: deposit, InvocationType: Event, Payload: {} }
`) as Trace;
    const l = layoutTimeline(t, { width: 600 });
    expect(l.lanes).toHaveLength(2);
    expect(l.links.map((k) => k.kind)).toEqual(["duplicate"]);
    expect(runStats(t).duplicates).toBe(1);
  });

  it("shows an environment's life: created, reclaimed when idle, and a new cold start after", () => {
    const t = runYaml(`
settings: { idleReclaimMs: 10m }
steps:
${fn("counter", OK)}  - at: 1s
    Invoke: { FunctionName: counter }
  - at: 20m
    Invoke: { FunctionName: counter }
`) as Trace;
    const l = layoutTimeline(t, { width: 800 });
    const [old, fresh] = l.lanes;
    expect(old!.life.reclaimReason).toBe("idle");
    expect(old!.life.x1).toBeLessThan(fresh!.life.x0);
    expect(fresh!.life.x1).toBe(l.width);
    expect(l.bars.map((b) => b.coldStart)).toEqual([true, true]);
    // Two breaks: idle until the reclaim (~10 min), then until the next call.
    expect(l.axis.breaks).toHaveLength(2);
  });

  it("marks provisioned environments and draws their Init ahead of traffic", () => {
    const t = runYaml(`
settings: { coldStartMs: 300 }
steps:
${fn("search", OK)}  - PublishVersion: { FunctionName: search }
  - CreateAlias: { FunctionName: search, Name: live, FunctionVersion: "1" }
  - PutProvisionedConcurrencyConfig: { FunctionName: search, Qualifier: live, ProvisionedConcurrentExecutions: 1 }
  - at: 5m
    repeat: { times: 2, every: 0ms }
    Invoke: { FunctionName: search, Qualifier: live }
`) as Trace;
    const l = layoutTimeline(t, { width: 800 });
    expect(l.lanes.map((x) => [x.version, x.provisioned])).toEqual([
      ["1", true],
      ["1", false],
    ]);
    expect(l.bars.map((b) => [b.environmentId, b.coldStart])).toEqual([
      [l.lanes[0]!.id, false],
      [l.lanes[1]!.id, true],
    ]);
    expect(l.lanes[0]!.life.x0).toBeLessThan(l.bars[0]!.x);
    // Its Init ran at set-up time, long before the first call: drawn on its lane, not on a bar.
    expect(l.lanes[0]!.preInit).toEqual({ x0: l.lanes[0]!.life.x0, x1: expect.any(Number) });
    expect(l.lanes[0]!.preInit!.x1).toBeGreaterThan(l.lanes[0]!.preInit!.x0);
    expect(l.lanes[1]!.preInit).toBeNull();
  });

  it("fits a whole run on a phone: compact breaks and clusters", () => {
    const phone = layoutTimeline(trace, { width: 200, compact: true });
    expect(phone.width).toBeLessThanOrEqual(200 + 1e-6);
    expect(phone.bars.every((b) => b.x + b.width <= phone.width + 1e-6)).toBe(true);
    expect(layoutTimeline(trace, { width: 200 }).width).toBeGreaterThan(200);
  });

  it("is deterministic and grows with zoom", () => {
    expect(layoutTimeline(trace, { width: 900 })).toEqual(layout);
    const zoomed = layoutTimeline(trace, { width: 3600 });
    expect(zoomed.bars[0]!.width).toBeGreaterThan(layout.bars[0]!.width * 3);
  });
});

/** A poison message on an SQS mapping: received `receives` times, `visibility` s apart, then redriven. */
function poisonMessage(visibility: number, receives: number): Trace {
  return runYaml(`
steps:
  - CreateQueue: { QueueName: jobs-dlq }
  - CreateQueue:
      QueueName: jobs
      Attributes:
        VisibilityTimeout: "${visibility}"
        RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:jobs-dlq","maxReceiveCount":"${receives}"}'
${fn("worker", FAIL)}  - CreateEventSourceMapping:
      FunctionName: worker
      EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:jobs"
      BatchSize: 1
  - id: send
    at: 1s
    SendMessage: { QueueName: jobs, MessageBody: '{"id": 13}' }
`) as Trace;
}

describe("why the picture looks as it does", () => {
  it("labels each async retry link with the wait before it, and says it in words", () => {
    const trace = asyncRetries(2);
    const links = layoutTimeline(trace, { width: 900 }).links;
    const [a1, a2, a3] = trace.invocations;
    expect(links.map((l) => [l.kind, l.delayMs])).toEqual([
      ["retry", a2!.start - a1!.end!],
      ["retry", a3!.start - a2!.end!],
    ]);
    // Lambda waits about a minute, then about two, between attempts of one event [AsyncErr].
    expect(links[0]!.delayMs).toBeGreaterThanOrEqual(60_000);
    expect(links[1]!.delayMs).toBeGreaterThan(links[0]!.delayMs);
    expect(whyLines(trace)).toEqual([expect.stringMatching(/^Lambda retried charge's failed async event twice, waiting 1 min, 2 min after the failed attempt before\.$/)]);
  });

  it("links an SQS message received again after its visibility timeout, and marks its redrive to the DLQ", () => {
    const trace = poisonMessage(30, 3);
    const layout = layoutTimeline(trace, { width: 900 });
    expect(layout.bars).toHaveLength(3);
    expect(layout.links.map((l) => [l.kind, l.from, l.to, l.delayMs])).toEqual([
      ["redelivery", 0, 1, 30_000],
      ["redelivery", 1, 2, 30_000],
    ]);
    expect(layout.redrives).toEqual([expect.objectContaining({ function: "worker", queue: "jobs", target: "jobs-dlq", receives: 3 })]);
    expect(layout.redrives[0]!.y).toBe(layout.functions[0]!.y + ROW.fn / 2);
    // The redrive moment is on the axis, not cut out with the idle time before it.
    const at = layout.redrives[0]!.at;
    expect(layout.axis.breaks.every((b) => !(b.t0 < at && at < b.t1))).toBe(true);
    const why = whyLines(trace);
    expect(why[0]).toBe("worker received 1 message again, 30 s after the receive before: a message that is not deleted becomes visible again when its visibility timeout runs out.");
    expect(why[1]).toMatch(/^At 1 min 31(\.\d+)? s: SQS moved a message from jobs to jobs-dlq after 3 receives \(the redrive policy's maxReceiveCount\)\.$/);
  });

  it("says why an event stopped early: too old for the next retry", () => {
    const trace = runYaml(`
steps:
  - CreateQueue: { QueueName: failed }
${fn("charge", FAIL)}  - PutFunctionEventInvokeConfig:
      FunctionName: charge
      MaximumRetryAttempts: 2
      MaximumEventAgeInSeconds: 60
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } }
  - at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: {} }
`) as Trace;
    expect(trace.invocations).toHaveLength(1);
    expect(whyLines(trace)).toEqual([expect.stringMatching(/^At 1\.105 s: Lambda gave up on charge's event after 1 attempt \(EventAgeExceeded\): the next try could not have started within the event's maximum age\.$/)]);
  });

  it("says per function why it was throttled", () => {
    const t = throttledBurst();
    expect(describeRun(t)).toContain("report was throttled 2 times: every environment its reserved concurrency allows was busy (ReservedFunctionConcurrentInvocationLimitExceeded).");
  });

  it("says which version each alias ran", () => {
    const t = runYaml(`
steps:
${fn("checkout", OK)}  - PublishVersion: { FunctionName: checkout }
  - CreateAlias: { FunctionName: checkout, Name: live, FunctionVersion: "1" }
  - at: 1s
    repeat: { times: 3, every: 1s }
    Invoke: { FunctionName: "checkout:live" }
`) as Trace;
    expect(whyLines(t)).toEqual(["Calls through checkout:live ran version 1 (3 calls)."]);
  });

  it("links stream records sent again, and says a bisecting mapping splits the failing batch", () => {
    const stream = (bisect: boolean) =>
      runYaml(`
steps:
  - CreateStream: { StreamName: orders, ShardCount: 1 }
${fn("reader", `exports.handler = async (event) => { for (const r of event.Records) if (Buffer.from(r.kinesis.data, "base64").toString() === "poison") throw new Error("poison"); };`)}  - CreateEventSourceMapping:
      FunctionName: reader
      EventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/orders"
      StartingPosition: TRIM_HORIZON
      BatchSize: 10
      MaximumRetryAttempts: 2
      BisectBatchOnFunctionError: ${bisect}
  - at: 1s
    PutRecords:
      StreamName: orders
      Records:
        - { Data: "a", PartitionKey: "k" }
        - { Data: "poison", PartitionKey: "k" }
`) as Trace;
    const whole = stream(false);
    const links = layoutTimeline(whole, { width: 900 }).links;
    // Two mappings on one stream each get the same records: each function's retries link only to its own.
    const both = runYaml(`
steps:
  - CreateStream: { StreamName: orders, ShardCount: 1 }
${fn("a", FAIL)}${fn("b", OK)}  - CreateEventSourceMapping: { FunctionName: a, EventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/orders", StartingPosition: TRIM_HORIZON, MaximumRetryAttempts: 1 }
  - CreateEventSourceMapping: { FunctionName: b, EventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/orders", StartingPosition: TRIM_HORIZON }
  - at: 1s
    PutRecord: { StreamName: orders, Data: "x", PartitionKey: "k" }
`) as Trace;
    const l2 = layoutTimeline(both, { width: 900 });
    expect(l2.links).toHaveLength(1);
    expect(l2.bars[l2.links[0]!.from]!.function).toBe("a");
    expect(l2.bars[l2.links[0]!.to]!.function).toBe("a");
    expect(links.length).toBe(whole.invocations.length - 1);
    expect(links.every((l) => l.kind === "redelivery" && l.via === "stream" && l.messages === 2 && l.delayMs >= 0)).toBe(true);
    expect(whyLines(whole)[0]).toMatch(/^reader was sent stream records again \d+ times \(batches of 2, 2(, 2)*\): a failing batch holds up its shard and is retried whole\.$/);
    expect(whyLines(stream(true))[0]).toMatch(/^reader was sent stream records again \d+ times \(batches of 2, 1, 1.*\): .*split in two each time it fails \(BisectBatchOnFunctionError\)\.$/);
  });

  it("says why each cold start happened: first call, every warm environment busy, or reclaimed after idling", () => {
    const t = runYaml(`
steps:
${fn("counter", `exports.handler = async () => { await new Promise((r) => setTimeout(r, 200)); return 1; };`)}  - at: 1s
    Invoke: { FunctionName: counter }
  - at: 2s
    repeat: { times: 2, every: 0ms }
    Invoke: { FunctionName: counter }
  - at: 3h
    Invoke: { FunctionName: counter }
`) as Trace;
    expect(t.invocations.map((i) => i.coldStart)).toEqual([true, false, true, true]);
    expect(coldStartLines(t)).toEqual([
      "counter: 3 cold starts — 1 for the first call (no environment yet), 1 because every warm environment was busy with another call, 1 because the earlier environments had been reclaimed after idling. Init took 100 ms before the handler; warm calls took 201 ms.",
    ]);
  });

  it("says when a failed async event had nowhere to go", () => {
    const trace = runYaml(`
steps:
${fn("charge", FAIL)}  - PutFunctionEventInvokeConfig: { FunctionName: charge, MaximumRetryAttempts: 0 }
  - at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: {} }
`) as Trace;
    expect(whyLines(trace)).toEqual([expect.stringMatching(/^At 1\.105 s: charge's async event was dropped \(RetriesExhausted\) — no dead-letter queue or on-failure destination was set to keep it\.$/)]);
  });
});

describe("summary", () => {
  it("says what the picture shows", () => {
    const lines = describeRun(asyncRetries(2));
    expect(lines[0]).toBe("3 invocations of charge in 1 execution environment: 3 errors. 1 cold start.");
    expect(lines).toContain("2 retries (attempt 2 or later).");
    expect(lines.some((l) => /on-failure record from charge to failed \(RetriesExhausted\)/.test(l))).toBe(true);
    expect(invocationLines(asyncRetries(0))).toEqual([expect.stringMatching(/^1 s: charge \(\$LATEST\) attempt 1 in env-1, async, error, 105 ms, Init 100 ms — Error: provider down$/)]);
  });

  it("compares two runs for the what-if panel", () => {
    const rows = diffRuns(asyncRetries(2), asyncRetries(0));
    const by = Object.fromEntries(rows.map((r) => [r.key, [r.before, r.after]]));
    expect(by.invocations).toEqual([3, 1]);
    expect(by.retries).toEqual([2, 0]);
    expect(by.deliveries).toEqual([1, 1]);
    expect(by.throttles).toBeUndefined();
  });
});
