// Property tests (fast-check) for the event source mappings (§3): random queues, streams,
// mapping settings and handlers that succeed, fail, report partial failures or are throttled.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../run";
import { validateScenario } from "../../scenario/validate";
import { createNodeVmRuntimeFactory } from "../../testing/node-vm-runtime";
import type { Trace } from "../../trace/types";

const Q = "arn:aws:sqs:us-east-1:123456789012";
const RUNS = { numRuns: 40, seed: 20261127, endOnFailure: true };

function scenario(value: unknown) {
  const v = validateScenario(value);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

// ---- SQS ------------------------------------------------------------------------------------

/**
 * A message body "<n>:<fails>:<sleep>" fails its first <fails> receives (per the record's
 * ApproximateReceiveCount) and makes the batch take <sleep> ms. With ReportBatchItemFailures the
 * handler reports the failing messages (and, on a FIFO queue, every message after the first
 * failure, as AWS asks); without it, it throws.
 */
const SQS_HANDLER = `exports.handler = async (event) => {
  let wait = 0;
  const failed = [];
  for (const r of event.Records) {
    const [, fails, sleep] = r.body.split(":").map(Number);
    wait = Math.max(wait, sleep);
    const fifo = r.eventSourceARN.endsWith(".fifo");
    if (Number(r.attributes.ApproximateReceiveCount) <= fails || (fifo && failed.length > 0)) failed.push(r.messageId);
  }
  if (wait) await new Promise((r) => setTimeout(r, wait));
  if (failed.length === 0) return {};
  if (process.env.RBIF === "yes") return { batchItemFailures: failed.map((id) => ({ itemIdentifier: id })) };
  throw new Error("batch failed");
};`;

const sqsArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  fifo: fc.boolean(),
  visibility: fc.integer({ min: 3, max: 40 }),
  maxReceiveCount: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  batchSize: fc.integer({ min: 1, max: 10 }),
  window: fc.constantFrom(0, 0, 1, 3),
  rbif: fc.boolean(),
  reserved: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  maximumConcurrency: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
  messages: fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 60_000 }), fails: fc.constantFrom(0, 0, 0, 1, 2, 9), sleep: fc.constantFrom(0, 0, 500, 2500), group: fc.constantFrom("a", "b", "c") }),
    { minLength: 1, maxLength: 25 },
  ),
  until: fc.constantFrom(90_000, 300_000, 900_000),
});
type SqsGen = typeof sqsArb extends fc.Arbitrary<infer T> ? T : never;

function sqsRun(g: SqsGen): Trace {
  const name = g.fifo ? "jobs.fifo" : "jobs";
  const attributes: Record<string, unknown> = { VisibilityTimeout: String(g.visibility) };
  if (g.fifo) attributes.FifoQueue = "true";
  if (g.maxReceiveCount !== undefined) attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: `${Q}:${g.fifo ? "dlq.fifo" : "dlq"}`, maxReceiveCount: g.maxReceiveCount });
  const steps: unknown[] = [
    { CreateQueue: { QueueName: g.fifo ? "dlq.fifo" : "dlq", Attributes: g.fifo ? { FifoQueue: "true" } : {} } },
    { CreateQueue: { QueueName: name, Attributes: attributes } },
    { CreateFunction: { FunctionName: "worker", Runtime: "nodejs20.x", Handler: "index.handler", Timeout: Math.min(3, g.visibility), Environment: { Variables: { RBIF: g.rbif ? "yes" : "no" } }, Code: { ZipFile: SQS_HANDLER } } },
  ];
  if (g.reserved !== undefined) steps.push({ PutFunctionConcurrency: { FunctionName: "worker", ReservedConcurrentExecutions: g.reserved } });
  steps.push({
    CreateEventSourceMapping: {
      FunctionName: "worker",
      EventSourceArn: `${Q}:${name}`,
      BatchSize: g.batchSize,
      ...(g.window && !g.fifo ? { MaximumBatchingWindowInSeconds: g.window } : {}),
      ...(g.rbif ? { FunctionResponseTypes: ["ReportBatchItemFailures"] } : {}),
      ...(g.maximumConcurrency ? { ScalingConfig: { MaximumConcurrency: g.maximumConcurrency } } : {}),
    },
  });
  [...g.messages]
    .map((m, n) => ({ ...m, n }))
    .sort((a, b) => a.at - b.at)
    .forEach((m) => {
      steps.push({
        id: `send-${m.n}`,
        at: 1000 + m.at,
        SendMessage: { QueueName: name, MessageBody: `${m.n}:${m.fails}:${m.sleep}`, ...(g.fifo ? { MessageGroupId: m.group, MessageDeduplicationId: `d${m.n}` } : {}) },
      });
    });
  return runScenario(scenario({ seed: g.seed, until: g.until, steps }), { runtime: createNodeVmRuntimeFactory() });
}

type SqsRecord = { messageId: string; body: string };
const recordsOf = (t: Trace, status?: string) =>
  t.invocations.filter((i) => i.function === "worker" && (status === undefined || i.status === status)).map((i) => ({ inv: i, records: (i.event as { Records: SqsRecord[] }).Records }));

describe("SQS event source mapping properties", () => {
  it("every message ends exactly once: deleted after a success, in the dead-letter queue, or still in the queue", () => {
    fc.assert(
      fc.property(sqsArb, (g) => {
        const t = sqsRun(g);
        const source = t.queues[g.fifo ? "jobs.fifo" : "jobs"]!;
        const dlq = t.queues[g.fifo ? "dlq.fifo" : "dlq"]!;
        const sent = t.steps.filter((s) => s.op === "SendMessage").map((s) => (s.response as { MessageId: string }).MessageId);
        expect(new Set(sent).size).toBe(g.messages.length);
        const inQueue = source.messages.map((m) => m.MessageId);
        const inDlq = dlq.messages.map((m) => m.MessageId);
        // nothing is in two places, nothing is anywhere twice
        expect(new Set([...inQueue, ...inDlq]).size).toBe(inQueue.length + inDlq.length);
        const deleted = sent.filter((id) => !inQueue.includes(id) && !inDlq.includes(id));
        expect(source.deleted).toBe(deleted.length);
        expect(source.sent).toBe(source.deleted + source.movedToDeadLetterQueue + source.expired + source.messages.length);
        expect(source.movedToDeadLetterQueue).toBe(inDlq.length);
        if (g.maxReceiveCount === undefined) expect(inDlq).toEqual([]);
        // a deleted message was handed to a successful invocation that did not report it as failed
        const succeeded = new Set<string>();
        for (const { inv, records } of recordsOf(t, "success")) {
          const failed = new Set(((inv.response as { batchItemFailures?: { itemIdentifier: string }[] } | null)?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
          for (const r of records) if (!failed.has(r.messageId)) succeeded.add(r.messageId);
        }
        for (const id of deleted) expect(succeeded.has(id), `message ${id} was deleted without a success`).toBe(true);
        // a message still in the queue or in the dead-letter queue never succeeded
        for (const id of [...inQueue, ...inDlq]) expect(succeeded.has(id), `message ${id} succeeded but was not deleted`).toBe(false);
      }),
      RUNS,
    );
  });

  it("a FIFO queue hands each message group's messages over in send order, one batch of a group at a time", () => {
    fc.assert(
      fc.property(sqsArb.map((g) => ({ ...g, fifo: true })), (g) => {
        const t = sqsRun(g);
        const order = new Map<string, number>(); // message id → send position
        t.steps.filter((s) => s.op === "SendMessage").forEach((s, i) => order.set((s.response as { MessageId: string }).MessageId, i));
        const groupOf = new Map<string, string>();
        const byBody = new Map(g.messages.map((m, n) => [String(n), m.group]));
        const firstSeen = new Map<string, number[]>(); // group → send positions in first-delivery order
        const spans = new Map<string, [number, number][]>();
        for (const { inv, records } of recordsOf(t)) {
          for (const r of records) {
            const group = byBody.get(r.body.split(":")[0]!)!;
            groupOf.set(r.messageId, group);
            if (!firstSeen.has(r.messageId)) {
              firstSeen.set(r.messageId, []);
              const list = firstSeen.get(group) ?? [];
              list.push(order.get(r.messageId)!);
              firstSeen.set(group, list);
            }
          }
          for (const group of new Set(records.map((r) => byBody.get(r.body.split(":")[0]!)!))) spans.set(group, [...(spans.get(group) ?? []), [inv.start, inv.end ?? Infinity]]);
        }
        for (const group of ["a", "b", "c"]) {
          const seen = firstSeen.get(group) ?? [];
          expect(seen, `group ${group}`).toEqual([...seen].sort((x, y) => x - y));
          const s = (spans.get(group) ?? []).sort((x, y) => x[0] - y[0]);
          for (let i = 1; i < s.length; i++) expect(s[i]![0], `group ${group} had two batches in flight`).toBeGreaterThanOrEqual(s[i - 1]![1]);
        }
      }),
      RUNS,
    );
  });
});

// ---- Kinesis --------------------------------------------------------------------------------

/** Data "<n>:<fails>": the record fails its first <fails> deliveries (counted in module scope). */
const STREAM_HANDLER = `const seen = {};
exports.handler = async (event) => {
  let firstBad = null;
  for (const r of event.Records) {
    const [n, fails] = Buffer.from(r.kinesis.data, "base64").toString().split(":").map(Number);
    seen[n] = (seen[n] || 0) + 1;
    if (seen[n] <= fails && firstBad === null) firstBad = r.kinesis.sequenceNumber;
  }
  if (firstBad === null) return {};
  if (process.env.MODE === "report") return { batchItemFailures: [{ itemIdentifier: firstBad }] };
  throw new Error("bad record");
};`;

const streamArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  shards: fc.integer({ min: 1, max: 3 }),
  parallelization: fc.integer({ min: 1, max: 3 }),
  batchSize: fc.integer({ min: 1, max: 6 }),
  retries: fc.constantFrom(-1, 0, 1, 3),
  maxAge: fc.constantFrom(-1, 60),
  bisect: fc.boolean(),
  mode: fc.constantFrom("throw", "report"),
  reserved: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  records: fc.array(fc.record({ at: fc.integer({ min: 0, max: 20_000 }), key: fc.constantFrom("k1", "k2", "k3", "k4"), fails: fc.constantFrom(0, 0, 0, 1, 3, 50) }), { minLength: 1, maxLength: 30 }),
});
type StreamGen = typeof streamArb extends fc.Arbitrary<infer T> ? T : never;

function streamRun(g: StreamGen): Trace {
  const steps: unknown[] = [
    { CreateStream: { StreamName: "s", ShardCount: g.shards } },
    { CreateFunction: { FunctionName: "reader", Runtime: "nodejs20.x", Handler: "index.handler", Environment: { Variables: { MODE: g.mode } }, Code: { ZipFile: STREAM_HANDLER } } },
  ];
  if (g.reserved !== undefined) steps.push({ PutFunctionConcurrency: { FunctionName: "reader", ReservedConcurrentExecutions: g.reserved } });
  steps.push({
    CreateEventSourceMapping: {
      FunctionName: "reader",
      EventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/s",
      StartingPosition: "TRIM_HORIZON",
      BatchSize: g.batchSize,
      ParallelizationFactor: g.parallelization,
      MaximumRetryAttempts: g.retries,
      MaximumRecordAgeInSeconds: g.maxAge,
      BisectBatchOnFunctionError: g.bisect,
      ...(g.mode === "report" ? { FunctionResponseTypes: ["ReportBatchItemFailures"] } : {}),
    },
  });
  [...g.records]
    .map((r, n) => ({ ...r, n }))
    .sort((a, b) => a.at - b.at)
    .forEach((r) => steps.push({ at: 1000 + r.at, PutRecord: { StreamName: "s", Data: `${r.n}:${r.fails}`, PartitionKey: r.key } }));
  if (g.reserved === 0) steps.push({ at: "2m", DeleteFunctionConcurrency: { FunctionName: "reader" } });
  return runScenario(scenario({ seed: g.seed, until: "30m", steps }), { runtime: createNodeVmRuntimeFactory() });
}

describe("stream event source mapping properties", () => {
  it("never breaks the order of a shard's records of one partition key", () => {
    fc.assert(
      fc.property(streamArb, (g) => {
        const t = streamRun(g);
        type Rec = { kinesis: { sequenceNumber: string; partitionKey: string }; eventID: string };
        const key = (r: Rec) => `${r.eventID.split(":")[0]}/${r.kinesis.partitionKey}`;
        const seq = (r: Rec) => BigInt(r.kinesis.sequenceNumber);
        const last = new Map<string, number>();
        const spans = new Map<string, [number, number][]>();
        t.invocations.forEach((inv, index) => {
          const records = (inv.event as { Records: Rec[] }).Records;
          const byKey = new Map<string, Rec[]>();
          for (const r of records) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
          for (const [k, rs] of byKey) {
            // within a batch, a key's records come in sequence order
            for (let i = 1; i < rs.length; i++) expect(seq(rs[i]!) > seq(rs[i - 1]!), `batch ${index} out of order for ${k}`).toBe(true);
            spans.set(k, [...(spans.get(k) ?? []), [inv.start, inv.end ?? Infinity]]);
          }
          for (const r of records) last.set(r.kinesis.sequenceNumber, index);
        });
        // one batch of a key in flight at a time
        for (const [k, s] of spans) {
          s.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < s.length; i++) expect(s[i]![0], `two batches of ${k} in flight`).toBeGreaterThanOrEqual(s[i - 1]![1]);
        }
        // a later record is never handed over while an earlier one is still pending: whenever an
        // invocation carries record b but not an earlier record a of the same key, a is never
        // delivered again afterwards (it already succeeded for good, or was discarded)
        const byKey = new Map<string, Set<string>>();
        for (const inv of t.invocations) for (const r of (inv.event as { Records: Rec[] }).Records) byKey.set(key(r), (byKey.get(key(r)) ?? new Set()).add(r.kinesis.sequenceNumber));
        t.invocations.forEach((inv, index) => {
          const records = (inv.event as { Records: Rec[] }).Records;
          for (const k of new Set(records.map(key))) {
            const mine = new Set(records.filter((r) => key(r) === k).map((r) => r.kinesis.sequenceNumber));
            const highest = [...mine].reduce((m, x) => (BigInt(x) > BigInt(m) ? x : m));
            for (const a of byKey.get(k)!) {
              if (mine.has(a) || BigInt(a) > BigInt(highest)) continue;
              expect(last.get(a)!, `${k}: invocation ${index} went past ${a}, which was delivered again at invocation ${last.get(a)}`).toBeLessThan(index);
            }
          }
        });
      }),
      RUNS,
    );
  });
});
