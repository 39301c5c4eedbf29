import { describe, expect, it } from "vitest";
import { Rating, State } from "ts-fsrs";
import { countsByState, dueForecast, heatmap, streak, trueRetention, type StatsLog } from "./stats";

// UTC-5 learner, rollover 4 am local = 09:00Z.
const cfg = { utcOffsetMinutes: -300, rolloverHour: 4 };
const log = (iso: string, rating: Rating, state: State = State.Review): StatsLog => ({ review: new Date(iso), rating, state });

describe("heatmap", () => {
  it("buckets answers by learner day: 08:59Z belongs to the previous local day", () => {
    const logs = [
      log("2026-03-02T08:59:00Z", Rating.Good), // 03:59 local on 03-02 → learner day 03-01
      log("2026-03-02T09:00:00Z", Rating.Good), // 04:00 local → 03-02
      log("2026-03-02T20:00:00Z", Rating.Again),
      log("2026-03-02T21:00:00Z", Rating.Manual), // rescheduling, not an answer
    ];
    expect(heatmap(logs, cfg)).toEqual([
      { day: "2026-03-01", count: 1 },
      { day: "2026-03-02", count: 2 },
    ]);
  });
});

describe("trueRetention", () => {
  const logs = [
    log("2026-03-02T12:00:00Z", Rating.Good),
    log("2026-03-03T12:00:00Z", Rating.Again),
    log("2026-03-04T12:00:00Z", Rating.Hard),
    log("2026-03-04T12:05:00Z", Rating.Again, State.Learning), // learning step: excluded
    log("2026-03-04T12:06:00Z", Rating.Good, State.Relearning), // relearning step: excluded
    log("2026-03-10T12:00:00Z", Rating.Easy),
    log("2026-04-01T12:00:00Z", Rating.Again),
  ];
  it("is the share of review-state answers not rated Again, per ISO week", () => {
    expect(trueRetention(logs, "week", cfg)).toEqual([
      { period: "2026-W10", reviews: 3, passed: 2, retention: 2 / 3 },
      { period: "2026-W11", reviews: 1, passed: 1, retention: 1 },
      { period: "2026-W14", reviews: 1, passed: 0, retention: 0 },
    ]);
  });
  it("and per month", () => {
    expect(trueRetention(logs, "month", cfg).map((b) => [b.period, b.reviews, b.passed])).toEqual([
      ["2026-03", 4, 3],
      ["2026-04", 1, 0],
    ]);
  });
  it("labels ISO weeks across a year end (2027-01-01 is in 2026-W53)", () => {
    expect(trueRetention([log("2027-01-01T12:00:00Z", Rating.Good)], "week", cfg)[0]!.period).toBe("2026-W53");
  });
});

describe("dueForecast", () => {
  it("counts due cards per learner day for 30 days, overdue on today, new and suspended excluded", () => {
    const now = new Date("2026-03-02T15:00:00Z");
    const cards = [
      { state: State.Review, due: new Date("2026-02-20T12:00:00Z"), suspended: false },
      { state: State.Review, due: new Date("2026-03-03T08:00:00Z"), suspended: false }, // still 03-02's learner day
      { state: State.Learning, due: new Date("2026-03-03T10:00:00Z"), suspended: false },
      { state: State.Review, due: new Date("2026-03-31T12:00:00Z"), suspended: false }, // day 29
      { state: State.Review, due: new Date("2026-04-01T12:00:00Z"), suspended: false }, // day 30: beyond
      { state: State.Review, due: new Date("2026-03-05T12:00:00Z"), suspended: true },
      { state: State.New, due: now, suspended: false },
    ];
    const f = dueForecast(cards, now, cfg);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: "2026-03-02", count: 2 });
    expect(f[1]).toEqual({ day: "2026-03-03", count: 1 });
    expect(f[29]).toEqual({ day: "2026-03-31", count: 1 });
    expect(f.reduce((s, d) => s + d.count, 0)).toBe(4);
  });
});

it("countsByState counts suspended cards apart", () => {
  const c = (state: State, suspended = false) => ({ state, suspended, due: new Date(0) });
  expect(countsByState([c(State.New), c(State.New), c(State.Learning), c(State.Review), c(State.Relearning), c(State.Review, true)])).toEqual({
    new: 2, learning: 1, review: 1, relearning: 1, suspended: 1, total: 6,
  });
});

describe("streak", () => {
  const days = ["2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-02-27", "2026-02-28", "2026-03-01"];
  const logs = days.map((d) => log(`${d}T15:00:00Z`, Rating.Good));
  it("is alive until the learner day ends: counts back from yesterday when today has no answer yet", () => {
    expect(streak(logs, new Date("2026-03-02T15:00:00Z"), cfg)).toEqual({ current: 3, longest: 4 });
  });
  it("includes today once answered", () => {
    expect(streak([...logs, log("2026-03-02T16:00:00Z", Rating.Again)], new Date("2026-03-02T17:00:00Z"), cfg).current).toBe(4);
  });
  it("is broken after a missed day", () => {
    expect(streak(logs, new Date("2026-03-03T15:00:00Z"), cfg).current).toBe(0);
  });
});
