import { describe, expect, it } from "vitest";
import { gradeAttempts } from "./grading";
import { MIN_RETENTION_REVIEWS, retentionGoal, reviewsGoal, type GoalAnswer } from "./study-goal";

const opensAt = new Date("2026-03-01T00:00:00Z");
const dueAt = new Date("2026-03-08T00:00:00Z");
const day = (n: number) => new Date(opensAt.getTime() + n * 86_400_000);
const answers = (n: number, at: (i: number) => Date, rating = 3, state = 2): GoalAnswer[] => Array.from({ length: n }, (_, i) => ({ review: at(i), rating, state }));
const rules = { opensAt, dueAt, latePolicy: "penalty" as const, latePenaltyPct: 10, attemptsAllowed: null, gradingMethod: "highest" as const };

describe("reviews goal", () => {
  it("is complete at the N-th answer, on time", () => {
    const g = reviewsGoal(answers(12, (i) => day(1 + i * 0.1)), 10, opensAt, dueAt, day(3));
    expect(g.complete).toBe(true);
    expect(g.detail).toBe("10 / 10 reviews");
    expect(gradeAttempts(g.attempts, rules).ratio).toBe(1);
  });

  it("before the due date, partial progress is not yet a grade", () => {
    const g = reviewsGoal(answers(4, (i) => day(1 + i)), 10, opensAt, dueAt, day(6));
    expect(g).toMatchObject({ begun: true, complete: false, progress: 0.4, attempts: [] });
  });

  it("after the due date: the share reached by then, or a late completion after its penalty, whichever is better", () => {
    // 6 on time, the 10th two days late: 0.6 on time vs 1 × (1 − 2 × 10 %) = 0.8.
    const list = [...answers(6, (i) => day(1 + i * 0.5)), ...answers(4, (i) => day(7.75 + i * 0.25))];
    const g = reviewsGoal(list, 10, opensAt, dueAt, day(12));
    const grade = gradeAttempts(g.attempts, rules);
    expect(grade.ratio).toBeCloseTo(0.8);
    expect(grade.late).toBe(true);
  });

  it("ignores answers before the opening and manual reschedules", () => {
    const list = [...answers(5, () => day(-1)), ...answers(5, () => day(1), 0)];
    const g = reviewsGoal(list, 5, opensAt, dueAt, day(2));
    expect(g.begun).toBe(false);
  });
});

describe("retention goal", () => {
  it("measures answers to review-state cards in the window, needing enough of them", () => {
    const list = [...answers(18, (i) => day(1 + i * 0.1), 3), ...answers(2, (i) => day(3 + i * 0.1), 1), ...answers(10, (i) => day(1), 3, 1 /* learning: not counted */)];
    const g = retentionGoal(list, 0.9, opensAt, dueAt, day(9));
    expect(g.detail).toBe("retention 90 % over 20 reviews");
    expect(g.complete).toBe(true);
    expect(gradeAttempts(g.attempts, rules).ratio).toBeCloseTo(1);
  });

  it("scales down a retention below target and too few reviews", () => {
    const list = [...answers(7, () => day(1), 3), ...answers(3, () => day(1), 1)];
    const g = retentionGoal(list, 0.9, opensAt, dueAt, day(9));
    expect(g.progress).toBeCloseTo((0.7 / 0.9) * (10 / MIN_RETENTION_REVIEWS));
    expect(g.detail).toContain("(20 needed)");
  });

  it("reviews after the due date do not count", () => {
    const g = retentionGoal(answers(30, () => day(9)), 0.8, opensAt, dueAt, day(10));
    expect(g.attempts).toEqual([]);
    expect(g.begun).toBe(false);
  });
});
