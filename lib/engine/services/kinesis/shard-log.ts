/**
 * The ordered, retention-trimmed record log of one shard, shared by Kinesis Data Streams and
 * DynamoDB Streams (DynamoDB Streams is read through the same shard/iterator/sequence-number model:
 * ListStreams, DescribeStream, GetShardIterator, GetRecords — DynamoDB Developer Guide, Streams).
 *
 * This is the reader seam for event source mapping pollers: a poller asks a `StreamSource` for a
 * cursor at a starting position (TRIM_HORIZON, LATEST, AT_TIMESTAMP, AT/AFTER_SEQUENCE_NUMBER),
 * reads batches with arrival times, and checkpoints by sequence number. Records older than the
 * retention period disappear; a cursor that pointed at them jumps to the trim horizon and the read
 * says how many records it lost.
 */

export interface ShardRecordBase {
  readonly shardId: string;
  /** AWS-like decimal sequence number, strictly increasing within the shard. */
  readonly sequenceNumber: string;
  /** Virtual ms (from the scenario start) at which the record was written. */
  readonly arrivalMs: number;
}

export type ShardIteratorType = "TRIM_HORIZON" | "LATEST" | "AT_TIMESTAMP" | "AT_SEQUENCE_NUMBER" | "AFTER_SEQUENCE_NUMBER";

export type ShardPosition =
  | { type: "TRIM_HORIZON" }
  | { type: "LATEST" }
  /** First record that arrived at or after `timestampMs` (virtual ms). */
  | { type: "AT_TIMESTAMP"; timestampMs: number }
  | { type: "AT_SEQUENCE_NUMBER"; sequenceNumber: string }
  | { type: "AFTER_SEQUENCE_NUMBER"; sequenceNumber: string };

/** Where a reader stands in one shard: the ordinal of the next record to read. Plain data: copy it, store it. */
export interface ShardCursor {
  readonly streamArn: string;
  readonly shardId: string;
  readonly next: number;
}

export interface ShardRead<R> {
  records: R[];
  next: ShardCursor;
  /** Records at or after the cursor that were trimmed (retention) before they were read: lost to this reader. */
  trimmed: number;
  /** 0 when the read reached the newest record; otherwise how far (ms) the oldest unread record is behind `now`. */
  millisBehindLatest: number;
}

export interface ReaderError {
  type: string;
  message: string;
}

/** What an event source mapping poller needs from a Kinesis stream or a DynamoDB stream. */
export interface StreamSource<R extends ShardRecordBase = ShardRecordBase> {
  readonly kind: "kinesis" | "dynamodb";
  readonly streamArn: string;
  readonly retentionMs: number;
  shardIds(): string[];
  iterator(shardId: string, position: ShardPosition, now: number): { ok: true; cursor: ShardCursor } | { ok: false; error: ReaderError };
  read(cursor: ShardCursor, limit: number, now: number): ShardRead<R>;
  /** The record exactly as Lambda hands it to a handler inside `event.Records`. */
  lambdaRecord(record: R, ctx: { invokeIdentityArn: string }): Record<string, unknown>;
  /** `KinesisBatchInfo` / `DDBStreamBatchInfo` of an on-failure destination record for this batch. */
  batchInfo(records: readonly R[]): StreamBatchInfo;
}

/**
 * The batch description Lambda puts in an on-failure record for a stream batch (Lambda Developer
 * Guide, "Kinesis … on-failure destinations" example: shardId, start/endSequenceNumber,
 * approximateArrivalOfFirst/LastRecord as ISO times, batchSize, streamArn).
 */
export interface StreamBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  approximateArrivalOfFirstRecord: string;
  approximateArrivalOfLastRecord: string;
  batchSize: number;
  streamArn: string;
}

export function describeBatch(streamArn: string, epochMs: number, records: readonly ShardRecordBase[]): StreamBatchInfo {
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last) throw new Error("a batch has at least one record");
  return {
    shardId: first.shardId,
    startSequenceNumber: first.sequenceNumber,
    endSequenceNumber: last.sequenceNumber,
    approximateArrivalOfFirstRecord: new Date(epochMs + first.arrivalMs).toISOString(),
    approximateArrivalOfLastRecord: new Date(epochMs + last.arrivalMs).toISOString(),
    batchSize: records.length,
    streamArn,
  };
}

/** Emitted after every append, so the engine can wake the pollers of that stream. */
export interface StreamRecordAppended {
  kind: "kinesis" | "dynamodb";
  streamArn: string;
  shardId: string;
  sequenceNumber: string;
  arrivalMs: number;
}

export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * An engine limit, not an AWS one: how much item and record data one simulated account may hold
 * in memory during a run, so that a handler writing in a loop cannot exhaust the worker.
 */
export const DEFAULT_MAX_STORED_BYTES = 64 * 1024 * 1024;

export function storageLimitMessage(service: string, maxBytes: number): string {
  const amount = maxBytes % 1048576 === 0 ? `${maxBytes / 1048576} MiB` : `${maxBytes} bytes`;
  return `The engine keeps at most ${amount} of ${service} data per run; this write would exceed it (an engine limit, not an AWS one)`;
}

export class ShardLog<R extends ShardRecordBase> {
  private records: R[] = [];
  /** Ordinal of records[0]: ordinals are never reused, so a cursor stays meaningful after trimming. */
  private base = 0;

  /** Approximate bytes held by the retained records (for the engine's memory cap). */
  private heldBytes = 0;

  constructor(
    readonly streamArn: string,
    readonly shardId: string,
    readonly retentionMs: number = DEFAULT_RETENTION_MS,
    private readonly sizeOf: (record: R) => number = () => 0,
  ) {}

  append(record: R): void {
    const last = this.records.at(-1);
    if (last && BigInt(last.sequenceNumber) >= BigInt(record.sequenceNumber)) {
      throw new Error(`sequence numbers must increase in ${this.shardId}`);
    }
    this.records.push(record);
    this.heldBytes += this.sizeOf(record);
  }

  retainedBytes(now: number): number {
    this.trim(now);
    return this.heldBytes;
  }

  /**
   * Drops records whose age reached the retention period. Kinesis and DynamoDB Streams say data
   * older than the period is "susceptible to trimming at any moment"; the engine trims exactly at
   * the period so that the same scenario always loses the same records.
   */
  trim(now: number): R[] {
    let n = 0;
    while (n < this.records.length && this.records[n]!.arrivalMs + this.retentionMs <= now) n++;
    if (n === 0) return [];
    const dropped = this.records.splice(0, n);
    this.base += n;
    for (const r of dropped) this.heldBytes -= this.sizeOf(r);
    return dropped;
  }

  retained(now: number): readonly R[] {
    this.trim(now);
    return this.records;
  }

  lastSequenceNumber(): string | undefined {
    return this.records.at(-1)?.sequenceNumber;
  }

  private firstOrdinalWith(predicate: (r: R) => boolean): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (predicate(this.records[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return this.base + lo;
  }

  iterator(position: ShardPosition, now: number): { ok: true; cursor: ShardCursor } | { ok: false; error: ReaderError } {
    this.trim(now);
    const at = (next: number) => ({ ok: true as const, cursor: { streamArn: this.streamArn, shardId: this.shardId, next } });
    switch (position.type) {
      case "TRIM_HORIZON":
        return at(this.base);
      case "LATEST":
        return at(this.base + this.records.length);
      case "AT_TIMESTAMP":
        return at(this.firstOrdinalWith((r) => r.arrivalMs >= position.timestampMs));
      case "AT_SEQUENCE_NUMBER":
      case "AFTER_SEQUENCE_NUMBER": {
        if (!/^(0|[1-9]\d{0,128})$/.test(position.sequenceNumber)) {
          return {
            ok: false,
            error: { type: "InvalidArgumentException", message: `Invalid StartingSequenceNumber ${position.sequenceNumber} for ${this.shardId}.` },
          };
        }
        const seq = BigInt(position.sequenceNumber);
        const after = position.type === "AFTER_SEQUENCE_NUMBER";
        return at(this.firstOrdinalWith((r) => (after ? BigInt(r.sequenceNumber) > seq : BigInt(r.sequenceNumber) >= seq)));
      }
    }
  }

  read(cursor: ShardCursor, limit: number, now: number): ShardRead<R> {
    this.trim(now);
    const trimmed = Math.max(0, this.base - cursor.next);
    const start = Math.max(cursor.next, this.base) - this.base;
    const records = this.records.slice(start, start + Math.max(0, limit));
    const nextIndex = start + records.length;
    const oldestUnread = this.records[nextIndex];
    return {
      records,
      next: { streamArn: cursor.streamArn, shardId: cursor.shardId, next: this.base + nextIndex },
      trimmed,
      millisBehindLatest: oldestUnread ? Math.max(0, now - oldestUnread.arrivalMs) : 0,
    };
  }
}
