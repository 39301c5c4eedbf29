import { describe, expect, it } from "vitest";
import { checkAnswers } from "./answers";
import type { LabQuestion } from "./types";

const base = { prompt: "p", explanation: "e", hints: [], points: 1, truth: "@" };
const opts = (...vs: (string | number)[]) => vs.map((v) => ({ value: v, label: String(v) }));
const questions: LabQuestion[] = [
  { ...base, id: "n", type: "number", tolerance: 0 },
  { ...base, id: "b", type: "boolean" },
  { ...base, id: "c", type: "choice", options: opts(200, 202, 204) },
  { ...base, id: "m", type: "multi-choice", options: opts("sqs", "sns", "lambda") },
  { ...base, id: "o", type: "ordered", items: opts("a", "b", "c") },
  { ...base, id: "t", type: "text" },
];

describe("answers", () => {
  it("accepts well-typed predictions and form text, in canonical form", () => {
    expect(checkAnswers(questions, { n: "3", b: "false", c: "202", m: ["sns"], o: ["c", "a", "b"], t: " Hi " })).toEqual({
      ok: true,
      answers: { n: 3, b: false, c: 202, m: ["sns"], o: ["c", "a", "b"], t: " Hi " },
    });
  });

  it("treats missing and null as unanswered", () => {
    expect(checkAnswers(questions, { n: null })).toEqual({ ok: true, answers: {} });
  });

  it("reports every bad answer under its question id", () => {
    const r = checkAnswers(questions, { n: "three", b: 1, c: 201, m: ["sqs", "sqs"], o: ["a", "b"], t: 5, zz: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["b", "c", "m", "n", "o", "t", "zz"]);
    expect(r.fieldErrors.c![0]).toMatch(/one of 200, 202, 204/);
    expect(r.fieldErrors.m![0]).toMatch(/picked twice/);
    expect(r.fieldErrors.o![0]).toMatch(/all 3 items/);
    expect(r.fieldErrors.zz![0]).toMatch(/no question "zz"/);
  });

  it("refuses answers that are not an object", () => {
    expect(checkAnswers(questions, [1, 2])).toMatchObject({ ok: false, fieldErrors: { _form: [expect.any(String)] } });
  });

  it("caps text length", () => {
    expect(checkAnswers(questions, { t: "x".repeat(501) })).toMatchObject({ ok: false, fieldErrors: { t: [expect.stringMatching(/500/)] } });
  });
});
