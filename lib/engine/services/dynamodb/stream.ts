import { createHash } from "node:crypto";
import { cloneItem, itemSize, type Item } from "./attribute-value";
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
} from "../kinesis/shard-log";

export type StreamViewType = "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";
export const STREAM_VIEW_TYPES: readonly StreamViewType[] = ["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"];

/**
 * A DynamoDB Streams record exactly as Lambda receives it (Lambda Developer Guide, "Using AWS
 * Lambda with Amazon DynamoDB", example event; DynamoDB Streams API `Record` / `StreamRecord`):
 * eventVersion "1.1", ApproximateCreationDateTime in epoch seconds rounded down, Keys always,
 * images per the stream view type, SizeBytes = size of Keys + included images.
 */
export interface DynamoDbStreamEvent {
  eventID: string;
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  eventVersion: "1.1";
  eventSource: "aws:dynamodb";
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Item;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  eventSourceARN: string;
}

export interface DynamoDbStreamRecord extends ShardRecordBase {
  readonly event: DynamoDbStreamEvent;
}

export interface TableStreamOptions {
  tableArn: string;
  region: string;
  viewType: StreamViewType;
  /** Virtual ms of CreateTable. */
  createdAtMs: number;
  epochMs: number;
  random: () => number;
  onAppend?: (e: StreamRecordAppended) => void;
}

function hex(random: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/**
 * The stream of one table. The engine models ONE shard per stream: DynamoDB splits shards by
 * write load and partitions, which a lab's handful of writes never reaches, and one shard keeps
 * the per-item ordering guarantee trivially true ("For each item that is modified, the stream
 * records appear in the same sequence as the actual modifications").
 */
export class TableStream implements StreamSource<DynamoDbStreamRecord> {
  readonly kind = "dynamodb" as const;
  readonly streamArn: string;
  /** The ISO timestamp part of the ARN: `LatestStreamLabel`. */
  readonly label: string;
  readonly viewType: StreamViewType;
  readonly retentionMs = DEFAULT_RETENTION_MS;
  private readonly log: ShardLog<DynamoDbStreamRecord>;
  private readonly sequenceBase: bigint;
  private written = 0n;

  constructor(private readonly opts: TableStreamOptions) {
    const createdEpochMs = opts.epochMs + opts.createdAtMs;
    // ARN shape: arn:aws:dynamodb:us-west-2:111122223333:table/TestTable/stream/2015-05-11T21:21:33.291
    // (DynamoDB Developer Guide, Streams): the label is the creation time without a zone suffix.
    this.label = new Date(createdEpochMs).toISOString().replace(/Z$/, "");
    this.streamArn = `${opts.tableArn}/stream/${this.label}`;
    this.viewType = opts.viewType;
    // Shard ids look like "shardId-00000001414576573621-f55eea83": creation epoch ms, 20 digits, and 8 hex.
    const shardId = `shardId-${String(createdEpochMs).padStart(20, "0")}-${hex(opts.random, 8)}`;
    this.log = new ShardLog<DynamoDbStreamRecord>(this.streamArn, shardId, this.retentionMs, (r) => r.event.dynamodb.SizeBytes);
    // Sequence numbers are 21–40 digit decimal strings (StreamRecord.SequenceNumber); real ones look
    // like "21258800000000008186106757". Creation seconds × 10^16 + a counter gives 26 increasing digits.
    this.sequenceBase = BigInt(Math.floor(createdEpochMs / 1000)) * 10n ** 16n;
  }

  get shardId(): string {
    return this.log.shardId;
  }

  shardIds(): string[] {
    return [this.log.shardId];
  }

  /**
   * Appends the record of one successful write. `oldItem`/`newItem` are undefined for an insert /
   * a delete. The caller has already established that the write changed the item.
   */
  append(keys: Item, oldItem: Item | undefined, newItem: Item | undefined, now: number): DynamoDbStreamRecord {
    this.log.trim(now);
    this.written += 1n;
    const sequenceNumber = (this.sequenceBase + this.written).toString();
    const eventName = !oldItem ? "INSERT" : !newItem ? "REMOVE" : "MODIFY";
    const withNew = newItem && (this.viewType === "NEW_IMAGE" || this.viewType === "NEW_AND_OLD_IMAGES");
    const withOld = oldItem && (this.viewType === "OLD_IMAGE" || this.viewType === "NEW_AND_OLD_IMAGES");
    const dynamodb: DynamoDbStreamEvent["dynamodb"] = {
      ApproximateCreationDateTime: Math.floor((this.opts.epochMs + now) / 1000),
      Keys: cloneItem(keys),
      ...(withNew ? { NewImage: cloneItem(newItem) } : {}),
      ...(withOld ? { OldImage: cloneItem(oldItem) } : {}),
      SequenceNumber: sequenceNumber,
      SizeBytes: itemSize(keys) + (withNew ? itemSize(newItem) : 0) + (withOld ? itemSize(oldItem) : 0),
      StreamViewType: this.viewType,
    };
    const event: DynamoDbStreamEvent = {
      // AWS event IDs are 32 hex digits; derived from the ARN and sequence number so that they are
      // unique and reproducible without consuming the scenario's random sequence on every write.
      eventID: createHash("md5").update(`${this.streamArn}#${sequenceNumber}`).digest("hex"),
      eventName,
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: this.opts.region,
      dynamodb,
      eventSourceARN: this.streamArn,
    };
    const record: DynamoDbStreamRecord = { shardId: this.log.shardId, sequenceNumber, arrivalMs: now, event };
    this.log.append(record);
    this.opts.onAppend?.({ kind: "dynamodb", streamArn: this.streamArn, shardId: this.log.shardId, sequenceNumber, arrivalMs: now });
    return record;
  }

  iterator(shardId: string, position: ShardPosition, now: number) {
    if (shardId !== this.log.shardId) {
      return {
        ok: false as const,
        error: { type: "ResourceNotFoundException", message: `Requested resource not found: Shard does not exist` },
      };
    }
    if (position.type === "AT_TIMESTAMP") {
      // Lambda refuses AT_TIMESTAMP for DynamoDB ("Unsupported starting position for arn type");
      // the DynamoDB Streams API has no AT_TIMESTAMP iterator either.
      return { ok: false as const, error: { type: "ValidationException", message: "Unsupported starting position for arn type" } };
    }
    return this.log.iterator(position, now);
  }

  read(cursor: ShardCursor, limit: number, now: number): ShardRead<DynamoDbStreamRecord> {
    return this.log.read(cursor, limit, now);
  }

  retainedBytes(now: number): number {
    return this.log.retainedBytes(now);
  }

  retained(now: number): readonly DynamoDbStreamRecord[] {
    return this.log.retained(now);
  }

  lambdaRecord(record: DynamoDbStreamRecord): Record<string, unknown> {
    return JSON.parse(JSON.stringify(record.event)) as Record<string, unknown>;
  }

  batchInfo(records: readonly DynamoDbStreamRecord[]): StreamBatchInfo {
    return describeBatch(this.streamArn, this.opts.epochMs, records);
  }
}
