import { describe, expect, it } from "vitest";
import { fromRow, indexesOf, parseIdList, reconcileOptionIds, StoredQuestionError, toColumns, type QuestionRow } from "./stored";

const opt = (text: string, correct = false) => ({ text, correct, explanation: `why ${text}` });

describe("reconcileOptionIds", () => {
  it("gives new options stable ids derived from their text, unique within the question", () => {
    const a = reconcileOptionIds([], [opt("A", true), opt("B"), opt("C")]);
    expect(a.map((o) => o.id)).toEqual(reconcileOptionIds([], [opt("A", true), opt("B"), opt("C")]).map((o) => o.id));
    expect(new Set(a.map((o) => o.id)).size).toBe(3);
    expect(a.every((o) => /^[0-9a-f]{8}$/.test(o.id))).toBe(true);
  });

  it("keeps ids by text across a reorder, and by position for an edited option that stays right or wrong", () => {
    const before = reconcileOptionIds([], [opt("Resource policy", true), opt("Role"), opt("SCP")]);
    const after = reconcileOptionIds(before, [opt("SCP"), opt("Resource policy", true), opt("Execution role")]);
    const id = (list: typeof before, text: string) => list.find((o) => o.text === text)!.id;
    expect(id(after, "SCP")).toBe(id(before, "SCP"));
    expect(id(after, "Resource policy")).toBe(id(before, "Resource policy"));
    // "Role" was at index 1, but index 1 now holds a kept option; "Execution role" is new.
    expect(before.map((o) => o.id)).not.toContain(id(after, "Execution role"));
    // A typo fixed in place keeps its id…
    const fixed = reconcileOptionIds(before, [opt("Resource policy", true), opt("Rol e"), opt("SCP")]);
    expect(fixed[1]!.id).toBe(before[1]!.id);
    // …but an option that changes from wrong to right is a different choice: new id.
    const flipped = reconcileOptionIds(before, [opt("Resource policy"), opt("Role 2", true), opt("SCP")]);
    expect(flipped[1]!.id).not.toBe(before[1]!.id);
  });
});

describe("rows", () => {
  const row: QuestionRow = {
    id: "q1", builtinKey: null, ownerId: "u1", type: "multiple", choose: 2, stem: "S",
    options: JSON.stringify([{ id: "x", text: "A", correct: true, explanation: "a" }, { id: "y", text: "B", correct: true }, { id: "z", text: "C", correct: false, explanation: "c" }]),
    explanation: null, domain: "security", topics: '["permissions"]', difficulty: "hard", source: null, archived: false,
  };

  it("reads a row into a bank question and writes it back", () => {
    const q = fromRow(row);
    expect(q).toMatchObject({ type: "multiple", choose: 2, domain: "security", topics: ["permissions"] });
    expect(q.options[1]).toEqual({ id: "y", text: "B", correct: true, explanation: "" });
    expect(toColumns(q)).toMatchObject({ type: "multiple", choose: 2, explanation: null, source: null, topics: '["permissions"]' });
    expect(indexesOf(q, ["z", "nope", "x"])).toEqual([2, 0]);
  });

  it("names the question and the column when a stored value is damaged", () => {
    expect(() => fromRow({ ...row, options: "{" })).toThrow(new StoredQuestionError("question q1: options is not valid JSON"));
    expect(() => fromRow({ ...row, options: '[{"text":"A"}]' })).toThrow("question q1: options[0] needs id, text and correct");
    expect(() => fromRow({ ...row, domain: "billing" })).toThrow('question q1: unknown domain "billing"');
    expect(parseIdList("not json")).toEqual([]);
    expect(parseIdList('["a",2,"b"]')).toEqual(["a", "b"]);
  });
});

describe("stemSaysChoose", () => {
  it("spots a stem that already says how many to choose", async () => {
    const { stemSaysChoose } = await import("./question");
    expect(stemSaysChoose("Which services invoke asynchronously? (Choose TWO.)")).toBe(true);
    expect(stemSaysChoose("Which TWO settings?")).toBe(false);
    expect(stemSaysChoose("Which TWO are right? Choose two.")).toBe(true);
    expect(stemSaysChoose("Developers choose three regions.")).toBe(false);
  });
});

describe("stemExcerpt", () => {
  it("drops Markdown marks and cuts long stems", async () => {
    const { stemExcerpt } = await import("./question");
    expect(stemExcerpt("A **bold**\n`code` stem")).toBe("A bold code stem");
    expect(stemExcerpt("x".repeat(200), 10)).toBe("xxxxxxx…");
  });
});
