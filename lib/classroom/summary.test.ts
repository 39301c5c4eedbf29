import { describe, expect, it } from "vitest";
import { assignmentStatus, effectiveRatio, gradeAttempts, type AttemptScore, type GradingRules } from "./grading";
import type { GradeCell } from "./service/grades";
import { reviewsGoal, type GoalAnswer } from "./study-goal";
import { handedIn, summariseColumn } from "./summary";

const DAY = 86_400_000;
const opensAt = new Date("2026-03-01T00:00:00Z");
const dueAt = new Date("2026-03-10T12:00:00Z");
const now = new Date(dueAt.getTime() + 3 * DAY); // past due: statuses are final
const rules = (over: Partial<GradingRules> = {}): GradingRules => ({ opensAt, dueAt, latePolicy: "accept", latePenaltyPct: 0, attemptsAllowed: null, gradingMethod: "highest", ...over });
const onTime = (ratio: number): AttemptScore => ({ at: new Date(dueAt.getTime() - DAY), ratio, ref: `on${ratio}` });
const late = (ratio: number): AttemptScore => ({ at: new Date(dueAt.getTime() + DAY), ratio, ref: `late${ratio}` });

/** A cell as computeGrades builds it (the same pure rules, in the same order). */
function cellOf(attempts: AttemptScore[], r: GradingRules, complete?: boolean): GradeCell {
  const grade = gradeAttempts(attempts, r);
  return { assignmentId: "a", status: assignmentStatus({ now, rules: r, grade, begun: grade.used > 0, ...(complete !== undefined ? { complete } : {}) }), ratio: effectiveRatio(grade, r, now), grade, detail: "" };
}

describe("an assignment's class summary", () => {
  it("refused late work: a refused attempt and no attempt are both missed, and count as 0 in the average", () => {
    const r = rules({ latePolicy: "refuse" });
    const cells = [cellOf([onTime(0.8)], r), cellOf([late(1)], r), cellOf([], r), cellOf([onTime(1)], r)];
    expect(cells.map((c) => c.status)).toEqual(["graded", "missed", "missed", "graded"]);
    const s = summariseColumn("a", cells);
    expect(s).toMatchObject({ assignmentId: "a", roster: 4, handedIn: 2, late: 0, missed: 2, graded: 4 });
    expect(s.average).toBeCloseTo((0.8 + 0 + 0 + 1) / 4);
  });

  it("accepted late work: late hand-ins and overdue learners are late; only grades that exist are averaged", () => {
    const r = rules({ latePolicy: "penalty", latePenaltyPct: 10 });
    const cells = [cellOf([late(0.6)], r), cellOf([], r), cellOf([onTime(1)], r)];
    expect(cells.map((c) => c.status)).toEqual(["late", "late", "graded"]);
    const s = summariseColumn("a", cells);
    expect(s).toMatchObject({ roster: 3, handedIn: 2, late: 2, missed: 0, graded: 2 });
    // 0.6 less 10 % for one day late = 0.54, with 1: the gradebook's own penalty, averaged.
    expect(s.average).toBeCloseTo((0.54 + 1) / 2);
  });

  it("an empty roster has nothing to average", () => {
    expect(summariseColumn("a", [])).toEqual({ assignmentId: "a", roster: 0, handedIn: 0, late: 0, missed: 0, average: null, graded: 0 });
  });

  it("a reviews goal's share at the due date is handed in only when something was reviewed", () => {
    const r = rules();
    const answer = (n: number): GoalAnswer => ({ review: new Date(dueAt.getTime() - DAY + n), rating: 3, state: 2 });
    const goalCell = (answers: GoalAnswer[]) => {
      const g = reviewsGoal(answers, 5, opensAt, dueAt, now);
      return cellOf(g.attempts, r, g.complete);
    };
    const none = goalCell([]);
    const some = goalCell([answer(1), answer(2)]);
    const all = goalCell([1, 2, 3, 4, 5].map(answer));
    expect([handedIn(none), handedIn(some), handedIn(all)]).toEqual([false, true, true]);
    expect(summariseColumn("a", [none, some, all])).toMatchObject({ handedIn: 2, roster: 3 });
  });
});
