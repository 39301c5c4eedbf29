import { describe, expect, it } from "vitest";
import { scoreAttempt } from "./attempt-scoring";
import { DVA_C02 } from "./exam";
import type { StoredQuestion } from "./stored";

function q(id: string, domain: StoredQuestion["domain"], right: string[]): StoredQuestion {
  return {
    id, domain, topics: [], difficulty: "medium", stem: id, builtinKey: null, ownerId: null, archived: false,
    type: right.length > 1 ? "multiple" : "single", ...(right.length > 1 ? { choose: right.length } : {}),
    options: ["a", "b", "c", "d"].map((o) => ({ id: o, text: o, correct: right.includes(o), explanation: "" })),
  };
}
const questions = [q("q1", "security", ["a"]), q("q2", "security", ["b", "c"]), q("q3", "deployment", ["d"]), q("q4", "development", ["a"])];
const ans = (questionId: string, ids: string[]) => ({ questionId, selected: JSON.stringify(ids) });

describe("scoreAttempt", () => {
  it("exam mode: every question counts, blanks are wrong, multiple response all-or-nothing, scaled score", () => {
    const s = scoreAttempt("exam", DVA_C02, questions, [ans("q1", ["a"]), ans("q2", ["b"]), ans("q3", ["d"])]);
    expect(s).toMatchObject({ total: 4, answered: 3, correct: 2, passed: false });
    expect(s.perQuestion).toEqual([
      { id: "q1", correct: true, answered: true },
      { id: "q2", correct: false, answered: true },
      { id: "q3", correct: true, answered: true },
      { id: "q4", correct: false, answered: false },
    ]);
    // 2 of 4 is below the 72 % cut: (720 − 100) × 2 / 2.88 + 100 = 530.
    expect(s.scaledScore).toBe(530);
    expect(s.perDomain.find((d) => d.domain === "security")).toMatchObject({ total: 2, correct: 1, percent: 50, rating: "needs-improvement" });
  });

  it("practice mode: only answered questions count, no scaled score; unknown option ids are ignored", () => {
    const s = scoreAttempt("practice", DVA_C02, questions, [ans("q2", ["b", "c", "zz"]), ans("q4", ["b"]), ans("q3", [])]);
    expect(s).toMatchObject({ total: 4, answered: 2, correct: 1, scaledScore: null, passed: null });
    expect(s.perDomain.find((d) => d.domain === "deployment")).toMatchObject({ total: 0, percent: null });
  });
});
