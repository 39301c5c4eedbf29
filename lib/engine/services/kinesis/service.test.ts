import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { KinesisService } from "./service";
import type { StreamRecordAppended } from "./shard-log";

const EPOCH_MS = Date.UTC(2025, 0, 15, 9, 30, 0);
const HOUR = 3_600_000;
const ROLE = "arn:aws:iam::123456789012:role/consumer";

function service(appended: StreamRecordAppended[] = []) {
  return new KinesisService({ region: "us-east-1", accountId: "123456789012", epochMs: EPOCH_MS, onStreamRecord: (e) => appended.push(e) });
}

const err = (r: { ok: boolean; error?: { type: string; message: string } }) => (r.ok ? undefined : [r.error!.type, r.error!.message]);

describe("CreateStream", () => {
  it("creates shards shardId-000000000000… with even hash key ranges", () => {
    const k = service();
    expect(k.createStream({ StreamName: "clicks", ShardCount: 2 }, 0)).toEqual({ ok: true, output: {} });
    const d = k.describeStream({ StreamName: "clicks" }, 0);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.output.StreamDescription).toMatchObject({
      StreamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
      StreamStatus: "ACTIVE",
      RetentionPeriodHours: 24,
      Shards: [
        { ShardId: "shardId-000000000000", HashKeyRange: { StartingHashKey: "0", EndingHashKey: "170141183460469231731687303715884105727" } },
        { ShardId: "shardId-000000000001", HashKeyRange: { StartingHashKey: "170141183460469231731687303715884105728", EndingHashKey: "340282366920938463463374607431768211455" } },
      ],
    });
  });

  it("defaults to one shard (provisioned) and four (on-demand)", () => {
    const k = service();
    k.createStream({ StreamName: "one" }, 0);
    k.createStream({ StreamName: "auto", StreamModeDetails: { StreamMode: "ON_DEMAND" } }, 0);
    expect(k.streamSource("one")!.shardIds()).toEqual(["shardId-000000000000"]);
    expect(k.streamSource("auto")!.shardIds()).toHaveLength(4);
  });

  it.each<[string, Record<string, unknown>, [string, string]]>([
    ["an existing name", { StreamName: "clicks" }, ["ResourceInUseException", "Stream clicks under account 123456789012 already exists."]],
    ["zero shards", { StreamName: "s0", ShardCount: 0 }, ["ValidationException", "1 validation error detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1"]],
    ["a bad name", { StreamName: "a/b" }, ["ValidationException", "1 validation error detected: Value 'a/b' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"]],
    ["no name", {}, ["ValidationException", "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null"]],
    [
      "more shards than the account quota",
      { StreamName: "huge", ShardCount: 600 },
      ["LimitExceededException", "This request would exceed the shard limit for the account 123456789012 in us-east-1. Current shard count for the account: 1. Limit: 500. Number of additional shards that would have resulted from this request: 600."],
    ],
  ])("refuses %s", (_label, input, expected) => {
    const k = service();
    k.createStream({ StreamName: "clicks" }, 0);
    expect(err(k.createStream(input, 0))).toEqual(expected);
  });
});

describe("PutRecord / PutRecords", () => {
  function threeShards(appended?: StreamRecordAppended[]) {
    const k = service(appended);
    k.createStream({ StreamName: "orders", ShardCount: 3 }, 0);
    return k;
  }

  it("routes by MD5 of the partition key and answers ShardId + SequenceNumber", () => {
    const k = threeShards();
    const a = k.putRecord({ StreamName: "orders", PartitionKey: "a", Data: "hello" }, 1500);
    const b = k.putRecord({ StreamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders", PartitionKey: "b", Data: { n: 1 } }, 1600);
    expect(a.ok && a.output.ShardId).toBe("shardId-000000000000");
    expect(b.ok && b.output.ShardId).toBe("shardId-000000000001");
    expect(a.ok && a.output.SequenceNumber).toMatch(/^\d{56}$/);
  });

  it("uses ExplicitHashKey instead of the partition key when given", () => {
    const k = threeShards();
    const last = k.putRecord({ StreamName: "orders", PartitionKey: "a", Data: "x", ExplicitHashKey: ((1n << 128n) - 1n).toString() }, 0);
    const boundary = k.putRecord({ StreamName: "orders", PartitionKey: "a", Data: "x", ExplicitHashKey: "226854911280625642308916404954512140969" }, 0);
    expect(last.ok && last.output.ShardId).toBe("shardId-000000000002");
    expect(boundary.ok && boundary.output.ShardId).toBe("shardId-000000000001");
    expect(err(k.putRecord({ StreamName: "orders", PartitionKey: "a", Data: "x", ExplicitHashKey: (1n << 128n).toString() }, 0))).toEqual([
      "InvalidArgumentException",
      "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was 340282366920938463463374607431768211456",
    ]);
  });

  it("keeps per-shard order and increasing sequence numbers across PutRecord and PutRecords", () => {
    const appended: StreamRecordAppended[] = [];
    const k = threeShards(appended);
    k.putRecord({ StreamName: "orders", PartitionKey: "a", Data: "1" }, 0);
    const batch = k.putRecords({ StreamName: "orders", Records: [{ PartitionKey: "a", Data: "2" }, { PartitionKey: "b", Data: "x" }, { PartitionKey: "a", Data: "3" }] }, 0);
    if (!batch.ok) throw new Error(batch.error.message);
    expect(batch.output.FailedRecordCount).toBe(0);
    expect(batch.output.Records.map((r) => ("ShardId" in r ? r.ShardId : r.ErrorCode))).toEqual(["shardId-000000000000", "shardId-000000000001", "shardId-000000000000"]);
    const shard0 = appended.filter((e) => e.shardId === "shardId-000000000000").map((e) => BigInt(e.sequenceNumber));
    expect(shard0).toHaveLength(3);
    expect(shard0[0]! < shard0[1]! && shard0[1]! < shard0[2]!).toBe(true);
    const snap = k.snapshot(0).orders!.shards[0]!.records;
    expect(snap.map((r) => r.Data)).toEqual([1, 2, 3]); // JSON text becomes JSON in the trace
  });

  it.each<[string, Record<string, unknown>, [string, string]]>([
    ["a missing stream", { StreamName: "nope", PartitionKey: "a", Data: "x" }, ["ResourceNotFoundException", "Stream nope under account 123456789012 not found."]],
    ["no stream reference", { PartitionKey: "a", Data: "x" }, ["InvalidArgumentException", "Neither streamArn or streamName was provided"]],
    ["no partition key", { StreamName: "orders", Data: "x" }, ["ValidationException", "1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: Member must not be null"]],
    [
      "an empty partition key and no data",
      { StreamName: "orders", PartitionKey: "" },
      ["ValidationException", "2 validation errors detected: Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1; Value null at 'data' failed to satisfy constraint: Member must not be null"],
    ],
    ["a partition key over 256 characters", { StreamName: "orders", PartitionKey: "k".repeat(257), Data: "x" }, ["ValidationException", `1 validation error detected: Value '${"k".repeat(257)}' at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256`]],
    ["data over 1 MiB", { StreamName: "orders", PartitionKey: "a", Data: "x".repeat(1024 * 1024 + 1) }, ["ValidationException", "1 validation error detected: Value at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576"]],
  ])("PutRecord refuses %s", (_label, input, expected) => {
    expect(err(threeShards().putRecord(input, 0))).toEqual(expected);
  });

  it("refuses an empty PutRecords batch", () => {
    expect(err(threeShards().putRecords({ StreamName: "orders", Records: [] }, 0))).toEqual([
      "ValidationException",
      "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
  });

  it("throttles a shard past 1,000 records in one second; PutRecords reports the failed entries", () => {
    const k = service();
    k.createStream({ StreamName: "hot", ShardCount: 1 }, 0);
    const records = Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `k${i}`, Data: "x" }));
    expect(k.putRecords({ StreamName: "hot", Records: records }, 100)).toMatchObject({ ok: true, output: { FailedRecordCount: 0 } });
    expect(k.putRecords({ StreamName: "hot", Records: records }, 200)).toMatchObject({ ok: true, output: { FailedRecordCount: 0 } });
    const third = k.putRecords({ StreamName: "hot", Records: records.slice(0, 3) }, 999);
    expect(third).toEqual({
      ok: true,
      output: {
        FailedRecordCount: 3,
        Records: Array(3).fill({
          ErrorCode: "ProvisionedThroughputExceededException",
          ErrorMessage: "Rate exceeded for shard shardId-000000000000 in stream hot under account 123456789012.",
        }),
      },
    });
    expect(err(k.putRecord({ StreamName: "hot", PartitionKey: "a", Data: "x" }, 999))?.[0]).toBe("ProvisionedThroughputExceededException");
    expect(k.putRecord({ StreamName: "hot", PartitionKey: "a", Data: "x" }, 1000).ok).toBe(true); // a new second
  });

  it("throttles a shard past 1 MiB in one second", () => {
    const k = service();
    k.createStream({ StreamName: "big", ShardCount: 1 }, 0);
    const half = "x".repeat(512 * 1024);
    expect(k.putRecord({ StreamName: "big", PartitionKey: "a", Data: half }, 0).ok).toBe(true);
    expect(err(k.putRecord({ StreamName: "big", PartitionKey: "b", Data: half }, 10))?.[0]).toBe("ProvisionedThroughputExceededException"); // keys count too
    expect(k.putRecord({ StreamName: "big", PartitionKey: "b", Data: half }, 1000).ok).toBe(true);
  });
});

describe("engine memory cap", () => {
  it("refuses records past maxStoredBytes until old records expire", () => {
    const k = new KinesisService({ region: "us-east-1", accountId: "123456789012", epochMs: EPOCH_MS, maxStoredBytes: 30_000 });
    k.createStream({ StreamName: "capped", ShardCount: 4 }, 0);
    const blob = "x".repeat(10_000);
    expect(k.putRecords({ StreamName: "capped", Records: [{ PartitionKey: "a", Data: blob }, { PartitionKey: "b", Data: blob }] }, 0).ok).toBe(true);
    expect(err(k.putRecord({ StreamName: "capped", PartitionKey: "c", Data: blob }, 1000))?.[0]).toBe("LimitExceededException");
    expect(k.putRecord({ StreamName: "capped", PartitionKey: "c", Data: blob }, 24 * HOUR).ok).toBe(true);
  });
});

describe("records as Lambda receives them, and reading shards", () => {
  it("builds AWS's Kinesis event record", () => {
    const k = service();
    k.createStream({ StreamName: "clicks" }, 0);
    const put = k.putRecord({ StreamName: "clicks", PartitionKey: "user-7", Data: "Hello, this is a test." }, 1234);
    if (!put.ok) throw new Error(put.error.message);
    const source = k.streamSource("arn:aws:kinesis:us-east-1:123456789012:stream/clicks")!;
    const it0 = source.iterator("shardId-000000000000", { type: "TRIM_HORIZON" }, 2000);
    if (!it0.ok) throw new Error(it0.error.message);
    const [rec] = source.read(it0.cursor, 10, 2000).records;
    const lambda = source.lambdaRecord(rec!, { invokeIdentityArn: ROLE });
    expect(lambda).toEqual({
      kinesis: {
        kinesisSchemaVersion: "1.0",
        partitionKey: "user-7",
        sequenceNumber: put.output.SequenceNumber,
        data: "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==", // the Lambda guide's example payload
        approximateArrivalTimestamp: (EPOCH_MS + 1234) / 1000,
      },
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventID: `shardId-000000000000:${put.output.SequenceNumber}`,
      eventName: "aws:kinesis:record",
      invokeIdentityArn: ROLE,
      awsRegion: "us-east-1",
      eventSourceARN: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
    });
    expect(Object.keys(lambda)).toEqual(["kinesis", "eventSource", "eventVersion", "eventID", "eventName", "invokeIdentityArn", "awsRegion", "eventSourceARN"]);
    expect(Buffer.from((lambda.kinesis as { data: string }).data, "base64").toString("utf8")).toBe("Hello, this is a test.");
    expect(source.batchInfo([rec!])).toEqual({
      shardId: "shardId-000000000000",
      startSequenceNumber: put.output.SequenceNumber,
      endSequenceNumber: put.output.SequenceNumber,
      approximateArrivalOfFirstRecord: "2025-01-15T09:30:01.234Z",
      approximateArrivalOfLastRecord: "2025-01-15T09:30:01.234Z",
      batchSize: 1,
      streamArn: "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
    });
  });

  it("positions iterators at TRIM_HORIZON, LATEST, AT_TIMESTAMP and by sequence number", () => {
    const k = service();
    k.createStream({ StreamName: "s1" }, 0);
    const source = k.streamSource("s1")!;
    const shard = "shardId-000000000000";
    const seqs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = k.putRecord({ StreamName: "s1", PartitionKey: "p", Data: String(i) }, i * 1000);
      if (r.ok) seqs.push(r.output.SequenceNumber);
    }
    const read = (position: Parameters<typeof source.iterator>[1]) => {
      const it = source.iterator(shard, position, 10_000);
      if (!it.ok) throw new Error(it.error.message);
      return source.read(it.cursor, 100, 10_000).records.map((r) => Buffer.from(r.data).toString());
    };
    expect(read({ type: "TRIM_HORIZON" })).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(read({ type: "LATEST" })).toEqual([]);
    expect(read({ type: "AT_TIMESTAMP", timestampMs: 2500 })).toEqual(["3", "4", "5"]);
    expect(read({ type: "AT_TIMESTAMP", timestampMs: 3000 })).toEqual(["3", "4", "5"]);
    expect(read({ type: "AT_SEQUENCE_NUMBER", sequenceNumber: seqs[4]! })).toEqual(["4", "5"]);
    expect(read({ type: "AFTER_SEQUENCE_NUMBER", sequenceNumber: seqs[4]! })).toEqual(["5"]);
    expect(source.iterator("shardId-000000000009", { type: "LATEST" }, 0).ok).toBe(false);
  });

  it("expires records after the 24 h retention: readers see them disappear", () => {
    const k = service();
    k.createStream({ StreamName: "s2" }, 0);
    const source = k.streamSource("s2")!;
    const start = source.iterator("shardId-000000000000", { type: "TRIM_HORIZON" }, 0);
    if (!start.ok) throw new Error("iterator");
    k.putRecord({ StreamName: "s2", PartitionKey: "p", Data: "early" }, 0);
    k.putRecord({ StreamName: "s2", PartitionKey: "p", Data: "later" }, 10 * HOUR);
    const beforeExpiry = source.read(start.cursor, 1, 24 * HOUR - 1);
    expect(beforeExpiry.records.map((r) => r.arrivalMs)).toEqual([0]);
    expect(beforeExpiry.millisBehindLatest).toBe(14 * HOUR - 1);
    const afterExpiry = source.read(start.cursor, 10, 24 * HOUR);
    expect(afterExpiry.trimmed).toBe(1);
    expect(afterExpiry.records.map((r) => r.arrivalMs)).toEqual([10 * HOUR]);
    expect(k.snapshot(34 * HOUR).s2!.shards[0]!.records).toEqual([]);
  });

  it("shows the trace's streams: arn, shards, retained records with virtual arrival times", () => {
    const k = service();
    k.createStream({ StreamName: "t1", ShardCount: 2 }, 0);
    k.putRecord({ StreamName: "t1", PartitionKey: "a", Data: "plain text" }, 5);
    k.putRecord({ StreamName: "t1", PartitionKey: "a", Data: new Uint8Array([0xff, 0x00]) }, 6);
    const snap = k.snapshot(10);
    expect(Object.keys(snap)).toEqual(["t1"]);
    expect(snap.t1!.arn).toBe("arn:aws:kinesis:us-east-1:123456789012:stream/t1");
    expect(snap.t1!.shards.map((s) => s.ShardId)).toEqual(["shardId-000000000000", "shardId-000000000001"]);
    expect(snap.t1!.shards[0]!.records.map(({ SequenceNumber: _s, ...rest }) => rest)).toEqual([
      { PartitionKey: "a", Data: "plain text", ArrivedAt: 5 },
      { PartitionKey: "a", Data: { base64: "/wA=" }, ArrivedAt: 6 },
    ]);
  });

  it("is deterministic: the same calls give byte-identical snapshots", () => {
    const run = () => {
      const k = service();
      k.createStream({ StreamName: "d", ShardCount: 4 }, 0);
      for (let i = 0; i < 200; i++) k.putRecord({ StreamName: "d", PartitionKey: `user-${i % 17}`, Data: { i } }, i * 37);
      return JSON.stringify(k.snapshot(10_000));
    };
    expect(run()).toBe(run());
  });
});
