import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { buildQueue, isDue, dueCutoffs, type AnswerToday, type QueueCard } from "./queue";

// Learner in UTC+2 with Anki's 4 am rollover: the learner day of 2026-03-02 runs from
// 2026-03-02T02:00Z (04:00 local) to 2026-03-03T02:00Z.
const day = { utcOffsetMinutes: 120, rolloverHour: 4 };
const now = new Date("2026-03-02T10:00:00Z");
const at = (iso: string) => new Date(iso);

let seq = 0;
function card(over: Partial<QueueCard>): QueueCard {
  seq++;
  return { id: `k${String(seq).padStart(3, "0")}`, noteId: `n${seq}`, deckId: "d", state: State.New, due: now, scheduled_days: 0, suspended: false, position: seq, ...over };
}

describe("buildQueue", () => {
  it("orders learning by due, then reviews by due, then new by position, then learn-ahead", () => {
    const cards = [
      card({ id: "new2", state: State.New, position: 2 }),
      card({ id: "rev-late", state: State.Review, due: at("2026-03-02T20:00:00Z") }),
      card({ id: "learn-ahead", state: State.Learning, due: at("2026-03-02T10:15:00Z") }),
      card({ id: "new1", state: State.New, position: 1 }),
      card({ id: "learn-b", state: State.Relearning, due: at("2026-03-02T09:59:00Z") }),
      card({ id: "rev-early", state: State.Review, due: at("2026-02-20T08:00:00Z") }),
      card({ id: "learn-a", state: State.Learning, due: at("2026-03-02T09:00:00Z") }),
    ];
    const q = buildQueue(cards, [], [], { now, day });
    expect(q.cards.map((c) => c.id)).toEqual(["learn-a", "learn-b", "rev-early", "rev-late", "new1", "new2", "learn-ahead"]);
    expect(q.counts).toEqual({ learning: 3, review: 2, new: 2 });
  });

  it("uses the learner's day: a review due at 01:59Z is today, at 02:00Z tomorrow (04:00 local)", () => {
    const cards = [
      card({ id: "today", state: State.Review, due: at("2026-03-03T01:59:00Z") }),
      card({ id: "tomorrow", state: State.Review, due: at("2026-03-03T02:00:00Z") }),
    ];
    expect(buildQueue(cards, [], [], { now, day }).cards.map((c) => c.id)).toEqual(["today"]);
    // With a midnight rollover the learner day ends at 22:00Z, so neither is due yet.
    expect(buildQueue(cards, [], [], { now, day: { utcOffsetMinutes: 120, rolloverHour: 0 } }).cards).toEqual([]);
  });

  it("applies per-deck daily limits, minus what was already answered today", () => {
    const cards = [
      ...Array.from({ length: 5 }, (_, i) => card({ deckId: "a", state: State.New, position: i })),
      ...Array.from({ length: 5 }, () => card({ deckId: "a", state: State.Review, due: at("2026-03-01T00:00:00Z") })),
      ...Array.from({ length: 4 }, (_, i) => card({ deckId: "b", state: State.New, position: i })),
    ];
    const answers: AnswerToday[] = [
      { cardId: "x1", noteId: "nx1", deckId: "a", state: State.New, review: at("2026-03-02T03:00:00Z") },
      { cardId: "x2", noteId: "nx2", deckId: "a", state: State.Review, review: at("2026-03-02T03:00:00Z") },
      // yesterday's learner day (before 02:00Z): does not count
      { cardId: "x3", noteId: "nx3", deckId: "a", state: State.New, review: at("2026-03-02T01:30:00Z") },
    ];
    const q = buildQueue(cards, [{ deckId: "a", newPerDay: 3, reviewsPerDay: 3 }, { deckId: "b", newPerDay: 1, reviewsPerDay: 9 }], answers, { now, day });
    expect(q.counts).toEqual({ learning: 0, review: 2, new: 2 + 1 });
  });

  it("never limits learning cards, and skips suspended and buried cards", () => {
    const cards = [
      ...Array.from({ length: 3 }, () => card({ state: State.Learning, due: at("2026-03-02T09:00:00Z") })),
      card({ state: State.Review, due: at("2026-03-01T00:00:00Z"), suspended: true }),
      card({ state: State.Review, due: at("2026-03-01T00:00:00Z"), buriedUntil: at("2026-03-03T02:00:00Z") }),
    ];
    const q = buildQueue(cards, [{ deckId: "d", newPerDay: 0, reviewsPerDay: 0 }], [], { now, day });
    expect(q.counts).toEqual({ learning: 3, review: 0, new: 0 });
  });

  it("buries siblings of a note answered today and gathers one card per note", () => {
    const cards = [
      card({ id: "c1", noteId: "cloze", state: State.Review, due: at("2026-03-01T00:00:00Z") }),
      card({ id: "c2", noteId: "cloze", state: State.New, position: 1 }),
      card({ id: "r0", noteId: "rev", state: State.New, position: 2 }),
      card({ id: "r1", noteId: "rev", state: State.New, position: 3 }),
      card({ id: "other", noteId: "answered", state: State.New, position: 0 }),
      card({ id: "learning-sibling", noteId: "answered", state: State.Learning, due: at("2026-03-02T09:30:00Z") }),
    ];
    const answers: AnswerToday[] = [{ cardId: "learning-sibling", noteId: "answered", deckId: "d", state: State.New, review: at("2026-03-02T09:29:00Z") }];
    const q = buildQueue(cards, [], answers, { now, day });
    expect(q.cards.map((c) => c.id)).toEqual(["learning-sibling", "c1", "r0"]);
  });

  it("reports learning cards due later today so the UI can say when to come back", () => {
    const q = buildQueue([card({ state: State.Learning, due: at("2026-03-02T11:00:00Z") })], [], [], { now, day });
    expect(q.cards).toEqual([]);
    expect(q.learningLaterToday).toBe(1);
    expect(q.nextLearningDue).toEqual(at("2026-03-02T11:00:00Z"));
  });

  it("treats a learning step of a day or more like a review: due by day", () => {
    const c = card({ state: State.Learning, scheduled_days: 1, due: at("2026-03-02T20:00:00Z") });
    expect(buildQueue([c], [], [], { now, day }).counts.learning).toBe(1);
    expect(isDue(c, dueCutoffs({ now, day }), now)).toBe(true);
  });
});
