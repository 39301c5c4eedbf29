import { describe, expect, it } from "vitest";
import { buildAxis, clusterActivity, mergeIntervals, timeToX, xToTime } from "./axis";

describe("clusterActivity", () => {
  it("cuts out the minutes between async retries but keeps a short pause on a linear scale", () => {
    // Three attempts of one async event: ~1 min and ~2 min apart [AsyncErr].
    const retries = [
      { t0: 1000, t1: 1105 },
      { t0: 61_105, t1: 61_111 },
      { t0: 181_111, t1: 181_117 },
    ];
    expect(clusterActivity(retries)).toEqual(retries);
    // Calls 1 s apart: one cluster.
    expect(clusterActivity([{ t0: 1000, t1: 1105 }, { t0: 2000, t1: 2006 }, { t0: 3000, t1: 3006 }])).toEqual([{ t0: 1000, t1: 3006 }]);
    // 2.9 s of pause next to a 1.1 s burst is shorter than 4× the burst: not worth a break.
    expect(clusterActivity([{ t0: 1000, t1: 2100 }, { t0: 5000, t1: 6001 }])).toEqual([{ t0: 1000, t1: 6001 }]);
  });

  it("merges overlapping intervals first", () => {
    expect(mergeIntervals([{ t0: 5, t1: 9 }, { t0: 0, t1: 6 }, { t0: 20, t1: 20 }])).toEqual([{ t0: 0, t1: 9 }, { t0: 20, t1: 20 }]);
  });
});

describe("buildAxis", () => {
  const retries = [
    { t0: 1000, t1: 1105 },
    { t0: 61_105, t1: 61_111 },
    { t0: 181_111, t1: 181_117 },
  ];

  it("gives every cluster room, labels the idle gaps, and fills the width", () => {
    const axis = buildAxis(retries, { width: 800 });
    expect(axis.segments).toHaveLength(3);
    expect(axis.breaks.map((b) => b.label)).toEqual(["1 min", "2 min"]);
    expect(axis.width).toBeCloseTo(800, 6);
    for (const s of axis.segments) expect(s.x1 - s.x0).toBeGreaterThanOrEqual(96 - 1e-9);
    // Positions only grow with time, across breaks too.
    const xs = [0, 1000, 1105, 30_000, 61_105, 61_111, 120_000, 181_117, 999_999].map((t) => timeToX(axis, t));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
    // A 6 ms warm retry is wide enough to see (its cluster has at least the minimum width).
    expect(timeToX(axis, 61_111) - timeToX(axis, 61_105)).toBeGreaterThan(40);
  });

  it("labels each cluster where its activity starts, in full", () => {
    const axis = buildAxis(retries, { width: 900 });
    expect(axis.ticks.filter((t) => t.major).map((t) => t.label)).toEqual(["1 s", "1 min 1.105 s", "3 min 1.111 s"]);
    expect(axis.ticks.filter((t) => t.major).map((t) => t.x)).toEqual([1000, 61_105, 181_111].map((t) => timeToX(axis, t)));
    // With no room for the exact time, a rounded one says it is rounded.
    const tight = buildAxis(retries, { width: 300, minSegmentWidth: 60 });
    expect(tight.ticks.filter((t) => t.major).map((t) => t.label)).toEqual(["1 s", "≈1 min", "≈3 min"]);
  });

  it("maps x back to time", () => {
    const axis = buildAxis(retries, { width: 1200 });
    for (const t of [1000, 1050, 61_108, 181_117]) expect(xToTime(axis, timeToX(axis, t))).toBeCloseTo(t, 6);
  });

  it("puts ticks at readable steps: the first with the full time, the others relative", () => {
    const axis = buildAxis([{ t0: 1000, t1: 1105 }], { width: 700 });
    const [first, second] = axis.ticks;
    expect(first).toMatchObject({ major: true, label: "1 s" });
    expect(second!.label).toMatch(/^\+\d+ ms$/);
    // Never overlapping: ticks at least a label apart, the long first label starting at its tick.
    for (let i = 1; i < axis.ticks.length; i++) expect(axis.ticks[i]!.x - axis.ticks[i - 1]!.x).toBeGreaterThanOrEqual(40);
    expect(first!.anchor).toBe("start");
    expect(second!.anchor).toBe("middle");
  });

  it("scales with zoom: a wider axis spreads the same cluster further", () => {
    const narrow = buildAxis(retries, { width: 800 });
    const wide = buildAxis(retries, { width: 3200 });
    const len = (a: typeof narrow) => timeToX(a, 1105) - timeToX(a, 1000);
    expect(len(wide)).toBeGreaterThan(3 * len(narrow));
  });

  it("handles a run with nothing in it", () => {
    const axis = buildAxis([], { width: 500 });
    expect(axis.segments).toHaveLength(1);
    expect(Number.isFinite(timeToX(axis, 10))).toBe(true);
  });

  it("spans hours: an event that ages 6 h is one break, labelled in hours", () => {
    const axis = buildAxis([{ t0: 0, t1: 100 }, { t0: 21_600_100, t1: 21_600_200 }], { width: 600 });
    expect(axis.breaks.map((b) => b.label)).toEqual(["6 h"]);
    expect(axis.ticks.find((t) => t.major && t.t > 1000)?.label).toBe("6 h 0.1 s");
  });
});
