import { describe, expect, it } from "vitest";
import { questionInputSchema } from "./question-input";
import { quizInputSchema } from "./quiz-input";

const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("questionInputSchema", () => {
  it("reads the form's flat option fields, checkboxes and comma-separated topics", () => {
    const r = questionInputSchema.safeParse({
      type: "single", domain: "deployment", difficulty: "easy", topics: " Aliases , cold start,aliases", stem: "  Q?  ", source: "", explanation: "",
      "options.1.text": "B", "options.1.explanation": "no",
      "options.0.text": "A", "options.0.correct": "on", "options.0.explanation": "yes", "options.0.id": "abc",
    });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      type: "single", domain: "deployment", difficulty: "easy", topics: ["aliases", "cold-start"], stem: "Q?",
      options: [{ id: "abc", text: "A", correct: true, explanation: "yes" }, { text: "B", correct: false, explanation: "no" }],
    });
  });

  it("locates every problem at the field the form shows it on", () => {
    const r = questionInputSchema.safeParse({
      type: "single", domain: "billing", difficulty: "easy", topics: "ok, not ok!", stem: "Q",
      options: [{ text: "A", correct: true, explanation: "" }, { text: "a", correct: true, explanation: "x" }],
    });
    expect(paths(r)).toEqual({
      domain: "Choose the exam domain this question tests.",
      "topics.1": "Topics are words like async or cold-start (letters, digits, dashes).",
      "options.0.explanation": "Explain why this option is right or wrong.",
    });
    const s = questionInputSchema.safeParse({ type: "single", domain: "security", difficulty: "easy", stem: "Q", options: [{ text: "A", correct: true, explanation: "x" }, { text: "a", correct: true, explanation: "x" }] });
    expect(paths(s)).toEqual({ options: "A single-answer question needs exactly one correct option (2 marked).", "options.1.text": "Same text as option 1." });
    const t = questionInputSchema.safeParse({ type: "multiple", domain: "security", difficulty: "easy", stem: "Q", options: [{ text: "A", correct: true, explanation: "x" }, { text: "B", correct: true, explanation: "x" }] });
    expect(paths(t)).toEqual({ options: "Leave at least one wrong option: every option is marked correct." });
    expect(paths(questionInputSchema.safeParse({ type: "single", domain: "security", difficulty: "easy", stem: "Q" }))).toEqual({ options: "Give at least 2 options." });
  });
});

describe("quizInputSchema", () => {
  it("takes one checked question (a string) or several (an array), and weight fields", () => {
    expect(quizInputSchema.parse({ selection: "fixed", title: "T", questionIds: "q1", durationMinutes: "30" })).toMatchObject({ questionIds: ["q1"], durationMinutes: 30, visibility: "public" });
    expect(
      quizInputSchema.parse({ selection: "draw", title: "T", questionCount: "20", durationMinutes: "40", "weight.development": "1", "weight.security": "", "weight.deployment": "2", "weight.troubleshooting": "0" }),
    ).toMatchObject({ domainWeights: { development: 1, security: 0, deployment: 2, troubleshooting: 0 }, questionCount: 20 });
  });

  it("says what is missing", () => {
    expect(paths(quizInputSchema.safeParse({ selection: "fixed", title: " ", durationMinutes: "0" }))).toEqual({
      title: "Give the quiz a title.",
      durationMinutes: "Give at least 1 minute.",
      questionIds: "Choose at least one question.",
    });
    expect(paths(quizInputSchema.safeParse({ selection: "draw", title: "T", questionCount: "5", durationMinutes: "5", "weight.security": "0" }))).toEqual({
      domainWeights: "Give at least one domain a weight above 0.",
    });
    expect(paths(quizInputSchema.safeParse({ title: "T" }))).toEqual({ selection: "Choose a fixed selection or a random draw." });
  });
});
