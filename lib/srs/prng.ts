/**
 * Small seeded PRNG (mulberry32) and string hashing (FNV-1a) for everything that must be random-
 * looking yet reproducible: exam draws per attempt seed, workload simulations. Not for secrets.
 */

export type Random = () => number;

/** 32-bit FNV-1a of a string, for turning "attempt-123" into a seed. */
export function hashSeed(input: string | number): number {
  const s = String(input);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Uniform [0, 1) stream; the same seed always gives the same sequence. */
export function mulberry32(seed: string | number): Random {
  let a = typeof seed === "number" && Number.isInteger(seed) ? seed >>> 0 : hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
