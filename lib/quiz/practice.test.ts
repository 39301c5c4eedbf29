import { describe, expect, it } from "vitest";
import type { BankQuestion } from "./question";
import { gradePractice, optionOrder } from "./practice";

const single: BankQuestion = {
  id: "s", type: "single", domain: "development", topics: ["async"], difficulty: "easy", stem: "Default async retries?",
  options: [
    { text: "0", correct: false, explanation: "Retries are on by default." },
    { text: "2", correct: true, explanation: "Two retries." },
    { text: "3", correct: false, explanation: "The maximum is 2." },
  ],
  explanation: "See AsyncErr.",
};
const multi: BankQuestion = {
  id: "m", type: "multiple", choose: 2, domain: "security", topics: ["permissions"], difficulty: "hard", stem: "Which TWO?",
  options: ["a", "b", "c", "d", "e"].map((t, i) => ({ text: t, correct: i === 0 || i === 2, explanation: `why ${t}` })),
};

describe("gradePractice", () => {
  it("marks a right single answer with every option's explanation", () => {
    const r = gradePractice(single, [1]);
    expect(r).toMatchObject({ ok: true, feedback: { correct: true, required: 1, summary: "Correct.", explanation: "See AsyncErr." } });
    if (r.ok) expect(r.feedback.options.map((o) => o.verdict)).toEqual(["wrong-not-chosen", "right-chosen", "wrong-not-chosen"]);
  });

  it("shows which options were missed and which were wrongly chosen on a multiple response", () => {
    const r = gradePractice(multi, [0, 1]);
    if (!r.ok) throw new Error(r.error);
    expect(r.feedback.correct).toBe(false);
    expect(r.feedback.required).toBe(2);
    expect(r.feedback.options.map((o) => o.verdict)).toEqual(["right-chosen", "wrong-chosen", "right-missed", "wrong-not-chosen", "wrong-not-chosen"]);
    expect(r.feedback.summary).toBe("Not quite: you chose 1 of the 2 right options and 1 wrong one. Multiple-response questions count only when every right option and no wrong one is chosen.");
    expect(gradePractice(multi, [2, 0])).toMatchObject({ ok: true, feedback: { correct: true } });
  });

  it.each([
    [[5], /option 5 does not exist: expected an index 0\.\.2/],
    [[1, 1], /selected twice/],
    [[], /choose an option/],
    [[0, 1], /has one answer/],
  ])("refuses the selection %j with a clear reason", (sel, message) => {
    const r = gradePractice(single, sel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

it("shuffles options per learner, stably", () => {
  const orders = new Set(Array.from({ length: 20 }, (_, i) => optionOrder(multi, `learner-${i}`).join("")));
  expect(orders.size).toBeGreaterThan(1);
  expect(optionOrder(multi, "learner-1")).toEqual(optionOrder(multi, "learner-1"));
  expect([...optionOrder(multi, "x")].sort()).toEqual([0, 1, 2, 3, 4]);
});
