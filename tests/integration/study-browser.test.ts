// The card browser, import/export, statistics and the optimiser against a real database (SQLite,
// and PostgreSQL when TEST_DATABASE_URL is set): the search language translated to a Prisma
// `where` must select the same cards on both, bulk edits touch only the learner's own cards, a
// deck exported to CSV imports back as it was, and the statistics and optimiser read the log.
import { Rating } from "ts-fsrs";
import { beforeEach, describe, expect, it } from "vitest";
import type { AccountUser } from "@/lib/auth/accounts";
import { answerCard, undoAnswer } from "@/lib/srs/db/answers";
import { bulkEdit, searchCards } from "@/lib/srs/db/browser";
import { createDeck } from "@/lib/srs/db/decks";
import { exportDeck, importNotes, previewImport } from "@/lib/srs/db/import-export";
import { createNote } from "@/lib/srs/db/notes";
import { runOptimisation, trainingItemsFor, type OptimisationEvent } from "@/lib/srs/db/optimise";
import { getLearnerSettings } from "@/lib/srs/db/learner-settings";
import { loadStudyQueue } from "@/lib/srs/db/queue";
import { loadStats } from "@/lib/srs/db/stats";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "study_browser" });
beforeEach(() => testDb.reset());

async function learner(email = "learner@example.com"): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role: "learner" }, select: { id: true, email: true, name: true, role: true } });
}

const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 86_400_000;

/** Two decks: "AWS::Lambda" (async, sync, cloze) and "Other" (a reversed note); one card answered. */
async function collection(u: AccountUser) {
  const lambda = await createDeck(u.id, { name: "AWS::Lambda", description: "", newPerDay: 20, reviewsPerDay: 200 });
  const other = await createDeck(u.id, { name: "Other", description: "", newPerDay: 20, reviewsPerDay: 200 });
  await createNote(u.id, lambda.id, { type: "basic", front: "What does an Event invoke return?", back: "HTTP 202", tags: ["topic:async", "domain:development"] });
  await createNote(u.id, lambda.id, { type: "basic", front: "Sync invoke status?", back: "HTTP 200", tags: ["topic:invocation", "domain:development"] });
  await createNote(u.id, lambda.id, { type: "cloze", text: "Async retries: {{c1::2}} by default, events kept {{c2::6 hours}}", tags: ["topic:retries", "domain:troubleshooting"] });
  await createNote(u.id, other.id, { type: "reversed", front: "DLQ", back: "dead-letter queue", tags: ["topic:dlq", "domain:development"] });
  const sync = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id, note: { searchText: { contains: "sync invoke" } } } });
  await answerCard(u.id, { cardId: sync.id, rating: Rating.Easy, idempotencyKey: "answer-sync-1" }, { now: new Date(NOW.getTime() - 2 * DAY) });
  return { lambda, other };
}

async function questions(u: AccountUser, q: string): Promise<string[]> {
  const r = await searchCards(u.id, { q, page: 1 }, { now: NOW });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.rows.map((row) => row.question).sort();
}

describe("search → where", () => {
  it("selects by deck (with subdecks and globs), tag, state, rated:N, text and negation", async () => {
    const u = await learner();
    await collection(u);
    expect(await questions(u, "")).toHaveLength(6); // basic 1 + basic 1 + cloze 2 + reversed 2
    expect(await questions(u, 'deck:"AWS"')).toHaveLength(4); // the parent selects its subdeck
    expect(await questions(u, "deck:aws::*")).toHaveLength(4);
    expect(await questions(u, "deck:other")).toEqual(["DLQ", "dead-letter queue"]);
    expect(await questions(u, "tag:topic:async")).toEqual(["What does an Event invoke return?"]);
    expect(await questions(u, "tag:domain:*")).toHaveLength(6);
    expect(await questions(u, "tag:domain:dev*")).toHaveLength(4);
    expect(await questions(u, "-tag:domain:development")).toEqual(["Async retries: 2 by default, events kept [...]", "Async retries: [...] by default, events kept 6 hours"]);
    expect(await questions(u, "is:new")).toHaveLength(5);
    expect(await questions(u, "is:review")).toEqual(["Sync invoke status?"]);
    expect(await questions(u, "rated:3")).toEqual(["Sync invoke status?"]);
    expect(await questions(u, "rated:1")).toEqual([]);
    expect(await questions(u, "-rated:1")).toHaveLength(6); // never-reviewed cards are "not rated today"
    expect(await questions(u, '"HTTP 20"')).toEqual(["Sync invoke status?", "What does an Event invoke return?"]);
    expect(await questions(u, "invoke -event")).toEqual(["Sync invoke status?"]);
    expect(await questions(u, "RETRIES")).toHaveLength(2); // case-insensitive on both databases
  });

  it("a tag glob with a star in the middle is exact (filtered after the SQL superset)", async () => {
    const u = await learner();
    const d = await createDeck(u.id, { name: "Tags", description: "", newPerDay: 20, reviewsPerDay: 200 });
    await createNote(u.id, d.id, { type: "basic", front: "both in one tag", back: "x", tags: ["aws-lambda"] });
    await createNote(u.id, d.id, { type: "basic", front: "split over two tags", back: "x", tags: ["aws", "lambda"] });
    expect(await questions(u, "tag:aws*lambda")).toEqual(["both in one tag"]);
  });

  it("is:due follows the learner day and is:suspended the flag; search errors come back located", async () => {
    const u = await learner();
    await collection(u);
    // The Easy answer two days ago scheduled the card days ahead: not due at NOW, due later.
    expect(await questions(u, "is:due")).toEqual([]);
    const later = await searchCards(u.id, { q: "is:due", page: 1 }, { now: new Date(NOW.getTime() + 60 * DAY) });
    expect(later.ok && later.rows.map((r) => r.question)).toEqual(["Sync invoke status?"]);
    const bad = await searchCards(u.id, { q: "is:wrong tag:", page: 1 });
    expect(bad).toEqual({ ok: false, errors: ["column 4: unknown is:wrong — expected one of is:due, is:new, is:learn, is:review, is:suspended", "column 14: tag: needs a value, e.g. tag:topic:async"] });
  });

  it("pages by 50 and never shows another learner's cards", async () => {
    const u = await learner();
    const other = await learner("other@example.com");
    await collection(other);
    const d = await createDeck(u.id, { name: "Many", description: "", newPerDay: 20, reviewsPerDay: 200 });
    for (let i = 0; i < 60; i++) await createNote(u.id, d.id, { type: "basic", front: `Card ${i}`, back: "x", tags: [] });
    const p1 = await searchCards(u.id, { q: "", page: 1 });
    const p2 = await searchCards(u.id, { q: "", page: 2 });
    expect(p1.ok && [p1.total, p1.rows.length, p1.pageCount]).toEqual([60, 50, 2]);
    expect(p2.ok && p2.rows.length).toBe(10);
    expect(p1.ok && p2.ok && new Set([...p1.rows, ...p2.rows].map((r) => r.cardId)).size).toBe(60);
  });
});

describe("bulk edits", () => {
  it("suspends, tags and moves (a note's siblings move with it) only the learner's own cards", async () => {
    const u = await learner();
    const other = await learner("other@example.com");
    const { lambda, other: otherDeck } = await collection(u);
    await collection(other);
    const theirs = await testDb.db.card.findMany({ where: { ownerId: other.id }, select: { id: true } });

    const s = await bulkEdit(u.id, { q: "deck:aws::lambda", action: "suspend" });
    expect(s.cards).toBe(4);
    expect(await questions(u, "is:suspended")).toHaveLength(4);
    // Someone else's card ids are ignored, not changed.
    expect((await bulkEdit(u.id, { cardIds: theirs.map((c) => c.id), action: "suspend" })).cards).toBe(0);
    expect(await testDb.db.card.count({ where: { ownerId: other.id, suspended: true } })).toBe(0);

    const tagged = await bulkEdit(u.id, { q: "tag:topic:retries", action: "addTag", tag: "Hard-One" });
    expect(tagged.notes).toBe(1); // two cloze cards, one note
    expect(await questions(u, "tag:hard-one")).toHaveLength(2);
    await bulkEdit(u.id, { q: "tag:hard-one", action: "removeTag", tag: "hard-one" });
    expect(await questions(u, "tag:hard-one")).toHaveLength(0);

    const cloze1 = await testDb.db.card.findFirstOrThrow({ where: { ownerId: u.id, ordinal: 1, note: { type: "cloze" } } });
    const moved = await bulkEdit(u.id, { cardIds: [cloze1.id], action: "move", deckId: otherDeck.id });
    expect(moved).toEqual({ cards: 2, notes: 1 });
    expect(await questions(u, "deck:other")).toHaveLength(4);
    expect(await testDb.db.note.count({ where: { deckId: lambda.id } })).toBe(2);
    await expect(bulkEdit(u.id, { cardIds: [cloze1.id], action: "move", deckId: (await testDb.db.deck.findFirstOrThrow({ where: { ownerId: other.id } })).id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("import and export", () => {
  it("imports only the good rows, and an exported deck imports back as the same notes", async () => {
    const u = await learner();
    const csv = 'front,back,tags\nQ1,A1,t1\n,missing front,\n"Cloze {{c1::answer}}",extra,t2\nF,B,note-type:reversed\n';
    const preview = previewImport(csv);
    expect(preview.errors).toEqual([{ row: 3, column: 1, message: "front is empty" }]);
    const r = await importNotes(u.id, { text: csv, newDeckName: "Imported" });
    expect(r).toMatchObject({ imported: 3, cards: 1 + 1 + 2, skipped: 1 });

    const exported = await exportDeck(u.id, r.deckId);
    expect(exported.filename).toBe("imported.csv");
    const again = previewImport(exported.csv);
    expect(again.errors).toEqual([]);
    expect(again.rows.map(({ type, front, back, tags }) => ({ type, front, back, tags }))).toEqual([
      { type: "basic", front: "Q1", back: "A1", tags: ["t1"] },
      { type: "cloze", front: "Cloze {{c1::answer}}", back: "extra", tags: ["t2"] },
      { type: "reversed", front: "F", back: "B", tags: [] },
    ]);
    const other = await learner("other@example.com");
    await expect(exportDeck(other.id, r.deckId)).rejects.toMatchObject({ code: "not_found" });
    await expect(importNotes(u.id, { text: ",\n,", newDeckName: "x" })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("statistics and the optimiser", () => {
  /** Answers due cards day after day (Good, every 7th Again) from `days` days ago until yesterday. */
  async function history(u: AccountUser, days: number, perDay: number) {
    let k = 0;
    for (let d = days; d >= 1; d--) {
      const day = new Date(NOW.getTime() - d * DAY);
      for (let i = 0; i < perDay; i++) {
        const at = new Date(day.getTime() + i * 60_000);
        const next = (await loadStudyQueue(u.id, { now: at })).cards[0];
        if (!next) break;
        await answerCard(u.id, { cardId: next.id, rating: k++ % 7 === 6 ? Rating.Again : Rating.Good, idempotencyKey: `h-${d}-${i}-${next.id}` }, { now: at });
      }
    }
    return k;
  }

  it("counts answers per day, true retention of review answers, the forecast and card states — undone answers nowhere", async () => {
    const u = await learner();
    const d = await createDeck(u.id, { name: "Stats", description: "", newPerDay: 5, reviewsPerDay: 200 });
    // Enough new cards that every one of the 10 days has something to answer (a day without
    // answers would break the streak).
    for (let i = 0; i < 60; i++) await createNote(u.id, d.id, { type: "basic", front: `S${i}`, back: "x", tags: [] });
    const answers = await history(u, 10, 8);
    const undone = await answerCard(u.id, { cardId: (await loadStudyQueue(u.id, { now: NOW })).cards[0]!.id, rating: Rating.Good, idempotencyKey: "to-undo-1" }, { now: NOW });
    await undoAnswer(u.id, { logId: undone.logId, idempotencyKey: "undo-it-1" }, { now: NOW });

    const stats = await loadStats(u.id, { now: NOW });
    expect(stats.totalAnswers).toBe(answers);
    expect(stats.answersToday).toBe(0);
    expect(stats.heatmap.reduce((n, x) => n + x.count, 0)).toBe(answers);
    expect(stats.streak).toEqual({ current: 10, longest: 10 });
    expect(stats.counts.total).toBe(60);
    const introduced = await testDb.db.reviewLog.count({ where: { ownerId: u.id, kind: "answer", stateBefore: 0, undoneBy: null } });
    expect(stats.counts.new).toBe(60 - introduced); // the undone first answer left its card new
    expect(stats.counts.new + stats.counts.learning + stats.counts.review + stats.counts.relearning + stats.counts.suspended).toBe(60);
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast[0]!.day).toBe("2026-03-10");
    const reviewAnswers = await testDb.db.reviewLog.count({ where: { ownerId: u.id, kind: "answer", stateBefore: 2, undoneBy: null } });
    expect(stats.retention.month.reduce((n, b) => n + b.reviews, 0)).toBe(reviewAnswers);
  });

  it("fits the learner's parameters in a worker, reporting progress, then the workload before and after", async () => {
    const u = await learner();
    const d = await createDeck(u.id, { name: "Fit", description: "", newPerDay: 15, reviewsPerDay: 200 });
    for (let i = 0; i < 90; i++) await createNote(u.id, d.id, { type: "basic", front: `F${i}`, back: "x", tags: [] });
    // Too little history: a clear message, nothing run.
    const early: OptimisationEvent[] = [];
    await runOptimisation(u.id, (e) => early.push(e));
    expect(early.at(-1)).toMatchObject({ type: "error", message: expect.stringContaining("Not enough review history yet") });

    await history(u, 40, 20);
    const { items } = await trainingItemsFor(u.id, await getLearnerSettings(u.id));
    expect(items.length).toBeGreaterThan(100);
    const events: OptimisationEvent[] = [];
    await runOptimisation(u.id, (e) => events.push(e));
    const last = events.at(-1)!;
    expect(last.type, JSON.stringify(last)).toBe("result");
    const fractions = events.filter((e) => e.type === "progress").map((e) => (e as { fraction: number }).fraction);
    expect(fractions[0]).toBe(0);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions); // never goes backwards
    expect(new Set(events.filter((e) => e.type === "progress").map((e) => (e as { stage: string }).stage))).toEqual(new Set(["reading", "optimising", "simulating"]));
    if (last.type === "result") {
      expect(last.result.proposed).toHaveLength(21);
      expect(last.result.items).toBe(items.length);
      for (const w of [last.result.workload.before, last.result.workload.after]) {
        expect(w.month).toBeGreaterThan(0);
        expect(w.year).toBeGreaterThan(0);
      }
      expect(last.result.memory.after.curve.map((p) => p.days)).toEqual([1, 3, 7, 14, 30, 60, 90, 180]);
    }
  }, 120_000);
});
