import { createStream } from "./create-stream";
import { kinesisFail, type KinesisOutcome } from "./errors";
import { putRecord, putRecords, type PutRecordOutput, type PutRecordsOutput } from "./put-record";
import { dataForTrace } from "./record-data";
import { resolveStream, type KinesisServiceOptions, type KinesisState } from "./state";
import type { KinesisStream } from "./stream";

/** A stream in the trace: its ARN and, per shard, the records still retained at the end. */
export interface KinesisStreamSnapshot {
  arn: string;
  shards: {
    ShardId: string;
    HashKeyRange: { StartingHashKey: string; EndingHashKey: string };
    records: { SequenceNumber: string; PartitionKey: string; Data: unknown; ArrivedAt: number; ExplicitHashKey?: string }[];
  }[];
}

/**
 * The simulated Kinesis Data Streams of one scenario run. Operations take the AWS input and the
 * virtual time `now` (ms) and return `{ ok: true, output }` or `{ ok: false, error }`.
 */
export class KinesisService {
  private readonly state: KinesisState;

  constructor(options: KinesisServiceOptions) {
    this.state = { options, streams: new Map() };
  }

  createStream(input: unknown, now: number): KinesisOutcome<Record<string, never>> {
    return createStream(this.state, input, now);
  }

  putRecord(input: unknown, now: number): KinesisOutcome<PutRecordOutput> {
    return putRecord(this.state, input, now);
  }

  putRecords(input: unknown, now: number): KinesisOutcome<PutRecordsOutput> {
    return putRecords(this.state, input, now);
  }

  /** DescribeStreamSummary-like view, handy for labs and for validating event source mappings. */
  describeStream(input: unknown, _now: number): KinesisOutcome<{ StreamDescription: Record<string, unknown> }> {
    const found = resolveStream(this.state, typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {});
    if (!found.ok) return found;
    const s = found.output;
    return {
      ok: true,
      output: {
        StreamDescription: {
          StreamName: s.name,
          StreamARN: s.streamArn,
          StreamStatus: "ACTIVE",
          StreamModeDetails: { StreamMode: s.mode },
          RetentionPeriodHours: s.retentionMs / 3_600_000,
          Shards: s.shards.map((shard) => ({
            ShardId: shard.shardId,
            HashKeyRange: { StartingHashKey: shard.hashKeyRange.start.toString(), EndingHashKey: shard.hashKeyRange.end.toString() },
            SequenceNumberRange: { StartingSequenceNumber: shard.startingSequenceNumber },
          })),
          HasMoreShards: false,
        },
      },
    };
  }

  /** Dispatch by AWS operation name, for scenario steps and the SDK stand-ins (`SdkCall.command`). */
  call(operation: string, input: unknown, now: number): KinesisOutcome<unknown> {
    switch (operation) {
      case "CreateStream":
        return this.createStream(input, now);
      case "PutRecord":
        return this.putRecord(input, now);
      case "PutRecords":
        return this.putRecords(input, now);
      case "DescribeStream":
        return this.describeStream(input, now);
      default:
        return kinesisFail("UnknownOperationException", `The engine's Kinesis does not model the operation ${operation}`);
    }
  }

  /** The stream with that ARN (or name), for event source mappings; undefined = "Stream not found". */
  streamSource(arnOrName: string): KinesisStream | undefined {
    const byArn = [...this.state.streams.values()].find((s) => s.streamArn === arnOrName);
    return byArn ?? this.state.streams.get(arnOrName);
  }

  /** The trace's `streams`: every stream by name (sorted), shards in order, retained records. */
  snapshot(now: number): Record<string, KinesisStreamSnapshot> {
    const out: Record<string, KinesisStreamSnapshot> = {};
    for (const name of [...this.state.streams.keys()].sort()) {
      const stream = this.state.streams.get(name)!;
      out[name] = {
        arn: stream.streamArn,
        shards: stream.shards.map((shard) => ({
          ShardId: shard.shardId,
          HashKeyRange: { StartingHashKey: shard.hashKeyRange.start.toString(), EndingHashKey: shard.hashKeyRange.end.toString() },
          records: shard.log.retained(now).map((r) => ({
            SequenceNumber: r.sequenceNumber,
            PartitionKey: r.partitionKey,
            Data: dataForTrace(r.data),
            ArrivedAt: r.arrivalMs,
            ...(r.explicitHashKey !== undefined ? { ExplicitHashKey: r.explicitHashKey } : {}),
          })),
        })),
      };
    }
    return out;
  }
}
