/** Simulated Kinesis Data Streams for the Lambda engine, and the shard reader shared with DynamoDB Streams. See ../README-streams.md. */
export { KinesisService, type KinesisStreamSnapshot } from "./service";
export type { KinesisServiceOptions } from "./state";
export type { KinesisError, KinesisOutcome } from "./errors";
export type { PutRecordOutput, PutRecordsOutput, PutRecordsResultEntry } from "./put-record";
export { KinesisStream, type KinesisRecord } from "./stream";
export { evenHashKeyRanges, partitionKeyHash, HASH_KEY_SPACE } from "./hash-key";
export {
  DEFAULT_RETENTION_MS,
  type ReaderError,
  type StreamBatchInfo,
  type ShardCursor,
  type ShardIteratorType,
  type ShardPosition,
  type ShardRead,
  type ShardRecordBase,
  type StreamRecordAppended,
  type StreamSource,
} from "./shard-log";
