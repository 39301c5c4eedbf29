import { createHash } from "node:crypto";

/** Hash keys span 0 … 2^128 − 1. */
export const HASH_KEY_SPACE = 1n << 128n;

/**
 * "Kinesis Data Streams uses MD5 hash function to map partition keys to 128-bit integer values and
 * to map associated data records to shards" (Kinesis Data Streams API, PutRecord). The digest is
 * read as an unsigned big-endian integer (as kinesalite does; its tests ran against Kinesis).
 */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${createHash("md5").update(partitionKey, "utf8").digest("hex")}`);
}

export interface HashKeyRange {
  start: bigint;
  end: bigint;
}

/**
 * CreateStream splits the hash key space evenly: shard i covers
 * [floor(i·2^128/n), floor((i+1)·2^128/n) − 1]. For 3 shards that is 0…113427455640312821154458202477256070484,
 * 113427455640312821154458202477256070485…226854911280625642308916404954512140969, … — exactly
 * what `aws kinesis describe-stream` prints (aws-cli examples/kinesis/describe-stream.rst).
 */
export function evenHashKeyRanges(shardCount: number): HashKeyRange[] {
  const n = BigInt(shardCount);
  return Array.from({ length: shardCount }, (_, i) => {
    const k = BigInt(i);
    return { start: (k * HASH_KEY_SPACE) / n, end: ((k + 1n) * HASH_KEY_SPACE) / n - 1n };
  });
}

/** ExplicitHashKey: a decimal integer string in [0, 2^128 − 1] (request pattern 0|([1-9]\d{0,38})). */
export function parseExplicitHashKey(text: string): bigint | undefined {
  if (!/^(0|[1-9]\d{0,38})$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < HASH_KEY_SPACE ? value : undefined;
}
