import { describe, expect, it } from "vitest";
import { default_w, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import { compareWorkload, isDefaultWeights, MIN_TRAINING_ITEMS, optimizeParameters, OptimizerError, toTrainingItems, workload, type OptimizerLog } from "./optimizer";
import { mulberry32 } from "./prng";

const cfg = { utcOffsetMinutes: 0, rolloverHour: 4 };
const at = (iso: string) => new Date(iso);

describe("toTrainingItems", () => {
  it("builds one item per cross-day answer with delta_t in learner days", () => {
    const logs: OptimizerLog[] = [
      { cardId: "a", rating: Rating.Good, state: State.New, review: at("2026-03-01T10:00:00Z") },
      { cardId: "a", rating: Rating.Good, state: State.Learning, review: at("2026-03-01T10:10:00Z") }, // same day: Δ0
      { cardId: "a", rating: Rating.Again, state: State.Review, review: at("2026-03-04T03:00:00Z") }, // 03:00 < 4 am → learner day 03-03
      { cardId: "a", rating: Rating.Manual, state: State.Review, review: at("2026-03-05T12:00:00Z") }, // not an answer
      { cardId: "a", rating: Rating.Good, state: State.Relearning, review: at("2026-03-10T12:00:00Z") },
      // card b's first answer as new is missing from the log: unusable
      { cardId: "b", rating: Rating.Good, state: State.Review, review: at("2026-03-01T10:00:00Z") },
      { cardId: "b", rating: Rating.Good, state: State.Review, review: at("2026-03-09T10:00:00Z") },
    ];
    expect(toTrainingItems(logs, cfg)).toEqual([
      [[3, 0], [3, 0], [1, 2]],
      [[3, 0], [3, 0], [1, 2], [3, 7]],
    ]);
  });
});

/**
 * A deterministic synthetic review log: `cards` cards introduced over the first 60 days and
 * reviewed until day 240 by a learner whose true memory follows FSRS with `trueW`; each answer is
 * drawn from the forgetting curve with a seeded PRNG.
 */
function syntheticLog(cards: number, trueW: readonly number[]): OptimizerLog[] {
  const f = fsrs({ w: trueW, enable_fuzz: false, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] });
  const random = mulberry32("synthetic-log");
  const t0 = Date.UTC(2025, 0, 1, 12);
  const logs: OptimizerLog[] = [];
  for (let c = 0; c < cards; c++) {
    let card: Card = { due: new Date(t0), stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: State.New };
    let now = new Date(t0 + (c % 60) * 86_400_000);
    while (now.getTime() < t0 + 240 * 86_400_000) {
      const p = card.state === State.New ? 0.6 : f.get_retrievability(card, now, false);
      const u = random();
      const grade: Grade = u >= p ? Rating.Again : u < p * 0.1 ? Rating.Easy : u > p * 0.9 ? Rating.Hard : Rating.Good;
      logs.push({ cardId: `card-${c}`, rating: grade, state: card.state, review: now });
      card = f.next(card, now, grade).card;
      now = new Date(Math.max(card.due.getTime(), now.getTime() + 60_000));
    }
  }
  return logs;
}

describe("optimizeParameters", () => {
  it("fits 21 valid weights from ≥ 1,500 synthetic review items in a worker, with progress", async () => {
    const logs = syntheticLog(400, default_w.map((w, i) => (i === 0 ? 0.4 : i === 2 ? 5 : w)));
    const items = toTrainingItems(logs, cfg);
    expect(items.length).toBeGreaterThanOrEqual(1500);
    const progress: number[] = [];
    const started = Date.now();
    const weights = await optimizeParameters(items, { onProgress: (f) => progress.push(f) });
    const ms = Date.now() - started;
    expect(weights).toHaveLength(21);
    expect(weights.every(Number.isFinite)).toBe(true);
    expect(weights).not.toEqual([...default_w]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    console.info(`optimizer: ${items.length} items → 21 weights in ${ms} ms (progress: ${JSON.stringify(progress)})`);
  }, 60_000);

  it("refuses a log too small to learn from, saying why", async () => {
    await expect(optimizeParameters([[[3, 0], [3, 2]]])).rejects.toThrow(OptimizerError);
    await expect(optimizeParameters([])).rejects.toThrow(new RegExp(`need at least ${MIN_TRAINING_ITEMS}`));
  });

  it("keeps the default weights when the history says too little (fsrs-rs's own rule)", async () => {
    const tooLittle = Array.from({ length: 10 }, () => [[3, 0], [3, 1]] as Array<[number, number]>);
    expect(isDefaultWeights(await optimizeParameters(tooLittle))).toBe(true);
  });

  it("turns a worker that cannot start into an OptimizerError", async () => {
    const items = Array.from({ length: 10 }, () => [[3, 0], [3, 1]] as Array<[number, number]>);
    await expect(optimizeParameters(items, { workerFile: "/nonexistent/optimizer.worker.ts" })).rejects.toThrow(/optimiser worker crashed/);
  });
});

describe("workload", () => {
  it("is deterministic for the same inputs", () => {
    const a = workload(default_w, 0.9, { days: 60 });
    expect(workload(default_w, 0.9, { days: 60 })).toEqual(a);
    expect(a.reviewsPerDay).toHaveLength(60);
    expect(a.reviewsPerDay[0]).toBe(0);
    expect(a.totalReviews).toBeGreaterThan(0);
  });

  it("grows with desired retention and lands near it", () => {
    const low = workload(default_w, 0.8, { days: 120 });
    const high = workload(default_w, 0.95, { days: 120 });
    expect(high.averageReviewsPerDay).toBeGreaterThan(low.averageReviewsPerDay);
    expect(high.simulatedRetention).toBeGreaterThan(low.simulatedRetention);
    expect(high.simulatedRetention).toBeGreaterThan(0.88);
  });

  it("compares before and after weights over a month and a year", () => {
    const easier = default_w.map((w, i) => (i < 4 ? w * 3 : w)); // higher initial stability → fewer reviews
    const r = compareWorkload(default_w, easier, 0.9);
    expect(r.after.month).toBeLessThan(r.before.month);
    expect(r.before.year).toBeGreaterThan(0);
  });
});
