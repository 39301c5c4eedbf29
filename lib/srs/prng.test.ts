import { expect, it } from "vitest";
import { hashSeed, mulberry32, shuffled } from "./prng";

it("gives the same stream for the same seed and a different one for another", () => {
  const a = mulberry32("attempt-1");
  const b = mulberry32("attempt-1");
  const seqA = Array.from({ length: 5 }, a);
  expect(Array.from({ length: 5 }, b)).toEqual(seqA);
  expect(Array.from({ length: 5 }, mulberry32("attempt-2"))).not.toEqual(seqA);
  for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
});

it("is roughly uniform (each tenth gets 8–12% of 10,000 draws)", () => {
  const r = mulberry32(42);
  const bins = new Array(10).fill(0);
  for (let i = 0; i < 10_000; i++) bins[Math.floor(r() * 10)]++;
  for (const n of bins) {
    expect(n).toBeGreaterThan(800);
    expect(n).toBeLessThan(1200);
  }
});

it("shuffles into a permutation without touching the input", () => {
  const input = [1, 2, 3, 4, 5, 6];
  const out = shuffled(input, mulberry32(7));
  expect([...out].sort()).toEqual(input);
  expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  expect(hashSeed("a")).not.toBe(hashSeed("b"));
});
