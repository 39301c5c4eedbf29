/**
 * Kinesis sequence numbers are 56-digit decimals such as
 * "49590338271490256608559692538361571095921575989136588898". In hexadecimal they have a fixed
 * layout (reverse-engineered by kinesalite, db/index.js `stringifySequence`, "version 2"; real
 * numbers from AWS's documentation decode cleanly with it):
 *
 *   2 | shard creation time, s (9 hex) | shard index, last hex digit | per-shard sequence index
 *   (16 hex) | 00 | arrival time, s (9 hex) | shard index (8 hex) | 2
 *
 * The sequence index is the most significant varying part, so numbers increase with every
 * record of a shard — which is the only property consumers may rely on.
 */
export function kinesisSequenceNumber(parts: { shardCreatedEpochMs: number; shardIndex: number; sequenceIndex: bigint; arrivalEpochMs: number }): string {
  const hex = (value: number | bigint, width: number) => value.toString(16).padStart(width, "0").slice(-width);
  const created = Math.floor(parts.shardCreatedEpochMs / 1000);
  const arrived = Math.floor(parts.arrivalEpochMs / 1000);
  const text = [
    "2",
    hex(created, 9),
    hex(parts.shardIndex, 1),
    hex(parts.sequenceIndex, 16),
    "00",
    hex(arrived, 9),
    hex(parts.shardIndex, 8),
    "2",
  ].join("");
  return BigInt(`0x${text}`).toString();
}
