import { describe, expect, it } from "vitest";
import { applyLatePolicy, assignmentStatus, daysLate, effectiveRatio, formatPercent, gradeAttempts, lateNote, type AttemptScore, type GradingRules } from "./grading";

const DAY = 86_400_000;
const opensAt = new Date("2026-03-01T00:00:00Z");
const dueAt = new Date("2026-03-10T12:00:00Z");
const at = (offsetMs: number) => new Date(dueAt.getTime() + offsetMs);
const rules = (over: Partial<GradingRules> = {}): GradingRules => ({ opensAt, dueAt, latePolicy: "accept", latePenaltyPct: 0, attemptsAllowed: null, gradingMethod: "highest", ...over });
const attempt = (offsetMs: number, ratio: number, ref = String(offsetMs)): AttemptScore => ({ at: at(offsetMs), ratio, ref });

describe("daysLate", () => {
  it("counts started 24-hour periods after the due instant", () => {
    expect(daysLate(at(-1), dueAt)).toBe(0);
    expect(daysLate(at(0), dueAt)).toBe(0);
    expect(daysLate(at(60_000), dueAt)).toBe(1);
    expect(daysLate(at(DAY), dueAt)).toBe(1);
    expect(daysLate(at(DAY + 1), dueAt)).toBe(2);
  });
});

describe("late policy", () => {
  it("accept keeps the score, refuse drops the attempt, penalty takes N % per day, floored at 0", () => {
    expect(applyLatePolicy(0.8, 3, { latePolicy: "accept", latePenaltyPct: 0 })).toBe(0.8);
    expect(applyLatePolicy(0.8, 1, { latePolicy: "refuse", latePenaltyPct: 0 })).toBeNull();
    expect(applyLatePolicy(0.8, 0, { latePolicy: "refuse", latePenaltyPct: 0 })).toBe(0.8);
    expect(applyLatePolicy(1, 2, { latePolicy: "penalty", latePenaltyPct: 10 })).toBeCloseTo(0.8);
    expect(applyLatePolicy(0.5, 2, { latePolicy: "penalty", latePenaltyPct: 10 })).toBeCloseTo(0.4);
    expect(applyLatePolicy(1, 12, { latePolicy: "penalty", latePenaltyPct: 10 })).toBe(0);
  });

  it("a refused late attempt still uses up an attempt but never counts", () => {
    const g = gradeAttempts([attempt(-DAY, 0.5), attempt(DAY, 1)], rules({ latePolicy: "refuse", attemptsAllowed: 3 }));
    expect(g.ratio).toBe(0.5);
    expect(g.used).toBe(2);
    expect(g.left).toBe(1);
    expect(g.late).toBe(false);
  });

  it("highest compares scores after the penalty", () => {
    // 0.6 on time beats 0.9 two days late at 20 %/day (0.9 × 0.6 = 0.54).
    const g = gradeAttempts([attempt(-DAY, 0.6), attempt(2 * DAY - 5, 0.9)], rules({ latePolicy: "penalty", latePenaltyPct: 20 }));
    expect(g.ratio).toBeCloseTo(0.6);
    expect(g.late).toBe(false);
    const g2 = gradeAttempts([attempt(-DAY, 0.3), attempt(DAY - 5, 0.9)], rules({ latePolicy: "penalty", latePenaltyPct: 20 }));
    expect(g2.ratio).toBeCloseTo(0.72);
    expect(g2.late).toBe(true);
  });
});

describe("grading methods", () => {
  const tries = [attempt(-3 * DAY, 0.4, "a"), attempt(-2 * DAY, 0.9, "b"), attempt(-DAY, 0.5, "c")];
  it("highest, latest, average, first", () => {
    expect(gradeAttempts(tries, rules({ gradingMethod: "highest" })).ratio).toBe(0.9);
    expect(gradeAttempts(tries, rules({ gradingMethod: "latest" })).ratio).toBe(0.5);
    expect(gradeAttempts(tries, rules({ gradingMethod: "first" })).ratio).toBe(0.4);
    expect(gradeAttempts(tries, rules({ gradingMethod: "average" })).ratio).toBeCloseTo(0.6);
  });

  it("orders attempts by time whatever order they come in", () => {
    const shuffled = [tries[2]!, tries[0]!, tries[1]!];
    expect(gradeAttempts(shuffled, rules({ gradingMethod: "first" })).ratio).toBe(0.4);
    expect(gradeAttempts(shuffled, rules({ gradingMethod: "latest" })).ratio).toBe(0.5);
  });

  it("counts only the allowed number of attempts, in the order made", () => {
    const g = gradeAttempts(tries, rules({ attemptsAllowed: 1, gradingMethod: "highest" }));
    expect(g.ratio).toBe(0.4);
    expect(g.counted.map((c) => c.ref)).toEqual(["a"]);
    expect(g.left).toBe(0);
    expect(gradeAttempts(tries, rules({ attemptsAllowed: 2, gradingMethod: "latest" })).ratio).toBe(0.9);
  });

  it("ignores attempts made before the assignment opened", () => {
    const early = { at: new Date(opensAt.getTime() - 1), ratio: 1, ref: "early" };
    const g = gradeAttempts([early, tries[0]!], rules());
    expect(g.ratio).toBe(0.4);
    expect(g.used).toBe(1);
  });

  it("average includes late attempts after their penalty and is late if any is", () => {
    const g = gradeAttempts([attempt(-DAY, 1), attempt(DAY, 1)], rules({ gradingMethod: "average", latePolicy: "penalty", latePenaltyPct: 50 }));
    expect(g.ratio).toBeCloseTo(0.75);
    expect(g.late).toBe(true);
  });

  it("clamps ratios to 0..1 and treats no attempts as no grade", () => {
    expect(gradeAttempts([attempt(-DAY, 1.7)], rules()).ratio).toBe(1);
    expect(gradeAttempts([attempt(-DAY, Number.NaN)], rules()).ratio).toBe(0);
    expect(gradeAttempts([], rules())).toMatchObject({ ratio: null, used: 0, left: null, late: false });
  });
});

describe("status", () => {
  const before = at(-DAY);
  const after = at(DAY);
  const none = gradeAttempts([], rules());
  it("not started, in progress, late when overdue with nothing counted", () => {
    expect(assignmentStatus({ now: before, rules: rules(), grade: none, begun: false })).toBe("not_started");
    expect(assignmentStatus({ now: before, rules: rules(), grade: none, begun: true })).toBe("in_progress");
    expect(assignmentStatus({ now: after, rules: rules(), grade: none, begun: true })).toBe("late");
  });
  it("submitted while it can still change, graded once final", () => {
    const one = gradeAttempts([attempt(-2 * DAY, 0.5)], rules());
    expect(assignmentStatus({ now: before, rules: rules(), grade: one, begun: true })).toBe("submitted");
    expect(assignmentStatus({ now: after, rules: rules(), grade: one, begun: true })).toBe("graded");
    const used = gradeAttempts([attempt(-2 * DAY, 0.5)], rules({ attemptsAllowed: 1 }));
    expect(assignmentStatus({ now: before, rules: rules(), grade: used, begun: true })).toBe("graded");
    expect(assignmentStatus({ now: before, rules: rules(), grade: one, begun: true, complete: true })).toBe("graded");
  });
  it("late when the grade rests on late work", () => {
    const lateOnly = gradeAttempts([attempt(DAY, 0.5)], rules());
    expect(assignmentStatus({ now: after, rules: rules(), grade: lateOnly, begun: true })).toBe("late");
  });
  it("missed once nothing counted and nothing more can: refused late work, or every attempt used", () => {
    const refuse = rules({ latePolicy: "refuse" });
    expect(assignmentStatus({ now: before, rules: refuse, grade: none, begun: false })).toBe("not_started");
    expect(assignmentStatus({ now: after, rules: refuse, grade: none, begun: false })).toBe("missed");
    // An attempt made after the due date under "refuse" uses the allowance and never counts.
    const refusedLate = gradeAttempts([attempt(DAY / 2, 1)], refuse);
    expect(assignmentStatus({ now: after, rules: refuse, grade: refusedLate, begun: true })).toBe("missed");
    expect(effectiveRatio(refusedLate, refuse, after)).toBe(0);
    // Still accepted late: overdue, not missed.
    expect(assignmentStatus({ now: after, rules: rules({ latePolicy: "penalty", latePenaltyPct: 10 }), grade: none, begun: false })).toBe("late");
    const oneRefused = gradeAttempts([attempt(DAY / 2, 1)], rules({ latePolicy: "refuse", attemptsAllowed: 1 }));
    expect(assignmentStatus({ now: after, rules: refuse, grade: oneRefused, begun: true })).toBe("missed");
  });
});

describe("lateNote", () => {
  it("names refused late attempts, and the days and penalty of the late work a grade rests on", () => {
    expect(lateNote(gradeAttempts([attempt(-DAY, 1)], rules()), rules())).toBe("");
    const refuse = rules({ latePolicy: "refuse" });
    expect(lateNote(gradeAttempts([attempt(-DAY, 0.5), attempt(DAY / 2, 1)], refuse), refuse)).toBe("1 late attempt not accepted");
    const penalty = rules({ latePolicy: "penalty", latePenaltyPct: 10, gradingMethod: "latest" });
    expect(lateNote(gradeAttempts([attempt(DAY + 1, 0.5)], penalty), penalty)).toBe("late by 2 days (−20 %)");
    expect(lateNote(gradeAttempts([attempt(1, 0.5)], rules()), rules())).toBe("late by 1 day");
  });
});

describe("effective grade and formatting", () => {
  it("is 0 only once work can no longer be handed in", () => {
    const none = gradeAttempts([], rules({ latePolicy: "refuse" }));
    expect(effectiveRatio(none, rules({ latePolicy: "refuse" }), at(-1))).toBeNull();
    expect(effectiveRatio(none, rules({ latePolicy: "refuse" }), at(1))).toBe(0);
    expect(effectiveRatio(none, rules({ latePolicy: "accept" }), at(DAY))).toBeNull();
  });
  it("formats percents with one decimal", () => {
    expect(formatPercent(0.875)).toBe("87.5");
    expect(formatPercent(2 / 3)).toBe("66.7");
    expect(formatPercent(1)).toBe("100");
    expect(formatPercent(null)).toBe("");
  });
});
