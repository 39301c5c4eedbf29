// Answering and undoing against a real database: idempotency keys enforced by the UNIQUE index
// (sequential and concurrent replays), the optimistic check on the card, undo rows that restore
// the card exactly, and daily limits / sibling burying as the queue sees them.
import { Rating, State } from "ts-fsrs";
import { beforeEach, describe, expect, it } from "vitest";
import { runProcedure } from "@/lib/actions";
import type { AccountUser } from "@/lib/auth/accounts";
import { createScheduler, newCard } from "@/lib/srs/scheduler";
import { answerCard, undoAnswer } from "@/lib/srs/db/answers";
import { fsrsSelect, toSrsCard } from "@/lib/srs/db/card-state";
import { createDeck } from "@/lib/srs/db/decks";
import { createNote } from "@/lib/srs/db/notes";
import { loadStudyQueue, reviewView } from "@/lib/srs/db/queue";
import { answerProcedure } from "@/lib/srs/procedures";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "study_answers" });
beforeEach(() => testDb.reset());

async function learner(email = "learner@example.com"): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role: "learner" }, select: { id: true, email: true, name: true, role: true } });
}

async function deckWithNotes(userId: string, n: number, opts: { reversed?: boolean; newPerDay?: number; reviewsPerDay?: number } = {}) {
  const deck = await createDeck(userId, { name: "Test deck", description: "", newPerDay: opts.newPerDay ?? 20, reviewsPerDay: opts.reviewsPerDay ?? 200 });
  for (let i = 0; i < n; i++) {
    await createNote(userId, deck.id, { type: opts.reversed ? "reversed" : "basic", front: `Question ${i}`, back: `Answer ${i}`, tags: ["t"] });
  }
  return deck;
}

const cardOf = (id: string) => testDb.db.card.findUniqueOrThrow({ where: { id }, select: { id: true, ...fsrsSelect } });
const t0 = new Date("2026-03-02T10:00:00Z");

describe("answerCard", () => {
  it("schedules exactly as ts-fsrs does for the stored state, and logs before and after", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1);
    const card = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id } });
    const r = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "key-00000001" }, { now: t0 });
    // The same scheduler (default settings) on a fresh card with the same id gives the same card.
    const expected = createScheduler().answer({ ...newCard(card.id, card.due) }, Rating.Good, t0).card;
    const stored = await cardOf(card.id);
    expect(stored.due.toISOString()).toBe(expected.due.toISOString());
    expect(stored.state).toBe(expected.state);
    expect(stored.reps).toBe(1);
    expect(r).toMatchObject({ cardId: card.id, rating: Rating.Good, replayed: false, card: { state: State.Learning, reps: 1 }, interval: "10m" });
    const log = await testDb.db.reviewLog.findUniqueOrThrow({ where: { id: r.logId } });
    expect(log).toMatchObject({ kind: "answer", stateBefore: State.New, repsBefore: 0, stateAfter: State.Learning, repsAfter: 1, rating: Rating.Good });
    expect(log.idempotencyKey).toBe(`${u.id}:key-00000001`);
  });

  it("a replayed request (same key) reviews once and returns the original result", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1);
    const card = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id } });
    const first = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "replay-key-1" }, { now: t0 });
    const again = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "replay-key-1" }, { now: new Date(t0.getTime() + 5000) });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await testDb.db.reviewLog.count()).toBe(1);
    expect((await cardOf(card.id)).reps).toBe(1);
  });

  it("concurrent copies of one request store one answer; all get the same result", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1);
    const card = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id } });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => answerCard(u.id, { cardId: card.id, rating: Rating.Easy, idempotencyKey: "burst-key-1" }, { now: t0 })),
    );
    expect(new Set(results.map((r) => r.logId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await testDb.db.reviewLog.count()).toBe(1);
    expect((await cardOf(card.id)).reps).toBe(1);
  });

  it("two different answers racing for one card: one wins, the other is told the card changed", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1);
    const card = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id } });
    const outcomes = await Promise.allSettled([
      answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "race-key-a", expectedReps: 0 }, { now: t0 }),
      answerCard(u.id, { cardId: card.id, rating: Rating.Again, idempotencyKey: "race-key-b", expectedReps: 0 }, { now: t0 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    expect(await testDb.db.reviewLog.count()).toBe(1);
    expect((await cardOf(card.id)).reps).toBe(1);
  });

  it("a key reused for another card is refused (409), and nobody else's card can be answered (404)", async () => {
    const u = await learner();
    const other = await learner("other@example.com");
    await deckWithNotes(u.id, 2);
    await deckWithNotes(other.id, 1);
    const [a, b] = await testDb.db.card.findMany({ where: { ownerId: u.id }, orderBy: { position: "asc" } });
    const theirs = await testDb.db.card.findFirstOrThrow({ where: { ownerId: other.id } });
    await answerCard(u.id, { cardId: a!.id, rating: Rating.Good, idempotencyKey: "shared-key-1" });
    await expect(answerCard(u.id, { cardId: b!.id, rating: Rating.Good, idempotencyKey: "shared-key-1" })).rejects.toMatchObject({ code: "conflict" });
    await expect(answerCard(u.id, { cardId: theirs.id, rating: Rating.Good, idempotencyKey: "theirs-key-1" })).rejects.toMatchObject({ code: "not_found" });
    // Keys are per learner: the other learner may use the same text.
    await expect(answerCard(other.id, { cardId: theirs.id, rating: Rating.Good, idempotencyKey: "shared-key-1" })).resolves.toMatchObject({ replayed: false });
  });

  it("the procedure validates the rating and key (422 with field errors)", async () => {
    const u = await learner();
    const r = await runProcedure(answerProcedure, { cardId: "x", rating: 7, idempotencyKey: "no spaces allowed" }, { getUser: async () => u, ip: "127.0.0.1" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("invalid");
      expect(Object.keys(r.fieldErrors).sort()).toEqual(["idempotencyKey", "rating"]);
    }
    const anonymous = await runProcedure(answerProcedure, { cardId: "x", rating: 3, idempotencyKey: "abcdefgh" }, { getUser: async () => null, ip: "127.0.0.1" });
    expect(anonymous).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("undoAnswer", () => {
  it("appends an undo row and restores the card exactly; the answer no longer counts today", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1);
    const card = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id } });
    const before = await cardOf(card.id);
    const answered = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "undo-me-01" }, { now: t0 });
    expect((await loadStudyQueue(u.id, { now: new Date(t0.getTime() + 1000) })).answeredToday).toBe(1);
    const undo = await undoAnswer(u.id, { logId: answered.logId, idempotencyKey: "undo-key-01" }, { now: new Date(t0.getTime() + 2000) });
    expect(undo).toMatchObject({ undoneLogId: answered.logId, cardId: card.id, replayed: false, card: { state: State.New, reps: 0 } });
    expect(await cardOf(card.id)).toEqual(before);
    const logs = await testDb.db.reviewLog.findMany({ orderBy: { id: "asc" } });
    expect(logs.map((l) => l.kind)).toEqual(["answer", "undo"]);
    expect(logs[0]!.stateAfter).toBe(State.Learning); // the answer row is untouched
    const q = await loadStudyQueue(u.id, { now: new Date(t0.getTime() + 3000) });
    expect(q.answeredToday).toBe(0);
    expect(q.counts.new).toBe(1);
    // Replay of the undo: same result, no new row; a second undo of the same answer: 409.
    expect(await undoAnswer(u.id, { logId: answered.logId, idempotencyKey: "undo-key-01" })).toEqual({ ...undo, replayed: true });
    await expect(undoAnswer(u.id, { logId: answered.logId, idempotencyKey: "undo-key-02" })).rejects.toMatchObject({ code: "conflict" });
    expect(await testDb.db.reviewLog.count()).toBe(2);
  });

  it("multi-level: undoing two answers to one card newest first restores the original; oldest first is refused", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1);
    const card = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id } });
    const original = await cardOf(card.id);
    const a1 = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "multi-1" }, { now: t0 });
    const afterFirst = await cardOf(card.id);
    const a2 = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "multi-2" }, { now: new Date(t0.getTime() + 11 * 60_000) });
    await expect(undoAnswer(u.id, { logId: a1.logId, idempotencyKey: "multi-undo-x" })).rejects.toMatchObject({ code: "conflict" });
    await undoAnswer(u.id, { logId: a2.logId, idempotencyKey: "multi-undo-2" });
    expect(await cardOf(card.id)).toEqual(afterFirst);
    await undoAnswer(u.id, { logId: a1.logId, idempotencyKey: "multi-undo-1" });
    expect(await cardOf(card.id)).toEqual(original);
  });
});

describe("the due queue", () => {
  it("honours the deck's new-card limit, counting today's answers, and the review view shows intervals", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 5, { newPerDay: 3 });
    const q = await loadStudyQueue(u.id, { now: t0 });
    expect(q.counts).toEqual({ new: 3, learning: 0, review: 0 });
    const first = q.cards[0]!;
    await answerCard(u.id, { cardId: first.id, rating: Rating.Easy, idempotencyKey: "limit-key-1" }, { now: t0 });
    const after = await loadStudyQueue(u.id, { now: new Date(t0.getTime() + 1000) });
    expect(after.counts).toEqual({ new: 2, learning: 0, review: 0 });
    const now = new Date(t0.getTime() + 1000);
    const view = await reviewView(u.id, { now });
    const shown = await cardOf(view.card!.cardId);
    expect(view.card!.buttons).toEqual(createScheduler().preview(toSrsCard(shown.id, shown), now).map((b) => ({ rating: b.rating, label: b.label })));
    // A new card under the default steps (1m 10m): Again 1m, Hard 6m, Good 10m, Easy days away.
    expect(view.card!.buttons.slice(0, 3).map((b) => b.label)).toEqual(["1m", "6m", "10m"]);
    expect(view.card!.buttons[3]!.label).toMatch(/^\d+d$/);
    expect(view.card!.question).toMatch(/^Question \d$/);
  });

  it("buries a reversed note's sibling for the rest of the learner day", async () => {
    const u = await learner();
    await deckWithNotes(u.id, 1, { reversed: true });
    const q = await loadStudyQueue(u.id, { now: t0 });
    expect(q.counts.new).toBe(1); // one card per note a day
    // The front→back card comes first, as in Anki.
    expect((await testDb.db.card.findUniqueOrThrow({ where: { id: q.cards[0]!.id } })).ordinal).toBe(0);
    await answerCard(u.id, { cardId: q.cards[0]!.id, rating: Rating.Easy, idempotencyKey: "sibling-1" }, { now: t0 });
    expect((await loadStudyQueue(u.id, { now: new Date(t0.getTime() + 1000) })).counts.new).toBe(0);
    // Next learner day (rollover 4 am UTC): the sibling is back.
    expect((await loadStudyQueue(u.id, { now: new Date("2026-03-03T05:00:00Z") })).counts.new).toBe(1);
  });

  it("reviews come due by the learner day and are limited per deck", async () => {
    const u = await learner();
    const deck = await deckWithNotes(u.id, 6, { reviewsPerDay: 4 });
    // Make every card a review card due yesterday.
    await testDb.db.card.updateMany({ where: { deckId: deck.id }, data: { state: State.Review, due: new Date("2026-03-01T12:00:00Z"), stability: 5, difficulty: 5, scheduledDays: 3, reps: 3, lastReview: new Date("2026-02-26T12:00:00Z") } });
    const q = await loadStudyQueue(u.id, { now: t0 });
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 4 });
    const card = await cardOf(q.cards[0]!.id);
    const r = await answerCard(u.id, { cardId: card.id, rating: Rating.Good, idempotencyKey: "review-key-1" }, { now: t0 });
    const expected = createScheduler().answer(toSrsCard(card.id, card), Rating.Good, t0).card;
    expect(r.card.due).toBe(expected.due.toISOString());
    expect((await loadStudyQueue(u.id, { now: t0 })).counts.review).toBe(3);
  });
});
