import { Buffer } from "node:buffer";
import { evenHashKeyRanges, type HashKeyRange } from "./hash-key";
import { kinesisSequenceNumber } from "./sequence-number";
import {
  DEFAULT_RETENTION_MS,
  describeBatch,
  ShardLog,
  type ShardCursor,
  type ShardPosition,
  type ShardRead,
  type ShardRecordBase,
  type StreamBatchInfo,
  type StreamRecordAppended,
  type StreamSource,
} from "./shard-log";

export interface KinesisRecord extends ShardRecordBase {
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly explicitHashKey?: string;
}

/**
 * Provisioned shard write limits: "Each shard can support writes up to 1,000 records per second,
 * up to a maximum data write total of 1 MiB per second" (Kinesis Data Streams API, CreateStream),
 * partition keys included. Counted per whole second of virtual time.
 */
const RECORDS_PER_SECOND = 1000;
const BYTES_PER_SECOND = 1024 * 1024;

export interface KinesisShard {
  readonly shardId: string;
  readonly index: number;
  readonly hashKeyRange: HashKeyRange;
  readonly startingSequenceNumber: string;
  readonly log: ShardLog<KinesisRecord>;
  written: bigint;
  window: { second: number; records: number; bytes: number };
}

export interface KinesisStreamOptions {
  name: string;
  arn: string;
  region: string;
  shardCount: number;
  mode: "PROVISIONED" | "ON_DEMAND";
  createdAtMs: number;
  epochMs: number;
  onAppend?: (e: StreamRecordAppended) => void;
}

/** One Kinesis data stream: its shards, their records, and the reader API pollers use. */
export class KinesisStream implements StreamSource<KinesisRecord> {
  readonly kind = "kinesis" as const;
  readonly streamArn: string;
  readonly name: string;
  readonly mode: "PROVISIONED" | "ON_DEMAND";
  readonly retentionMs = DEFAULT_RETENTION_MS;
  readonly shards: KinesisShard[];

  constructor(private readonly opts: KinesisStreamOptions) {
    this.name = opts.name;
    this.streamArn = opts.arn;
    this.mode = opts.mode;
    const createdEpochMs = opts.epochMs + opts.createdAtMs;
    this.shards = evenHashKeyRanges(opts.shardCount).map((range, index) => {
      // Shard ids of a new stream: shardId-000000000000, shardId-000000000001, …
      const shardId = `shardId-${String(index).padStart(12, "0")}`;
      return {
        shardId,
        index,
        hashKeyRange: range,
        startingSequenceNumber: kinesisSequenceNumber({ shardCreatedEpochMs: createdEpochMs, shardIndex: index, sequenceIndex: 0n, arrivalEpochMs: createdEpochMs }),
        log: new ShardLog<KinesisRecord>(opts.arn, shardId, this.retentionMs, (r) => r.data.length + r.partitionKey.length),
        written: 0n,
        window: { second: -1, records: 0, bytes: 0 },
      };
    });
  }

  retainedBytes(now: number): number {
    return this.shards.reduce((sum, s) => sum + s.log.retainedBytes(now), 0);
  }

  shardFor(hashKey: bigint): KinesisShard {
    return this.shards.find((s) => hashKey >= s.hashKeyRange.start && hashKey <= s.hashKeyRange.end)!;
  }

  /** Whether the shard can take one more record of this size in the current virtual second. */
  hasCapacity(shard: KinesisShard, bytes: number, now: number): boolean {
    const second = Math.floor(now / 1000);
    if (shard.window.second !== second) shard.window = { second, records: 0, bytes: 0 };
    return shard.window.records + 1 <= RECORDS_PER_SECOND && shard.window.bytes + bytes <= BYTES_PER_SECOND;
  }

  append(shard: KinesisShard, partitionKey: string, data: Uint8Array, explicitHashKey: string | undefined, now: number): KinesisRecord {
    shard.log.trim(now);
    shard.window.records += 1;
    shard.window.bytes += data.length + Buffer.byteLength(partitionKey, "utf8");
    shard.written += 1n;
    const sequenceNumber = kinesisSequenceNumber({
      shardCreatedEpochMs: this.opts.epochMs + this.opts.createdAtMs,
      shardIndex: shard.index,
      sequenceIndex: shard.written,
      arrivalEpochMs: this.opts.epochMs + now,
    });
    const record: KinesisRecord = {
      shardId: shard.shardId,
      sequenceNumber,
      arrivalMs: now,
      partitionKey,
      data,
      ...(explicitHashKey !== undefined ? { explicitHashKey } : {}),
    };
    shard.log.append(record);
    this.opts.onAppend?.({ kind: "kinesis", streamArn: this.streamArn, shardId: shard.shardId, sequenceNumber, arrivalMs: now });
    return record;
  }

  shardIds(): string[] {
    return this.shards.map((s) => s.shardId);
  }

  iterator(shardId: string, position: ShardPosition, now: number) {
    const shard = this.shards.find((s) => s.shardId === shardId);
    if (!shard) {
      return {
        ok: false as const,
        error: { type: "ResourceNotFoundException", message: `Shard ${shardId} in stream ${this.name} under account ${this.streamArn.split(":")[4]} does not exist` },
      };
    }
    return shard.log.iterator(position, now);
  }

  read(cursor: ShardCursor, limit: number, now: number): ShardRead<KinesisRecord> {
    const shard = this.shards.find((s) => s.shardId === cursor.shardId)!;
    return shard.log.read(cursor, limit, now);
  }

  /**
   * The record inside a Lambda event, field for field as in the Lambda Developer Guide's Kinesis
   * example event: data base64, approximateArrivalTimestamp in epoch seconds with milliseconds,
   * eventID "<shardId>:<sequenceNumber>", invokeIdentityArn = the function's execution role.
   */
  lambdaRecord(record: KinesisRecord, ctx: { invokeIdentityArn: string }): Record<string, unknown> {
    return {
      kinesis: {
        kinesisSchemaVersion: "1.0",
        partitionKey: record.partitionKey,
        sequenceNumber: record.sequenceNumber,
        data: Buffer.from(record.data).toString("base64"),
        approximateArrivalTimestamp: (this.opts.epochMs + record.arrivalMs) / 1000,
      },
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventID: `${record.shardId}:${record.sequenceNumber}`,
      eventName: "aws:kinesis:record",
      invokeIdentityArn: ctx.invokeIdentityArn,
      awsRegion: this.opts.region,
      eventSourceARN: this.streamArn,
    };
  }

  batchInfo(records: readonly KinesisRecord[]): StreamBatchInfo {
    return describeBatch(this.streamArn, this.opts.epochMs, records);
  }
}
