import { describe, expect, it } from "vitest";
import { creditFor, gradeQuestion, normaliseText, totals } from "./grade";
import type { LabQuestion } from "./types";

const base = { id: "q", prompt: "p", explanation: "why", hints: [], points: 2, truth: "@" };
const opts = (...vs: string[]) => vs.map((v) => ({ value: v, label: v }));

describe("grading", () => {
  it("numbers: exact, or within the tolerance", () => {
    const exact: LabQuestion = { ...base, type: "number", tolerance: 0 };
    const loose: LabQuestion = { ...base, type: "number", tolerance: 5 };
    expect(creditFor(exact, { value: 3 }, 3)).toBe(1);
    expect(creditFor(exact, { value: 3 }, 4)).toBe(0);
    expect(creditFor(loose, { value: 100 }, 105)).toBe(1);
    expect(creditFor(loose, { value: 100 }, 105.5)).toBe(0);
    expect(creditFor({ ...exact }, { value: 0.3 }, 0.1 + 0.2)).toBe(1);
  });

  it("multi-choice: (right − wrong) ÷ number right, floored at 0", () => {
    const q: LabQuestion = { ...base, type: "multi-choice", options: opts("a", "b", "c", "d") };
    const t = { value: ["a", "b"] };
    expect(creditFor(q, t, ["a", "b"])).toBe(1);
    expect(creditFor(q, t, ["a"])).toBe(0.5);
    expect(creditFor(q, t, ["a", "c"])).toBe(0);
    expect(creditFor(q, t, ["a", "b", "c"])).toBe(0.5);
    expect(creditFor(q, t, ["c", "d"])).toBe(0);
    expect(creditFor(q, { value: [] }, [])).toBe(1);
    expect(creditFor(q, { value: [] }, ["a"])).toBe(0);
  });

  it("ordered: Kendall's tau floored at 0", () => {
    const q: LabQuestion = { ...base, type: "ordered", items: opts("a", "b", "c", "d") };
    const t = { value: ["a", "b", "c", "d"] };
    expect(creditFor(q, t, ["a", "b", "c", "d"])).toBe(1);
    expect(creditFor(q, t, ["b", "a", "c", "d"])).toBeCloseTo(4 / 6); // 5 pairs right, 1 wrong
    expect(creditFor(q, t, ["d", "c", "b", "a"])).toBe(0);
  });

  it("text: normalised comparison against the truth and its aliases", () => {
    const q: LabQuestion = { ...base, type: "text" };
    expect(normaliseText("  Sandbox.Timedout \n")).toBe("sandbox.timedout");
    expect(creditFor(q, { value: "Runtime.ExitError", accepted: ["Runtime.ExitError", "exit error"] }, " EXIT   error ")).toBe(1);
    expect(creditFor(q, { value: "a b", accepted: ["a b"] }, "ab")).toBe(0);
  });

  it("unanswered earns nothing; results carry points, max points and the explanation", () => {
    const q: LabQuestion = { ...base, type: "multi-choice", options: opts("a", "b", "c") };
    expect(gradeQuestion(q, { value: ["a", "b"] }, null)).toMatchObject({ credit: 0, points: 0, maxPoints: 2, correct: false, prediction: null });
    const r = gradeQuestion(q, { value: ["a", "b", "c"] }, ["a"]);
    expect(r).toMatchObject({ credit: 0.33, points: 0.67, maxPoints: 2, correct: false, explanation: "why", truth: ["a", "b", "c"] });
    expect(totals([r, gradeQuestion(q, { value: ["a"] }, ["a"])])).toEqual({ score: 2.67, maxScore: 4 });
  });
});
