import { describe, expect, it } from "vitest";
import type { StreamRecordAppended } from "../kinesis/shard-log";
import { EPOCH_MS, newService, simpleTable } from "./test-support";

const HOUR = 3_600_000;

function streamed(viewType: string) {
  const appended: StreamRecordAppended[] = [];
  const db = newService(3, appended);
  const created = db.createTable(simpleTable("blog", viewType), 0);
  if (!created.ok) throw new Error(created.error.message);
  const arn = created.output.TableDescription.LatestStreamArn as string;
  const source = db.streamSource(arn)!;
  const all = () => {
    const shard = source.shardIds()[0]!;
    const it = source.iterator(shard, { type: "TRIM_HORIZON" }, 0);
    if (!it.ok) throw new Error(it.error.message);
    return source.read(it.cursor, 1000, 0).records.map((r) => source.lambdaRecord(r) as Record<string, any>);
  };
  return { db, arn, source, all, appended };
}

function insertModifyRemove(db: ReturnType<typeof newService>) {
  db.putItem({ TableName: "blog", Item: { id: { S: "1" }, key: { S: "value" } } }, 1000);
  db.putItem({ TableName: "blog", Item: { id: { S: "1" }, key: { S: "updated" } } }, 2000);
  db.deleteItem({ TableName: "blog", Key: { id: { S: "1" } } }, 3000);
}

describe("DynamoDB Streams records as Lambda receives them", () => {
  it("has AWS's shape: eventVersion 1.1, epoch-second creation time, 32-hex event ids, increasing sequence numbers", () => {
    const { db, all, arn } = streamed("NEW_AND_OLD_IMAGES");
    insertModifyRemove(db);
    const records = all();
    expect(records.map((r) => r.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    expect(Object.keys(records[0]!)).toEqual(["eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "eventSourceARN"]);
    for (const r of records) {
      expect(r).toMatchObject({ eventVersion: "1.1", eventSource: "aws:dynamodb", awsRegion: "us-east-1", eventSourceARN: arn });
      expect(r.eventID).toMatch(/^[0-9a-f]{32}$/);
      expect(r.dynamodb.SequenceNumber).toMatch(/^\d{21,40}$/);
      expect(r.dynamodb.StreamViewType).toBe("NEW_AND_OLD_IMAGES");
    }
    expect(records[1]!.dynamodb.ApproximateCreationDateTime).toBe(Math.floor((EPOCH_MS + 2000) / 1000));
    const seqs = records.map((r) => BigInt(r.dynamodb.SequenceNumber));
    expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
    expect(new Set(records.map((r) => r.eventID)).size).toBe(3);
  });

  it("computes SizeBytes like the AWS example event (MODIFY 27 bytes, INSERT 17 bytes)", () => {
    // Lambda guide example: Keys {id:"1"}, NewImage {id:"1",key:"updated"}, OldImage {id:"1",key:"value"} → 27;
    // INSERT Keys {id:"2"}, NewImage {id:"2",key:"original"} → 17.
    const { db, all } = streamed("NEW_AND_OLD_IMAGES");
    db.putItem({ TableName: "blog", Item: { id: { S: "1" }, key: { S: "value" } } }, 0);
    db.putItem({ TableName: "blog", Item: { id: { S: "1" }, key: { S: "updated" } } }, 0);
    db.putItem({ TableName: "blog", Item: { id: { S: "2" }, key: { S: "original" } } }, 0);
    expect(all().map((r) => r.dynamodb.SizeBytes)).toEqual([14, 27, 17]);
  });

  it.each<[string, string[][]]>([
    // per record: which of Keys / NewImage / OldImage are present, for INSERT, MODIFY, REMOVE
    ["KEYS_ONLY", [["Keys"], ["Keys"], ["Keys"]]],
    ["NEW_IMAGE", [["Keys", "NewImage"], ["Keys", "NewImage"], ["Keys"]]],
    ["OLD_IMAGE", [["Keys"], ["Keys", "OldImage"], ["Keys", "OldImage"]]],
    ["NEW_AND_OLD_IMAGES", [["Keys", "NewImage"], ["Keys", "NewImage", "OldImage"], ["Keys", "OldImage"]]],
  ])("%s carries the images its view type promises", (viewType, expected) => {
    const { db, all } = streamed(viewType);
    insertModifyRemove(db);
    const records = all();
    expect(records.map((r) => ["Keys", "NewImage", "OldImage"].filter((k) => k in r.dynamodb))).toEqual(expected);
    expect(records[0]!.dynamodb.Keys).toEqual({ id: { S: "1" } });
    if (viewType === "NEW_AND_OLD_IMAGES") {
      expect(records[1]!.dynamodb.OldImage).toEqual({ id: { S: "1" }, key: { S: "value" } });
      expect(records[1]!.dynamodb.NewImage).toEqual({ id: { S: "1" }, key: { S: "updated" } });
    }
  });

  it("writes no record for a write that changes nothing", () => {
    const { db, all, appended } = streamed("NEW_AND_OLD_IMAGES");
    db.putItem({ TableName: "blog", Item: { id: { S: "1" }, n: { N: "1.0" }, s: { SS: ["a", "b"] } } }, 0);
    db.putItem({ TableName: "blog", Item: { id: { S: "1" }, n: { N: "1" }, s: { SS: ["b", "a"] } } }, 1); // same data
    db.updateItem({ TableName: "blog", Key: { id: { S: "1" } }, UpdateExpression: "SET n = :n", ExpressionAttributeValues: { ":n": { N: "1.00" } } }, 2);
    db.updateItem({ TableName: "blog", Key: { id: { S: "1" } }, UpdateExpression: "REMOVE nothing_there" }, 3);
    db.deleteItem({ TableName: "blog", Key: { id: { S: "ghost" } } }, 4);
    db.putItem({ TableName: "blog", Item: { id: { S: "1" } }, ConditionExpression: "attribute_not_exists(id)" }, 5); // fails
    expect(all().map((r) => r.eventName)).toEqual(["INSERT"]);
    expect(appended).toHaveLength(1);
    db.updateItem({ TableName: "blog", Key: { id: { S: "1" } }, UpdateExpression: "ADD n :one", ExpressionAttributeValues: { ":one": { N: "1" } } }, 6);
    expect(all().map((r) => r.eventName)).toEqual(["INSERT", "MODIFY"]);
    expect(appended.map((a) => a.arrivalMs)).toEqual([0, 6]);
  });

  it("an UpdateItem on a missing key is an INSERT", () => {
    const { db, all } = streamed("NEW_IMAGE");
    db.updateItem({ TableName: "blog", Key: { id: { S: "n" } }, UpdateExpression: "SET c = :one", ExpressionAttributeValues: { ":one": { N: "1" } } }, 0);
    expect(all()[0]).toMatchObject({ eventName: "INSERT", dynamodb: { NewImage: { id: { S: "n" }, c: { N: "1" } } } });
  });
});

describe("reading a DynamoDB stream (for event source mapping pollers)", () => {
  it("positions at TRIM_HORIZON, LATEST, AT/AFTER a sequence number, and reads in order", () => {
    const { db, source } = streamed("KEYS_ONLY");
    const shard = source.shardIds()[0]!;
    expect(shard).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
    const latestBefore = source.iterator(shard, { type: "LATEST" }, 0);
    for (let i = 0; i < 5; i++) db.putItem({ TableName: "blog", Item: { id: { S: `k${i}` } } }, i * 100);
    const horizon = source.iterator(shard, { type: "TRIM_HORIZON" }, 500);
    if (!horizon.ok || !latestBefore.ok) throw new Error("iterator");
    const first = source.read(horizon.cursor, 2, 500);
    expect(first.records.map((r) => r.event.dynamodb.Keys.id)).toEqual([{ S: "k0" }, { S: "k1" }]);
    expect(first.millisBehindLatest).toBe(300); // k2 arrived at 200
    expect(source.batchInfo(first.records)).toMatchObject({
      shardId: shard,
      startSequenceNumber: first.records[0]!.sequenceNumber,
      endSequenceNumber: first.records[1]!.sequenceNumber,
      approximateArrivalOfFirstRecord: new Date(EPOCH_MS).toISOString(),
      approximateArrivalOfLastRecord: new Date(EPOCH_MS + 100).toISOString(),
      batchSize: 2,
    });
    const rest = source.read(first.next, 10, 500);
    expect(rest.records.map((r) => r.arrivalMs)).toEqual([200, 300, 400]);
    expect(rest.millisBehindLatest).toBe(0);
    expect(source.read(latestBefore.cursor, 10, 500).records).toHaveLength(5); // LATEST taken before the writes
    const latestNow = source.iterator(shard, { type: "LATEST" }, 500);
    expect(latestNow.ok && source.read(latestNow.cursor, 10, 500).records).toEqual([]);

    const second = first.records[1]!.sequenceNumber;
    const at = source.iterator(shard, { type: "AT_SEQUENCE_NUMBER", sequenceNumber: second }, 500);
    const after = source.iterator(shard, { type: "AFTER_SEQUENCE_NUMBER", sequenceNumber: second }, 500);
    expect(at.ok && source.read(at.cursor, 1, 500).records[0]!.arrivalMs).toBe(100);
    expect(after.ok && source.read(after.cursor, 1, 500).records[0]!.arrivalMs).toBe(200);
    expect(source.iterator(shard, { type: "AT_TIMESTAMP", timestampMs: 0 }, 500)).toEqual({
      ok: false,
      error: { type: "ValidationException", message: "Unsupported starting position for arn type" },
    });
  });

  it("trims records after 24 hours; a reader that fell behind learns how many it lost", () => {
    const { db, source, arn } = streamed("KEYS_ONLY");
    const shard = source.shardIds()[0]!;
    const start = source.iterator(shard, { type: "TRIM_HORIZON" }, 0);
    if (!start.ok) throw new Error("iterator");
    db.putItem({ TableName: "blog", Item: { id: { S: "old" } } }, 0);
    db.putItem({ TableName: "blog", Item: { id: { S: "newer" } } }, 2 * HOUR);
    expect(source.read(start.cursor, 10, 24 * HOUR - 1).records).toHaveLength(2);
    const late = source.read(start.cursor, 10, 24 * HOUR);
    expect(late.trimmed).toBe(1);
    expect(late.records.map((r) => r.arrivalMs)).toEqual([2 * HOUR]);
    expect(db.snapshot(24 * HOUR).blog!.stream!.shards[0]!.records.map((r) => r.ArrivedAt)).toEqual([2 * HOUR]);
    expect(db.snapshot(26 * HOUR).blog!.stream).toEqual({ arn, viewType: "KEYS_ONLY", shards: [{ ShardId: shard, records: [] }] });
    const horizon = source.iterator(shard, { type: "TRIM_HORIZON" }, 26 * HOUR);
    expect(horizon.ok && source.read(horizon.cursor, 10, 26 * HOUR)).toMatchObject({ records: [], trimmed: 0 });
  });

  it("finds streams by ARN only", () => {
    const { db, arn } = streamed("KEYS_ONLY");
    expect(db.streamSource(arn)?.streamArn).toBe(arn);
    expect(db.streamSource(`${arn}x`)).toBeUndefined();
    expect(db.streamSource("arn:aws:dynamodb:us-east-1:123456789012:table/blog")).toBeUndefined();
  });
});
