import { describe, expect, it } from "vitest";
import { formatValue, labSourceRef, mistakeFromLab, mistakeFromQuiz, planMistakeNote, quizSourceRef } from "./mistakes";

const question = {
  id: "async-retry-duplicate-charge",
  type: "multiple" as const,
  choose: 2,
  domain: "development" as const,
  topics: ["async", "idempotency"],
  stem: "A payment function is invoked asynchronously and charged twice. Which TWO changes fix it?",
  options: [
    { text: "Use an idempotency key with a conditional write", correct: true, explanation: "A retry finds the key and skips." },
    { text: "Raise the timeout", correct: false, explanation: "Timeouts are not the cause." },
    { text: "Set the balance instead of adding to it", correct: true, explanation: "Setting is idempotent." },
    { text: "Add a DLQ", correct: false, explanation: "A DLQ keeps failed events; it does not stop duplicates." },
    { text: "Use provisioned concurrency", correct: false, explanation: "Unrelated to retries." },
  ],
};

describe("mistakeFromQuiz", () => {
  const note = mistakeFromQuiz({ question, selected: [0, 3] });

  it("puts the question and its lettered options on the front", () => {
    expect(note.front).toBe(
      "A payment function is invoked asynchronously and charged twice. Which TWO changes fix it?\n\n*Choose 2.*\n\n" +
        "- **A.** Use an idempotency key with a conditional write\n- **B.** Raise the timeout\n- **C.** Set the balance instead of adding to it\n- **D.** Add a DLQ\n- **E.** Use provisioned concurrency",
    );
  });

  it("puts the right answers with their reasons and the wrong pick on the back", () => {
    expect(note.back).toBe(
      "**A. Use an idempotency key with a conditional write** — A retry finds the key and skips.\n\n**C. Set the balance instead of adding to it** — Setting is idempotent.\n\n" +
        "You chose D. Add a DLQ — A DLQ keeps failed events; it does not stop duplicates.",
    );
  });

  it("tags domain, topics and the back-reference", () => {
    expect(note.tags).toEqual(["domain:development", "topic:async", "topic:idempotency", "mistake", "source:quiz:async-retry-duplicate-charge"]);
    expect(note.sourceRef).toBe(quizSourceRef(question.id));
  });
});

describe("mistakeFromLab", () => {
  it("shows the prompt, the engine's answer and the prediction", () => {
    const note = mistakeFromLab({
      labId: "async-retries", labTitle: "Async retries", questionId: "attempts",
      prompt: "How many times does the handler run?", predicted: 1, actual: 3,
      explanation: "One try plus two retries.", domains: ["development"], topics: ["retries"],
    });
    expect(note.front).toBe("*Lab: Async retries*\n\nHow many times does the handler run?");
    expect(note.back).toBe("**Answer:**\n\n`3`\n\nYou predicted:\n\n`1`\n\nOne try plus two retries.");
    expect(note.tags).toContain("source:lab:async-retries:attempts");
  });

  it("formats lists, objects and empty values readably", () => {
    expect(formatValue(["START", "END"])).toBe("1. `START`\n2. `END`");
    expect(formatValue({ a: 1 })).toBe('```json\n{\n  "a": 1\n}\n```');
    expect(formatValue(null)).toBe("*(nothing)*");
  });
});

describe("planMistakeNote", () => {
  it("deduplicates by the back-reference", () => {
    const note = mistakeFromQuiz({ question, selected: [1] });
    expect(planMistakeNote([{ noteId: "n1", tags: ["mistake", "source:quiz:other"] }], note)).toEqual({ action: "create", note });
    expect(planMistakeNote([{ noteId: "n7", tags: ["source:quiz:async-retry-duplicate-charge"] }], note)).toEqual({ action: "exists", noteId: "n7" });
    expect(labSourceRef("Lab One", "Q1")).toBe("source:lab:lab-one:q1");
  });
});
