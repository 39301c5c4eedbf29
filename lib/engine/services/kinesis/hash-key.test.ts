import { describe, expect, it } from "vitest";
import { evenHashKeyRanges, HASH_KEY_SPACE, parseExplicitHashKey, partitionKeyHash } from "./hash-key";
import { kinesisSequenceNumber } from "./sequence-number";

const str = (ranges: { start: bigint; end: bigint }[]) => ranges.map((r) => [r.start.toString(), r.end.toString()]);

describe("hash key ranges", () => {
  it("splits 3 shards exactly as `aws kinesis describe-stream` shows (aws-cli examples)", () => {
    expect(str(evenHashKeyRanges(3))).toEqual([
      ["0", "113427455640312821154458202477256070484"],
      ["113427455640312821154458202477256070485", "226854911280625642308916404954512140969"],
      ["226854911280625642308916404954512140970", "340282366920938463463374607431768211455"],
    ]);
  });

  it("covers the whole space without gaps or overlaps for any shard count", () => {
    for (const n of [1, 2, 4, 7, 10, 64]) {
      const ranges = evenHashKeyRanges(n);
      expect(ranges[0]!.start).toBe(0n);
      expect(ranges.at(-1)!.end).toBe(HASH_KEY_SPACE - 1n);
      for (let i = 1; i < n; i++) expect(ranges[i]!.start).toBe(ranges[i - 1]!.end + 1n);
    }
    expect(str(evenHashKeyRanges(2))[1]).toEqual(["170141183460469231731687303715884105728", "340282366920938463463374607431768211455"]);
  });
});

describe("partition key hashing", () => {
  it("is MD5 read as a 128-bit big-endian integer", () => {
    // md5("a") = 0cc175b9c0f1b6a831c399e269772661
    expect(partitionKeyHash("a")).toBe(0x0cc175b9c0f1b6a831c399e269772661n);
    expect(partitionKeyHash("")).toBe(0xd41d8cd98f00b204e9800998ecf8427en);
  });

  it("sends 'a' to shard 0 and 'b' to shard 1 of a 3-shard stream, as Kinesis did in kinesalite's tests", () => {
    const ranges = evenHashKeyRanges(3);
    const shardOf = (key: string) => ranges.findIndex((r) => partitionKeyHash(key) >= r.start && partitionKeyHash(key) <= r.end);
    expect(shardOf("a")).toBe(0);
    expect(shardOf("b")).toBe(1);
  });

  it("accepts ExplicitHashKey only as a decimal in [0, 2^128 - 1]", () => {
    expect(parseExplicitHashKey("0")).toBe(0n);
    expect(parseExplicitHashKey((HASH_KEY_SPACE - 1n).toString())).toBe(HASH_KEY_SPACE - 1n);
    expect(parseExplicitHashKey(HASH_KEY_SPACE.toString())).toBeUndefined();
    expect(parseExplicitHashKey("-1")).toBeUndefined();
    expect(parseExplicitHashKey("01")).toBeUndefined();
  });
});

describe("sequence numbers", () => {
  it("reproduce real ones from their parts (shard 0 starting number in the aws-cli describe-stream example)", () => {
    // 49600871682957036442365024926191073437251060580128653314: shard 0 created and first seq at 2019-10-28T21:12:45Z
    const t = Date.parse("2019-10-28T21:12:45Z");
    expect(kinesisSequenceNumber({ shardCreatedEpochMs: t, shardIndex: 0, sequenceIndex: 0n, arrivalEpochMs: t })).toBe(
      "49600871682957036442365024926191073437251060580128653314",
    );
  });

  it("reproduce the sequence number of the Lambda guide's example record on shardId-000000000006", () => {
    expect(
      kinesisSequenceNumber({
        shardCreatedEpochMs: 0x5bf4e5c2 * 1000,
        shardIndex: 6,
        sequenceIndex: 0x67648a17n,
        arrivalEpochMs: 0x5c181eea * 1000,
      }),
    ).toBe("49590338271490256608559692538361571095921575989136588898");
  });

  it("are 56 digits and increase with every record of a shard, even within one second", () => {
    const created = Date.UTC(2025, 0, 1);
    let previous = 0n;
    for (let i = 1n; i <= 50n; i++) {
      const s = kinesisSequenceNumber({ shardCreatedEpochMs: created, shardIndex: 3, sequenceIndex: i, arrivalEpochMs: created + Number(i) * 10 });
      expect(s).toMatch(/^\d{56}$/);
      expect(BigInt(s) > previous).toBe(true);
      previous = BigInt(s);
    }
  });
});
