import { describe, expect, it } from "vitest";
import { fsrs, generatorParameters, get_fuzz_range, Rating, State, type Card } from "ts-fsrs";
import { createScheduler, formatInterval, newCard, parseSchedulingSettings, type SrsCard } from "./scheduler";

const T0 = new Date("2026-03-02T09:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;

/** A review-state card last seen `daysAgo` days before T0 with the given memory state. */
function reviewCard(id: string, stability: number, difficulty: number, daysAgo: number): SrsCard {
  return {
    id,
    due: new Date(T0.getTime()),
    stability,
    difficulty,
    elapsed_days: 0,
    scheduled_days: daysAgo,
    learning_steps: 0,
    reps: 5,
    lapses: 0,
    state: State.Review,
    last_review: new Date(T0.getTime() - daysAgo * DAY),
  };
}

describe("scheduler agrees with ts-fsrs", () => {
  const plain = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] }));
  const ours = createScheduler({ enableFuzz: false });

  const states: Array<[string, SrsCard]> = [
    ["new", newCard("c-new", T0)],
    ["review, stable", reviewCard("c-rev", 12.5, 5.1, 12)],
    ["review, overdue", reviewCard("c-over", 3.2, 7.8, 20)],
  ];
  for (const [name, card] of states) {
    it(`previews the same due dates as ts-fsrs for a ${name} card`, () => {
      const expected = plain.repeat(card as Card, T0);
      const got = ours.preview(card, T0);
      expect(got.map((b) => b.rating)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
      for (const b of got) expect(b.due.toISOString()).toBe(expected[b.rating].card.due.toISOString());
    });
  }

  it("uses the learner's learning steps: a new card's Again is 1m, Good is 10m, Easy leaves learning", () => {
    const p = ours.preview(newCard("c1", T0), T0);
    expect(p.map((b) => b.label)).toEqual(["1m", "6m", "10m", expect.stringMatching(/^\d+d$/)]);
    const custom = createScheduler({ enableFuzz: false, learningSteps: ["5m", "1h"] });
    expect(custom.preview(newCard("c1", T0), T0)[0]!.intervalMs).toBe(5 * MIN);
  });

  it("answer returns the new card and a log of the state before the answer", () => {
    const card = reviewCard("c-rev", 12.5, 5.1, 12);
    const { card: next, log } = ours.answer(card, Rating.Good, T0);
    const expected = plain.next(card as Card, T0, Rating.Good);
    expect(next.id).toBe("c-rev");
    expect(next.due.toISOString()).toBe(expected.card.due.toISOString());
    expect(next.stability).toBeCloseTo(expected.card.stability, 10);
    expect(log).toMatchObject({ cardId: "c-rev", rating: Rating.Good, state: State.Review, stability: 12.5 });
    expect(log.review.toISOString()).toBe(T0.toISOString());
  });

  it("desired retention changes intervals: higher retention, shorter Good interval", () => {
    const card = reviewCard("c", 20, 5, 20);
    const good = (r: number) => createScheduler({ enableFuzz: false, desiredRetention: r }).preview(card, T0)[2]!.intervalMs;
    expect(good(0.95)).toBeLessThan(good(0.9));
    expect(good(0.9)).toBeLessThan(good(0.8));
  });

  it("caps every passing interval at the maximum interval (ts-fsrs alone lets Easy reach day 32)", () => {
    const s = createScheduler({ enableFuzz: false, maximumInterval: 30 });
    const card = reviewCard("c", 400, 3, 400);
    const raw = fsrs(generatorParameters({ enable_fuzz: false, maximum_interval: 30 })).repeat(card as Card, T0);
    expect(raw[Rating.Easy].card.scheduled_days).toBeGreaterThan(30);
    const p = s.preview(card, T0);
    expect(p.slice(1).map((b) => b.intervalMs)).toEqual([30 * DAY, 30 * DAY, 30 * DAY]);
    const { card: next } = s.answer(card, Rating.Easy, T0);
    expect(next.scheduled_days).toBe(30);
    expect(next.due.getTime()).toBe(T0.getTime() + 30 * DAY);
  });

  it("rollback restores the card as it was", () => {
    const card = reviewCard("c", 12.5, 5.1, 12);
    const { card: next, log } = ours.answer(card, Rating.Again, T0);
    const back = ours.rollback(next, log);
    expect(back).toMatchObject({ id: "c", stability: 12.5, difficulty: 5.1, state: State.Review, reps: 5, lapses: 0 });
  });

  it("refuses a rating that is not a button", () => {
    expect(() => ours.answer(newCard("c", T0), Rating.Manual as never, T0)).toThrow();
  });
});

describe("fuzz", () => {
  const fuzzy = createScheduler({ enableFuzz: true });
  const plain = createScheduler({ enableFuzz: false });
  const card = reviewCard("card-42", 30, 5, 30);

  it("does not depend on the millisecond: preview then answer 3.5 s later land on the same due day", () => {
    const shown = fuzzy.preview(card, T0)[2]!;
    const later = new Date(T0.getTime() + 3500);
    const { card: next } = fuzzy.answer(card, Rating.Good, later);
    expect(next.due.getTime() - later.getTime()).toBe(shown.intervalMs);
    expect(next.scheduled_days).toBe(fuzzy.answer(card, Rating.Good, T0).card.scheduled_days);
  });

  it("stays within ts-fsrs's fuzz range and differs between cards", () => {
    const base = plain.answer(card, Rating.Good, T0).card.scheduled_days;
    const { min_ivl, max_ivl } = get_fuzz_range(base, 30, 36500);
    const days = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const d = fuzzy.answer({ ...card, id: `card-${i}` }, Rating.Good, T0).card.scheduled_days;
      expect(d).toBeGreaterThanOrEqual(min_ivl);
      expect(d).toBeLessThanOrEqual(max_ivl);
      days.add(d);
    }
    expect(days.size).toBeGreaterThan(1);
  });
});

describe("formatInterval", () => {
  it.each([
    [30_000, "30s"],
    [MIN, "1m"],
    [10 * MIN, "10m"],
    [3 * 3_600_000, "3h"],
    [3 * DAY, "3d"],
    [29 * DAY, "29d"],
    [63 * DAY, "2.1mo"],
    [90 * DAY, "3mo"],
    [540 * DAY, "1.5y"],
  ])("%i ms → %s", (ms, label) => expect(formatInterval(ms)).toBe(label));
});

describe("settings", () => {
  it("accepts optimised weights and refuses malformed settings with the field named", () => {
    const w = [0.3, 1.2, 3, 16, 7, 0.5, 1.5, 0.005, 1.5, 0.1, 1, 1.9, 0.1, 0.3, 2.3, 0.2, 3, 0.5, 0.7, 0.1, 0.2];
    expect(createScheduler({ weights: w, enableFuzz: false }).preview(newCard("c", T0), T0)).toHaveLength(4);
    expect(() => createScheduler({ weights: [1, 2, 3] })).toThrow(/17, 19 or 21 FSRS weights/);
    expect(() => createScheduler({ learningSteps: ["10x" as never] })).toThrow(/learningSteps\.0: expected a step like "1m"/);
    expect(parseSchedulingSettings({ desiredRetention: 1.2, maximumInterval: 0 })).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^desiredRetention: /), expect.stringMatching(/^maximumInterval: /)],
    });
  });
});
