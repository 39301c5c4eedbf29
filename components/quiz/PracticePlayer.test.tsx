// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AttemptView, QuestionFeedbackView } from "@/lib/quiz/views";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));
const { PracticePlayer } = await import("./PracticePlayer");

const view: AttemptView = {
  id: "att1", quizId: "quiz1", quizTitle: "Practice exam", mode: "practice", status: "in-progress",
  startedAt: "2026-03-02T10:00:00.000Z", deadline: null, serverNow: "2026-03-02T10:00:00.000Z", durationMinutes: null,
  questions: [
    { id: "q1", number: 1, type: "multiple", choose: 2, stem: "Which TWO?", options: ["a", "b", "c", "d"].map((o) => ({ id: o, text: `Opt ${o}` })) },
    { id: "q2", number: 2, type: "single", choose: null, stem: "Which one?", options: ["x", "y", "z"].map((o) => ({ id: o, text: `Opt ${o}` })) },
  ],
  answers: {},
  feedback: {},
};

const feedback: QuestionFeedbackView = {
  correct: false,
  summary: "Not quite: you chose 1 of the 2 right options and 1 wrong one. Multiple-response questions count only when every right option and no wrong one is chosen.",
  options: [
    { id: "a", text: "Opt a", correct: true, selected: true, verdict: "right-chosen", explanation: "A is right." },
    { id: "b", text: "Opt b", correct: false, selected: true, verdict: "wrong-chosen", explanation: "B is wrong." },
    { id: "c", text: "Opt c", correct: true, selected: false, verdict: "right-missed", explanation: "C is right too." },
    { id: "d", text: "Opt d", correct: false, selected: false, verdict: "wrong-not-chosen", explanation: "D is wrong." },
  ],
  explanation: null, domain: "security", domainName: "Security", source: "[Perms]",
};

let bodies: unknown[];
beforeEach(() => {
  bodies = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ ok: true, data: { questionId: "q1", selected: ["a", "b"], flagged: false, answeredAt: null, remainingMs: null, feedback } }), { status: 200 });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PracticePlayer", () => {
  it("holds the learner to 'Choose TWO', then shows every option's verdict and explanation with Make a card", async () => {
    render(<PracticePlayer attempt={view} />);
    fireEvent.keyDown(window, { key: "1" });
    fireEvent.keyDown(window, { key: "Enter" });
    expect(screen.getByRole("alert").textContent).toBe("This question asks for 2 options; you chose 1.");
    expect(bodies).toEqual([]);
    fireEvent.keyDown(window, { key: "b" });
    await act(async () => fireEvent.keyDown(window, { key: "Enter" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Not quite" })).toBeTruthy());
    expect(bodies).toEqual([{ selected: ["a", "b"] }]);
    expect(screen.getByText(/^You chose 1 of the 2 right options/)).toBeTruthy();
    expect(screen.getByText("Correct — your choice")).toBeTruthy();
    expect(screen.getByText("Your choice — wrong")).toBeTruthy();
    expect(screen.getByText("Correct answer")).toBeTruthy();
    for (const e of ["A is right.", "B is wrong.", "C is right too.", "D is wrong."]) expect(screen.getByText(e)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Make a card" })).toBeTruthy();
    // Options are locked once checked; Enter moves on.
    expect(screen.getAllByRole("checkbox").every((c) => (c as HTMLButtonElement).disabled)).toBe(true);
    fireEvent.keyDown(window, { key: "Enter" });
    expect(screen.getByRole("heading", { name: "Question 2 of 2" })).toBeTruthy();
  });
});
