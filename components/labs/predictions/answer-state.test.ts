import { describe, expect, it } from "vitest";
import type { LearnerQuestion } from "@/lib/labs/types";
import { answersOf, displayOrder, draftOf, formatValue, parseNumber, restoreForm } from "./answer-state";

const q = (over: Partial<LearnerQuestion> & Pick<LearnerQuestion, "id" | "type">): LearnerQuestion => ({ prompt: "?", hints: [], points: 1, creditRule: "", ...over });
const opts = (...values: Array<string | number>) => values.map((v) => ({ value: v, label: String(v) }));

const QUESTIONS: LearnerQuestion[] = [
  q({ id: "n", type: "number", tolerance: 20 }),
  q({ id: "b", type: "boolean" }),
  q({ id: "c", type: "choice", options: opts(200, 202, 204) }),
  q({ id: "m", type: "multi-choice", options: opts("a", "b", "c") }),
  q({ id: "o", type: "ordered", items: opts("$LATEST", "2", "3") }),
  q({ id: "t", type: "text" }),
];

describe("restoreForm / answersOf", () => {
  it("starts with nothing answered: an untouched multi-choice or a shown order is not a prediction", () => {
    const form = restoreForm(QUESTIONS, null, "lab");
    expect(answersOf(form)).toEqual({});
    expect(form.o).toMatchObject({ type: "ordered", confirmed: false });
  });

  it("restores a draft and sends each type in the shape the grader takes", () => {
    const form = restoreForm(QUESTIONS, { n: "1.5", b: "false", c: "202", m: ["c", "a", "zzz"], o: ["3", "$LATEST", "2"], t: "  Ada  " }, "lab");
    expect(answersOf(form)).toEqual({ n: 1.5, b: false, c: 202, m: ["a", "c"], o: ["3", "$LATEST", "2"], t: "Ada" });
  });

  it("an empty multi-choice that was touched is the answer 'none of them'", () => {
    const form = restoreForm(QUESTIONS, { m: [] }, "lab");
    expect(answersOf(form)).toEqual({ m: [] });
  });

  it("drops saved values that no longer fit the question (a lab edited since)", () => {
    const form = restoreForm(QUESTIONS, { c: 999, o: ["2", "3"], b: "maybe" }, "lab");
    expect(answersOf(form)).toEqual({});
  });

  it("keeps a number still being typed in the draft, but never grades it", () => {
    const form = restoreForm(QUESTIONS, { n: "1e" }, "lab");
    expect(answersOf(form)).toEqual({});
    expect(draftOf(form)).toEqual({ n: "1e" });
  });
});

describe("parseNumber", () => {
  it.each([
    ["42", 42],
    [" -3 ", -3],
    ["1,5", 1.5],
    [".5", 0.5],
    ["1e3", 1000],
    ["", null],
    ["abc", null],
    ["1.2.3", null],
    ["Infinity", null],
  ])("%j → %j", (text, n) => expect(parseNumber(text)).toBe(n));
});

describe("displayOrder", () => {
  it("is stable for a seed and never the order the lab lists", () => {
    const items = opts("a", "b");
    for (const seed of ["x", "y", "z", "lab:q1", "lab:q2"]) {
      const order = displayOrder(items, seed);
      expect(order).toEqual(displayOrder(items, seed));
      expect(order).toEqual(["b", "a"]);
    }
    const five = opts(1, 2, 3, 4, 5);
    const shown = displayOrder(five, "s");
    expect([...shown].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(shown).not.toEqual([1, 2, 3, 4, 5]);
  });
});

describe("formatValue", () => {
  const labelled = q({ id: "c", type: "choice", options: [{ value: "RetriesExhausted", label: "Retries exhausted" }] });
  it("shows option labels and readable lists", () => {
    expect(formatValue(labelled, "RetriesExhausted")).toBe("Retries exhausted");
    expect(formatValue(QUESTIONS[3]!, [])).toBe("none of them");
    expect(formatValue(QUESTIONS[4]!, ["3", "2"])).toBe("1. 3  2. 2");
    expect(formatValue(QUESTIONS[1]!, true)).toBe("Yes (true)");
    expect(formatValue(QUESTIONS[0]!, null)).toBe("—");
  });
});
