import { Buffer } from "node:buffer";
import { kinesisConstraints, kinesisFail, violation, type KinesisOutcome } from "./errors";
import { parseExplicitHashKey, partitionKeyHash } from "./hash-key";
import { dataBytes } from "./record-data";
import { DEFAULT_MAX_STORED_BYTES, storageLimitMessage } from "./shard-log";
import { resolveStream, storageAllows, type KinesisState } from "./state";
import type { KinesisStream } from "./stream";

/** Limits from the Kinesis API reference: data blob ≤ 1 MiB, partition key 1–256 characters, ≤ 500 records and 5 MiB per PutRecords. */
const MAX_DATA_BYTES = 1024 * 1024;
const MAX_RECORDS = 500;
const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

export interface PutRecordOutput {
  ShardId: string;
  SequenceNumber: string;
}

export type PutRecordsResultEntry = { ShardId: string; SequenceNumber: string } | { ErrorCode: string; ErrorMessage: string };

export interface PutRecordsOutput {
  FailedRecordCount: number;
  Records: PutRecordsResultEntry[];
}

type Raw = Record<string, unknown>;
const asRecord = (v: unknown): Raw => (typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) ? (v as Raw) : {});

interface Entry {
  partitionKey: string;
  data: Uint8Array;
  explicitHashKey?: string;
}

function checkEntry(raw: Raw, prefix: string, violations: string[]): Entry | undefined {
  const { PartitionKey: key, Data: data, ExplicitHashKey: explicit } = raw;
  const bytes = dataBytes(data);
  if (key == null) violations.push(violation(null, `${prefix}partitionKey`, "Member must not be null"));
  else if (typeof key !== "string") violations.push(violation(key, `${prefix}partitionKey`, "Member must be a string"));
  else if (key.length < 1) violations.push(violation(key, `${prefix}partitionKey`, "Member must have length greater than or equal to 1"));
  else if (key.length > 256) violations.push(violation(key, `${prefix}partitionKey`, "Member must have length less than or equal to 256"));
  if (!bytes) violations.push(violation(null, `${prefix}data`, "Member must not be null"));
  else if (bytes.length > MAX_DATA_BYTES) violations.push(`Value at '${prefix}data' failed to satisfy constraint: Member must have length less than or equal to ${MAX_DATA_BYTES}`);
  if (explicit != null && (typeof explicit !== "string" || !/^(0|[1-9]\d{0,38})$/.test(explicit))) {
    violations.push(violation(explicit, `${prefix}explicitHashKey`, "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})"));
  }
  if (typeof key !== "string" || !bytes) return undefined;
  return { partitionKey: key, data: bytes, ...(typeof explicit === "string" ? { explicitHashKey: explicit } : {}) };
}

function hashKeyOf(entry: Entry): bigint | undefined {
  return entry.explicitHashKey !== undefined ? parseExplicitHashKey(entry.explicitHashKey) : partitionKeyHash(entry.partitionKey);
}

const badHashKey = (text: string) =>
  kinesisFail("InvalidArgumentException", `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${text}`);

function storageRefused(state: KinesisState) {
  return kinesisFail("LimitExceededException", storageLimitMessage("Kinesis", state.options.maxStoredBytes ?? DEFAULT_MAX_STORED_BYTES));
}

function rateExceeded(stream: KinesisStream, shardId: string, accountId: string): string {
  // Wording from the PutRecords API reference's example response.
  return `Rate exceeded for shard ${shardId} in stream ${stream.name} under account ${accountId}.`;
}

/**
 * PutRecord: MD5(PartitionKey) — or ExplicitHashKey — as a 128-bit integer picks the shard whose
 * hash key range contains it; the record gets the shard's next sequence number.
 */
export function putRecord(state: KinesisState, raw: unknown, now: number): KinesisOutcome<PutRecordOutput> {
  const input = asRecord(raw);
  const violations: string[] = [];
  const entry = checkEntry(input, "", violations);
  const invalid = kinesisConstraints(violations);
  if (invalid) return invalid;
  const found = resolveStream(state, input);
  if (!found.ok) return found;
  const stream = found.output;
  const hashKey = hashKeyOf(entry!);
  if (hashKey === undefined) return badHashKey(entry!.explicitHashKey!);
  const shard = stream.shardFor(hashKey);
  if (!stream.hasCapacity(shard, entry!.data.length + Buffer.byteLength(entry!.partitionKey, "utf8"), now)) {
    return kinesisFail("ProvisionedThroughputExceededException", rateExceeded(stream, shard.shardId, state.options.accountId));
  }
  if (!storageAllows(state, entry!.data.length + entry!.partitionKey.length, now)) return storageRefused(state);
  const record = stream.append(shard, entry!.partitionKey, entry!.data, entry!.explicitHashKey, now);
  return { ok: true, output: { ShardId: shard.shardId, SequenceNumber: record.sequenceNumber } };
}

/**
 * PutRecords: each record is placed as by PutRecord, in order. A record a shard cannot take
 * (its write limit for this second is used up) fails alone, reported in the response with
 * FailedRecordCount — the batch itself succeeds, as on AWS.
 */
export function putRecords(state: KinesisState, raw: unknown, now: number): KinesisOutcome<PutRecordsOutput> {
  const input = asRecord(raw);
  const violations: string[] = [];
  const records = input.Records;
  let entries: (Entry | undefined)[] = [];
  if (records == null) violations.push(violation(null, "records", "Member must not be null"));
  else if (!Array.isArray(records)) violations.push(violation(records, "records", "Member must be a list"));
  else if (records.length < 1) violations.push("Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1");
  else if (records.length > MAX_RECORDS) violations.push(`Value at 'records' failed to satisfy constraint: Member must have length less than or equal to ${MAX_RECORDS}`);
  else entries = records.map((r, i) => checkEntry(asRecord(r), `records.${i + 1}.member.`, violations));
  const invalid = kinesisConstraints(violations.slice(0, 10));
  if (invalid) return invalid;
  const found = resolveStream(state, input);
  if (!found.ok) return found;
  const stream = found.output;

  const valid = entries as Entry[];
  const total = valid.reduce((sum, e) => sum + e.data.length + Buffer.byteLength(e.partitionKey, "utf8"), 0);
  if (total > MAX_REQUEST_BYTES) return kinesisFail("InvalidArgumentException", "Records size exceeds 5 MB limit"); // [unverified wording]
  if (!storageAllows(state, total, now)) return storageRefused(state);
  const hashKeys = valid.map(hashKeyOf);
  const bad = hashKeys.findIndex((h) => h === undefined);
  if (bad >= 0) return badHashKey(valid[bad]!.explicitHashKey!);

  const results: PutRecordsResultEntry[] = valid.map((entry, i) => {
    const shard = stream.shardFor(hashKeys[i]!);
    if (!stream.hasCapacity(shard, entry.data.length + Buffer.byteLength(entry.partitionKey, "utf8"), now)) {
      return { ErrorCode: "ProvisionedThroughputExceededException", ErrorMessage: rateExceeded(stream, shard.shardId, state.options.accountId) };
    }
    const record = stream.append(shard, entry.partitionKey, entry.data, entry.explicitHashKey, now);
    return { SequenceNumber: record.sequenceNumber, ShardId: shard.shardId };
  });
  return { ok: true, output: { FailedRecordCount: results.filter((r) => "ErrorCode" in r).length, Records: results } };
}
