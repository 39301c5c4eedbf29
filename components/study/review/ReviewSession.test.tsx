// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import type { ReviewCard, ReviewView } from "@/lib/srs/db/queue";
import { ReviewSession, type ReviewActions } from "./ReviewSession";

afterEach(cleanup);

beforeAll(() => {
  // jsdom has <dialog> without showModal/close.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

function card(n: number, reps = 0): ReviewCard {
  return {
    cardId: `c${n}`,
    noteId: `n${n}`,
    deckId: "d1",
    deckName: "AWS Lambda",
    ordinal: 0,
    state: reps ? 1 : 0,
    reps,
    lapses: 0,
    question: `Question ${n}?`,
    answer: `Question ${n}?\n\n---\n\nAnswer ${n}`,
    buttons: [
      { rating: 1, label: "1m" },
      { rating: 2, label: "6m" },
      { rating: 3, label: "10m" },
      { rating: 4, label: "5d" },
    ],
    note: { type: "basic", front: `Question ${n}?`, back: `Answer ${n}`, tags: ["t"] },
  };
}

const view = (c: ReviewCard | null, left: number): ReviewView => ({
  card: c,
  counts: { new: left, learning: 0, review: 0 },
  learningLaterToday: 0,
  nextLearningDue: null,
  answeredToday: 0,
});

/** A stand-in server: a queue of cards; answers move to the next one, undo brings one back. */
function fakeServer(total = 3) {
  let position = 0;
  let logId = 100;
  const answered = new Map<string, unknown>(); // idempotency: a replayed key gets the first result
  const ok = <T,>(data: T): ActionResult<T> => ({ ok: true, data });
  const actions = {
    answer: vi.fn(async (input: Parameters<ReviewActions["answer"]>[0]) => {
      if (answered.has(input.idempotencyKey)) return answered.get(input.idempotencyKey) as never;
      position++;
      const result = ok({
        answer: { logId: ++logId, cardId: input.cardId, rating: input.rating, interval: "10m", card: { state: 1, due: "", scheduledDays: 0, reps: 1, lapses: 0 }, replayed: false },
        view: view(position < total ? card(position + 1) : null, total - position),
      });
      answered.set(input.idempotencyKey, result);
      return result;
    }),
    undo: vi.fn(async (input: Parameters<ReviewActions["undo"]>[0]) => {
      position--;
      return ok({ undo: { undoLogId: ++logId, undoneLogId: input.logId, cardId: `c${position + 1}`, card: { state: 0, due: "", scheduledDays: 0, reps: 0, lapses: 0 }, replayed: false }, view: view(card(position + 1), total - position) });
    }),
    suspend: vi.fn(async () => {
      position++;
      return ok({ changed: 1, view: view(position < total ? card(position + 1) : null, total - position) });
    }),
    updateNote: vi.fn(async (input: Parameters<ReviewActions["updateNote"]>[0]) =>
      ok({ card: { ...card(position + 1), question: input.type === "basic" ? input.front : "", answer: input.type === "basic" ? `${input.front}\n\n---\n\n${input.back}` : "" } }),
    ),
    refresh: vi.fn(async () => ok(view(card(position + 1), total - position))),
  };
  return actions;
}

function setup(total = 3) {
  const actions = fakeServer(total);
  const user = userEvent.setup();
  render(<ReviewSession initial={view(card(1), total)} actions={actions as unknown as ReviewActions} />);
  return { actions, user };
}

describe("ReviewSession, by keyboard only", () => {
  it("Space reveals, 3 rates Good with an idempotency key, the next card comes up on its question", async () => {
    const { actions, user } = setup();
    expect(screen.getByText("Question 1?")).toBeTruthy();
    expect(screen.queryByText("Answer 1")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("review-card"));

    await user.keyboard("3"); // rating before the answer is shown does nothing
    expect(actions.answer).not.toHaveBeenCalled();

    await user.keyboard(" ");
    expect(screen.getByText("Answer 1")).toBeTruthy();
    const good = screen.getByRole("button", { name: /Good/ });
    expect(good.textContent).toContain("10m"); // the interval from the scheduler's preview

    await user.keyboard("3");
    await waitFor(() => expect(screen.getByText("Question 2?")).toBeTruthy());
    expect(actions.answer).toHaveBeenCalledTimes(1);
    const call = actions.answer.mock.calls[0]![0];
    expect(call).toMatchObject({ cardId: "c1", rating: 3, expectedReps: 0 });
    expect(call.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.queryByText("Answer 2")).toBeNull(); // the new card starts unrevealed
    expect(screen.getByTestId("review-status").textContent).toContain("Rated Good: back in 10m");
    expect(document.activeElement).toBe(screen.getByTestId("review-card"));
  });

  it("Enter also reveals; a double press of a rating answers once", async () => {
    const { actions, user } = setup();
    await user.keyboard("{Enter}");
    expect(screen.getByText("Answer 1")).toBeTruthy();
    await user.keyboard("44");
    await waitFor(() => expect(screen.getByText("Question 2?")).toBeTruthy());
    expect(actions.answer).toHaveBeenCalledTimes(1);
  });

  it("retries a failed request with the same key, so the server can answer it once", async () => {
    const { actions, user } = setup();
    const real = actions.answer.getMockImplementation()!;
    actions.answer.mockImplementationOnce(async () => {
      throw new TypeError("fetch failed");
    });
    actions.answer.mockImplementationOnce(real);
    await user.keyboard(" ");
    await user.keyboard("1");
    await waitFor(() => expect(screen.getByText("Question 2?")).toBeTruthy(), { timeout: 3000 });
    expect(actions.answer).toHaveBeenCalledTimes(2);
    expect(actions.answer.mock.calls[0]![0].idempotencyKey).toBe(actions.answer.mock.calls[1]![0].idempotencyKey);
  });

  it("each answer carries a new key", async () => {
    const { actions, user } = setup();
    await user.keyboard(" 3");
    await waitFor(() => expect(screen.getByText("Question 2?")).toBeTruthy());
    await user.keyboard(" 3");
    await waitFor(() => expect(screen.getByText("Question 3?")).toBeTruthy());
    const [a, b] = actions.answer.mock.calls.map((c) => c[0].idempotencyKey);
    expect(a).not.toBe(b);
  });

  it("Z undoes the last answer (by its log id) and shows that card again", async () => {
    const { actions, user } = setup();
    await user.keyboard(" 3");
    await waitFor(() => expect(screen.getByText("Question 2?")).toBeTruthy());
    await user.keyboard("z");
    await waitFor(() => expect(screen.getByText("Question 1?")).toBeTruthy());
    expect(actions.undo).toHaveBeenCalledWith(expect.objectContaining({ logId: 101 }));
    expect(screen.getByTestId("review-status").textContent).toContain("Answer undone");
    await user.keyboard("z"); // nothing left to undo
    expect(actions.undo).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("review-status").textContent).toContain("Nothing to undo");
  });

  it("S suspends the card and moves on", async () => {
    const { actions, user } = setup();
    await user.keyboard("s");
    await waitFor(() => expect(screen.getByText("Question 2?")).toBeTruthy());
    expect(actions.suspend).toHaveBeenCalledWith(expect.objectContaining({ cardIds: ["c1"], suspended: true }));
  });

  it("E opens the note editor; typing there does not trigger shortcuts; saving shows the new text", async () => {
    const { actions, user } = setup();
    await user.keyboard("e");
    const front = await screen.findByLabelText("Front");
    await user.clear(front);
    await user.type(front, "Edited question 3?"); // contains "3", "e", "s": no rating, no suspend
    expect(actions.answer).not.toHaveBeenCalled();
    expect(actions.suspend).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText("Edited question 3?")).toBeTruthy());
    expect(actions.updateNote).toHaveBeenCalledWith(expect.objectContaining({ noteId: "n1", cardId: "c1", type: "basic", front: "Edited question 3?", back: "Answer 1", tags: ["t"] }));
  });

  it("says when everything is done for now", async () => {
    const { user } = setup(1);
    await user.keyboard(" 3");
    await waitFor(() => expect(screen.getByTestId("review-done")).toBeTruthy());
    expect(screen.getByText(/done for now/)).toBeTruthy();
    await act(async () => {});
  });

  it("when only a learning card is left for later today, fetches it once it comes due", async () => {
    const actions = fakeServer(2);
    const waiting: ReviewView = { ...view(null, 0), learningLaterToday: 1, nextLearningDue: new Date(Date.now() + 200).toISOString() };
    render(<ReviewSession initial={waiting} actions={actions as unknown as ReviewActions} />);
    expect(screen.getByText("Nothing due right now")).toBeTruthy();
    await waitFor(() => expect(screen.getByText("Question 1?")).toBeTruthy(), { timeout: 4000 });
    expect(actions.refresh).toHaveBeenCalledTimes(1);
  });
});
