// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttemptView, LearnerQuestion } from "@/lib/labs/types";
import type { GradeAction, MakeCard, SaveDraftAction } from "../player-actions";
import { PredictionForm } from "./PredictionForm";

afterEach(cleanup);

const q = (over: Partial<LearnerQuestion> & Pick<LearnerQuestion, "id" | "type" | "prompt">): LearnerQuestion => ({ hints: [], points: 1, creditRule: "rule", ...over });
const QUESTIONS: LearnerQuestion[] = [
  q({ id: "attempts", type: "number", prompt: "How many attempts?", tolerance: 0, hints: ["Think about the event age.", "Retries wait a minute."] }),
  q({ id: "status", type: "choice", prompt: "What status code?", options: [200, 202].map((v) => ({ value: v, label: String(v) })) }),
  q({ id: "order", type: "ordered", prompt: "Order the versions", items: ["$LATEST", "2", "3"].map((v) => ({ value: v, label: v })) }),
  q({ id: "picks", type: "multi-choice", prompt: "Which apply?", options: ["a", "b"].map((v) => ({ value: v, label: `option ${v}` })), creditRule: "Partial credit: (right picks − wrong picks) ÷ number of right options, never below 0." }),
];

const noDraft: SaveDraftAction = async () => ({ ok: true, data: { savedAt: "2026-01-01T10:00:00.000Z" } });

function renderForm(over: { grade?: GradeAction; saveDraft?: SaveDraftAction; attempt?: AttemptView | null; makeCard?: MakeCard; initial?: Record<string, unknown> | null } = {}) {
  const onGraded = vi.fn();
  render(
    <PredictionForm
      slug="lab"
      questions={QUESTIONS}
      seed="lab:1:0"
      initial={over.initial ?? null}
      attempt={over.attempt ?? null}
      progress={{ attempts: 0, best: null, latest: null }}
      grade={over.grade ?? (async () => ({ ok: false, code: "internal", error: "x", fieldErrors: {} }))}
      saveDraft={over.saveDraft ?? noDraft}
      {...(over.makeCard ? { makeCard: over.makeCard } : {})}
      onGraded={onGraded}
    />,
  );
  return { onGraded };
}

describe("PredictionForm", () => {
  it("sends only what was answered, typed as the grader takes it", async () => {
    const grade = vi.fn<GradeAction>(async () => ({ ok: false, code: "internal", error: "Something went wrong on our side.", fieldErrors: {} }));
    renderForm({ grade });
    fireEvent.change(screen.getByRole("textbox", { name: "How many attempts?" }), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("radio", { name: "202" }));
    fireEvent.click(screen.getByRole("button", { name: "None of them" }));
    expect(screen.getByText(/3 of 4 answered/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Submit predictions" }));
    await waitFor(() => expect(grade).toHaveBeenCalledWith({ slug: "lab", answers: { attempts: 3, status: 202, picks: [] } }));
    expect(await screen.findByText("Something went wrong on our side.")).toBeTruthy();
  });

  it("shows the grader's errors beside their questions", async () => {
    renderForm({ grade: async () => ({ ok: false, code: "invalid", error: "Some predictions are not valid.", fieldErrors: { "answers.status": ["expected one of 200, 202"] } }) });
    fireEvent.click(screen.getByRole("button", { name: "Submit predictions" }));
    const error = await screen.findByText("expected one of 200, 202");
    expect(error.closest("[data-question]")?.getAttribute("data-question")).toBe("status");
    expect(screen.getByText("Some predictions are not valid. See the questions marked below.")).toBeTruthy();
  });

  it("saves a draft a moment after the last change, not on first render", async () => {
    vi.useFakeTimers();
    try {
      const saveDraft = vi.fn<SaveDraftAction>(noDraft);
      renderForm({ saveDraft });
      await act(async () => vi.advanceTimersByTime(2000));
      expect(saveDraft).not.toHaveBeenCalled();
      fireEvent.change(screen.getByRole("textbox", { name: "How many attempts?" }), { target: { value: "1" } });
      fireEvent.change(screen.getByRole("textbox", { name: "How many attempts?" }), { target: { value: "12" } });
      await act(async () => vi.advanceTimersByTime(800));
      expect(saveDraft).toHaveBeenCalledTimes(1);
      expect(saveDraft).toHaveBeenCalledWith({ slug: "lab", answers: { attempts: 12 } });
    } finally {
      vi.useRealTimers();
    }
  });

  it("reveals hints one at a time and states the partial-credit rule", () => {
    renderForm();
    expect(screen.queryByText("Think about the event age.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show a hint (1 of 2)" }));
    expect(screen.getByText("Think about the event age.")).toBeTruthy();
    expect(screen.queryByText("Retries wait a minute.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show another hint (2 of 2)" }));
    expect(screen.getByText("Retries wait a minute.")).toBeTruthy();
    expect(screen.getByText(/Partial credit: \(right picks − wrong picks\)/)).toBeTruthy();
  });

  it("reorders an ordered prediction with Alt + arrow keys, announcing each move", () => {
    renderForm();
    const list = screen.getByRole("list", { name: "Order the versions" });
    const items = () => Array.from(list.querySelectorAll("li")).map((li) => li.getAttribute("aria-label")!.split(",")[0]);
    const before = items();
    const first = list.querySelector("li")!;
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown", altKey: true });
    expect(items()).toEqual([before[1], before[0], before[2]]);
    expect(screen.getByText(`Moved ${before[0]} to position 2 of 3.`)).toBeTruthy();
    // The moved item keeps the focus, and plain arrows only move the focus.
    expect(document.activeElement?.getAttribute("aria-label")).toBe(`${before[0]}, position 2 of 3`);
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(items()).toEqual([before[1], before[0], before[2]]);
    expect(document.activeElement?.getAttribute("aria-label")).toBe(`${before[2]}, position 3 of 3`);
    // Moving an item makes the order a prediction.
    expect(screen.getByText(/^1 of 4 answered/)).toBeTruthy();
  });

  it("after grading shows each verdict with both answers, and turns a mistake into a card", async () => {
    const attempt: AttemptView = {
      id: "att1",
      createdAt: "2026-01-01T10:00:00.000Z",
      score: 1,
      maxScore: 4,
      result: {
        lab: "lab",
        labVersion: 1,
        variant: { index: 0, count: 1, params: {} },
        score: 1,
        maxScore: 4,
        traceDigest: "d",
        questions: [
          { id: "attempts", type: "number", prediction: 3, truth: 1, correct: false, credit: 0, points: 0, maxPoints: 1, explanation: "Only **one** attempt fits." },
          { id: "status", type: "choice", prediction: 202, truth: 202, correct: true, credit: 1, points: 1, maxPoints: 1, explanation: "Event → 202." },
          { id: "order", type: "ordered", prediction: null, truth: ["$LATEST", "2", "3"], correct: false, credit: 0, points: 0, maxPoints: 1, explanation: "Ascending." },
          { id: "picks", type: "multi-choice", prediction: ["a", "b"], truth: ["a"], correct: false, credit: 0, points: 0, maxPoints: 1, explanation: "Only a." },
        ],
      },
    };
    const makeCard = vi.fn<MakeCard>(async () => ({ ok: true, data: { created: true, deckId: "d1" } }));
    renderForm({ attempt, makeCard, initial: { attempts: 3, status: 202, picks: ["a", "b"] } });
    expect(screen.getByTestId("score").textContent).toContain("1 / 4");
    const wrong = screen.getByTestId("feedback-attempts");
    expect(wrong.textContent).toContain("Wrong — 0 of 1 point");
    expect(wrong.textContent).toContain("Your prediction3");
    expect(wrong.textContent).toContain("What the engine did1");
    expect(screen.getByTestId("feedback-status").textContent).toContain("Right — 1 point");
    expect(screen.getByTestId("feedback-order").textContent).toContain("Not answered");
    expect(screen.getByTestId("feedback-picks").textContent).toContain("option a, option b");
    // No card for a right answer.
    expect(screen.getByTestId("feedback-status").querySelector("button")).toBeNull();
    fireEvent.click(wrong.querySelector("button")!);
    await waitFor(() => expect(makeCard).toHaveBeenCalledWith({ attemptId: "att1", questionId: "attempts" }));
    expect(await screen.findByText("Added to your Mistakes deck.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Submit again" })).toBeTruthy();
  });
});
