import { describe, expect, it } from "vitest";
import { analyseItems, flagsFor, groupSize, type ItemResponse } from "./item-analysis";

/** Ten learners ranked by total; item "good" tracks the total, "bad" runs against it. */
function cohort(): ItemResponse[] {
  return Array.from({ length: 10 }, (_, i) => {
    const total = (10 - i) / 10; // l0 = 1.0 … l9 = 0.1
    return {
      learnerId: `l${i}`,
      total,
      items: {
        good: i < 5 ? 1 : 0,
        bad: i < 5 ? 0 : 1,
        easy: 1,
        hard: i === 0 ? 1 : 0,
        flat: i % 2,
      },
    };
  });
}

describe("group size", () => {
  it("is 27 % rounded, at least 1, never overlapping", () => {
    expect(groupSize(0)).toBe(0);
    expect(groupSize(1)).toBe(0);
    expect(groupSize(2)).toBe(1);
    expect(groupSize(3)).toBe(1);
    expect(groupSize(10)).toBe(3);
    expect(groupSize(100)).toBe(27);
    expect(groupSize(370)).toBe(100);
  });
});

describe("item analysis", () => {
  const stats = Object.fromEntries(analyseItems(cohort()).map((s) => [s.itemId, s]));

  it("facility is the share right", () => {
    expect(stats.good!.facility).toBe(0.5);
    expect(stats.easy!.facility).toBe(1);
    expect(stats.hard!.facility).toBe(0.1);
    expect(stats.good!.responses).toBe(10);
  });

  it("discrimination compares the top and bottom 27 % by total", () => {
    // Upper = l0, l1, l2; lower = l7, l8, l9.
    expect(stats.good!.upper).toEqual({ n: 3, facility: 1 });
    expect(stats.good!.lower).toEqual({ n: 3, facility: 0 });
    expect(stats.good!.discrimination).toBe(1);
    expect(stats.bad!.discrimination).toBe(-1);
    expect(stats.easy!.discrimination).toBe(0);
    // flat: l0 0, l1 1, l2 0 | l7 1, l8 0, l9 1 → 1/3 − 2/3
    expect(stats.flat!.discrimination).toBeCloseTo(-0.333, 3);
  });

  it("flags dubious items with the reason", () => {
    expect(stats.good!.flags).toEqual([]);
    expect(stats.bad!.flags.map((f) => f.flag)).toEqual(["negative_discrimination"]);
    expect(stats.bad!.flags[0]!.reason).toMatch(/weaker learners did better/);
    expect(stats.easy!.flags.map((f) => f.flag)).toEqual(["too_easy", "low_discrimination"]);
    expect(stats.hard!.flags.map((f) => f.flag)).toEqual(["too_hard"]);
    expect(stats.hard!.flags[0]!.reason).toContain("Facility 10 %");
  });

  it("uses partial credit as it is (lab questions)", () => {
    const r = analyseItems([
      { learnerId: "a", total: 0.9, items: { q: 0.5 } },
      { learnerId: "b", total: 0.1, items: { q: 0.25 } },
    ]);
    expect(r[0]!.facility).toBe(0.375);
    expect(r[0]!.discrimination).toBe(0.25);
  });

  it("counts only learners an item was presented to (random draws)", () => {
    const r = analyseItems([
      { learnerId: "a", total: 1, items: { q: 1 } },
      { learnerId: "b", total: 0.5, items: {} },
      { learnerId: "c", total: 0, items: { q: 0 } },
    ], ["q", "never"]);
    expect(r[0]).toMatchObject({ responses: 2, facility: 0.5, discrimination: 1 });
    expect(r[1]).toMatchObject({ itemId: "never", responses: 0, facility: null, discrimination: null });
    expect(r[1]!.flags[0]!.flag).toBe("few_responses");
  });

  it("is deterministic: ties in total are broken by learner id, whatever the input order", () => {
    const tied: ItemResponse[] = ["d", "a", "c", "b"].map((id, i) => ({ learnerId: id, total: 0.5, items: { q: i % 2 } }));
    const one = analyseItems(tied);
    const two = analyseItems([...tied].reverse());
    expect(one).toEqual(two);
  });

  it("does not judge from too few responses", () => {
    expect(flagsFor(4, 0, -1).map((f) => f.flag)).toEqual(["few_responses"]);
    expect(flagsFor(5, 0.5, 0.3)).toEqual([]);
    expect(flagsFor(5, 0.5, 0.05).map((f) => f.flag)).toEqual(["low_discrimination"]);
  });
});
