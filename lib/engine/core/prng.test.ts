import { describe, expect, it } from "vitest";
import { Prng } from "./prng";

describe("Prng", () => {
  it("gives the same sequence for the same seed and stream, different ones otherwise", () => {
    const a = new Prng(7, "ids");
    const b = new Prng(7, "ids");
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    const c = new Prng(8, "ids");
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
    const d = new Prng(7, "routing");
    expect(Array.from({ length: 5 }, () => d.uint32())).not.toEqual(seqA);
  });

  it("makes RFC 4122 version-4 UUIDs", () => {
    const p = new Prng(1);
    for (let i = 0; i < 200; i++) expect(p.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("spreads floats over [0, 1)", () => {
    const p = new Prng(3);
    const xs = Array.from({ length: 10_000 }, () => p.float());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const below = xs.filter((x) => x < 0.25).length;
    expect(below).toBeGreaterThan(2300);
    expect(below).toBeLessThan(2700);
  });

  it("makes hex strings of the asked length", () => {
    const p = new Prng(5);
    expect(p.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(p.hex(5)).toMatch(/^[0-9a-f]{5}$/);
  });
});
