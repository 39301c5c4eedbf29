/**
 * Today's study queue from the database, and the card to show next.
 *
 * The pure rules live in lib/srs/queue.ts (buildQueue); this module only fetches the rows those
 * rules can pick from, with indexed queries that stay small however many cards a learner has:
 *  - learning and relearning cards of the learner due before the end of the learner day (or the
 *    learn-ahead horizon) — never limited, and few;
 *  - per deck, the oldest-due review cards and the first new cards by position, at most the
 *    deck's remaining daily limit plus a margin for cards buildQueue skips (one card per note,
 *    siblings buried) — fetched again, larger, in the rare case the margin was not enough.
 */
import { State } from "ts-fsrs";
import { ActionError } from "@/lib/actions/errors";
import { getDb, readRows, sql, type Db } from "@/lib/db";
import { buildQueue, dueCutoffs, type AnswerToday, type DeckLimits, type QueueCard, type StudyQueue } from "../queue";
import { renderCard } from "../notes";
import { fsrsSelect, toSrsCard } from "./card-state";
import { getLearnerSettings, learnerDayOf, schedulerFor, type LearnerSettings } from "./learner-settings";
import { contentOf, noteOf, type NoteContent } from "./note-content";

export interface QueueOptions {
  /** Only this deck (else every deck of the learner). */
  deckId?: string | null;
  now?: Date;
  settings?: LearnerSettings;
}

export interface LoadedQueue extends StudyQueue {
  settings: LearnerSettings;
  now: Date;
  /** Answers given today (not undone). */
  answeredToday: number;
}

/** The answers given today that were not taken back. */
export async function answersToday(db: Db, userId: string, start: Date, end: Date): Promise<AnswerToday[]> {
  const rows = await readRows(
    sql`SELECT "cardId", "noteId", "deckId", "stateBefore", "review" FROM "ReviewLog" AS "answer"
      WHERE "ownerId" = ${userId} AND "kind" = 'answer' AND "review" >= ${start} AND "review" < ${end}
        AND NOT EXISTS (SELECT 1 FROM "ReviewLog" AS "undo" WHERE "undo"."undoesId" = "answer"."id")`,
    { cardId: "text", noteId: "text", deckId: "text", stateBefore: "number", review: "date" },
    db,
  );
  return rows.map((r) => ({ cardId: r.cardId, noteId: r.noteId, deckId: r.deckId, state: r.stateBefore as State, review: r.review }));
}

export async function loadStudyQueue(userId: string, opts: QueueOptions = {}, db: Db = getDb()): Promise<LoadedQueue> {
  const now = opts.now ?? new Date();
  const settings = opts.settings ?? (await getLearnerSettings(userId, db));
  const day = learnerDayOf(settings, now);
  const cut = dueCutoffs({ now, day });

  // Every read below goes through readRows (lib/db/rows.ts): standard SQL, the same text on SQLite
  // and PostgreSQL, straight from the driver. They run before every card the review screen shows,
  // and Prisma's own per-query and per-row work cost more than the queries themselves (measured at
  // 100,000 cards: 3.2 ms of the queue's 3.5 ms through Prisma, 0.9 ms through readRows).
  // The indexes: Card (ownerId, suspended, state, due) and (deckId, suspended, state, due|position).
  const deckColumns = { id: "text", newPerDay: "number", reviewsPerDay: "number" } as const;
  const decks = opts.deckId
    ? await readRows(sql`SELECT "id", "newPerDay", "reviewsPerDay" FROM "Deck" WHERE "ownerId" = ${userId} AND "id" = ${opts.deckId}`, deckColumns, db)
    : await readRows(sql`SELECT "id", "newPerDay", "reviewsPerDay" FROM "Deck" WHERE "ownerId" = ${userId}`, deckColumns, db);
  if (opts.deckId && !decks.length) throw new ActionError("not_found", "There is no such deck.", { deckId: ["not one of your decks"] });
  const limits: DeckLimits[] = decks.map((d) => ({ deckId: d.id, newPerDay: d.newPerDay, reviewsPerDay: d.reviewsPerDay }));
  const answers = await answersToday(db, userId, cut.startOfToday, cut.endOfToday);

  const horizon = new Date(Math.max(cut.endOfToday.getTime(), cut.learnAheadUntil.getTime() + 1));
  const learningColumns = { id: "text", noteId: "text", deckId: "text", state: "number", due: "date", scheduledDays: "number", buriedUntil: "date?", position: "number" } as const;
  const learningRows = opts.deckId
    ? await readRows(
        sql`SELECT "id", "noteId", "deckId", "state", "due", "scheduledDays", "buriedUntil", "position" FROM "Card"
          WHERE "ownerId" = ${userId} AND "suspended" = false AND "state" IN (1, 3) AND "due" < ${horizon} AND "deckId" = ${opts.deckId}`,
        learningColumns,
        db,
      )
    : await readRows(
        sql`SELECT "id", "noteId", "deckId", "state", "due", "scheduledDays", "buriedUntil", "position" FROM "Card"
          WHERE "ownerId" = ${userId} AND "suspended" = false AND "state" IN (1, 3) AND "due" < ${horizon}`,
        learningColumns,
        db,
      );
  const learning: QueueCard[] = learningRows.map((r) => ({
    id: r.id,
    noteId: r.noteId,
    deckId: r.deckId,
    state: r.state as State,
    due: r.due,
    scheduled_days: r.scheduledDays,
    suspended: false,
    buriedUntil: r.buriedUntil,
    position: r.position,
  }));

  // Remaining per deck after today's answers (lib/srs/queue.ts counts the same way).
  const used = new Map<string, { new: number; review: number }>();
  for (const a of answers) {
    const u = used.get(a.deckId) ?? { new: 0, review: 0 };
    if (a.state === State.New) u.new++;
    else if (a.state === State.Review) u.review++;
    used.set(a.deckId, u);
  }
  const notesToday = new Set(answers.map((a) => a.noteId)).size;

  // Only the columns buildQueue reads for these cards; the rest is known from the where clause.
  // Buried cards are filtered here too.
  const fetchKind = async (deckId: string, kind: "review" | "new", take: number): Promise<QueueCard[]> => {
    if (kind === "review") {
      const rows = await readRows(
        sql`SELECT "id", "noteId", "due" FROM "Card"
          WHERE "deckId" = ${deckId} AND "suspended" = false AND "state" = 2 AND "due" < ${cut.endOfToday}
            AND ("buriedUntil" IS NULL OR "buriedUntil" <= ${now})
          ORDER BY "due", "id" LIMIT ${take}`,
        { id: "text", noteId: "text", due: "date" },
        db,
      );
      return rows.map((r) => ({ id: r.id, noteId: r.noteId, deckId, state: State.Review, due: r.due, scheduled_days: 0, suspended: false, buriedUntil: null, position: 0 }));
    }
    const rows = await readRows(
      sql`SELECT "id", "noteId", "position" FROM "Card"
        WHERE "deckId" = ${deckId} AND "suspended" = false AND "state" = 0
          AND ("buriedUntil" IS NULL OR "buriedUntil" <= ${now})
        ORDER BY "position", "id" LIMIT ${take}`,
      { id: "text", noteId: "text", position: "number" },
      db,
    );
    return rows.map((r) => ({ id: r.id, noteId: r.noteId, deckId, state: State.New, due: now, scheduled_days: 0, suspended: false, buriedUntil: null, position: r.position }));
  };

  const pools = new Map<string, { review: QueueCard[]; new: QueueCard[]; take: { review: number; new: number } }>();
  for (const d of decks) {
    const u = used.get(d.id) ?? { new: 0, review: 0 };
    const left = { review: Math.max(0, d.reviewsPerDay - u.review), new: Math.max(0, d.newPerDay - u.new) };
    // Margin for cards buildQueue skips: siblings of notes answered today are buried, and only one
    // card per note is gathered. Rarely more than a few; the loop below fetches more if not.
    const margin = (n: number) => (n ? n + Math.ceil(n / 10) + notesToday + 10 : 0);
    const take = { review: margin(left.review), new: margin(left.new) };
    pools.set(d.id, {
      review: take.review ? await fetchKind(d.id, "review", take.review) : [],
      new: take.new ? await fetchKind(d.id, "new", take.new) : [],
      take,
    });
  }

  const build = () =>
    buildQueue([...learning, ...[...pools.values()].flatMap((p) => [...p.review, ...p.new])], limits, answers, { now, day });
  let queue = build();
  // A deck whose margin ran out before its limit was filled: fetch more and build again.
  for (let round = 0; round < 4; round++) {
    let again = false;
    for (const d of decks) {
      const p = pools.get(d.id)!;
      for (const kind of ["review", "new"] as const) {
        const gathered = queue.cards.filter((c) => c.deckId === d.id && (kind === "new" ? c.state === State.New : c.state === State.Review)).length;
        const limit = kind === "new" ? d.newPerDay : d.reviewsPerDay;
        if (p[kind].length === p.take[kind] && p.take[kind] > 0 && gathered < limit) {
          p.take[kind] *= 4;
          p[kind] = await fetchKind(d.id, kind, p.take[kind]);
          again = true;
        }
      }
    }
    if (!again) break;
    queue = build();
  }
  return { ...queue, settings, now, answeredToday: answers.length };
}

export interface AnswerButton {
  rating: 1 | 2 | 3 | 4;
  /** "10m", "3d", "2.1mo" — when the card would come back. */
  label: string;
}

export interface ReviewCard {
  cardId: string;
  noteId: string;
  deckId: string;
  deckName: string;
  ordinal: number;
  state: number;
  reps: number;
  lapses: number;
  /** Markdown of both sides (lib/srs/notes renderCard). */
  question: string;
  answer: string;
  buttons: AnswerButton[];
  /** The note as the editor shows it. */
  note: NoteContent;
}

export interface ReviewView {
  card: ReviewCard | null;
  counts: { new: number; learning: number; review: number };
  learningLaterToday: number;
  /** ISO time the next learning card comes due later today, if any. */
  nextLearningDue: string | null;
  answeredToday: number;
}

/** One card ready for the review screen: rendered sides and the four buttons' intervals. */
export async function reviewCard(userId: string, cardId: string, settings: LearnerSettings, now: Date, db: Db = getDb()): Promise<ReviewCard | null> {
  const row = await db.card.findFirst({
    where: { id: cardId, ownerId: userId },
    select: { id: true, ordinal: true, noteId: true, deckId: true, ...fsrsSelect, note: true, deck: { select: { name: true } } },
  });
  if (!row) return null;
  const note = noteOf(row.note);
  const sides = renderCard(note, row.ordinal);
  const buttons = schedulerFor(settings.scheduling)
    .preview(toSrsCard(row.id, row), now)
    .map((b) => ({ rating: b.rating as 1 | 2 | 3 | 4, label: b.label }));
  return {
    cardId: row.id,
    noteId: row.noteId,
    deckId: row.deckId,
    deckName: row.deck.name,
    ordinal: row.ordinal,
    state: row.state,
    reps: row.reps,
    lapses: row.lapses,
    question: sides.question,
    answer: sides.answer,
    buttons,
    note: contentOf(note),
  };
}

/** What the review screen needs next: the first card of the queue (or `cardId` — after an undo). */
export async function reviewView(userId: string, opts: QueueOptions & { cardId?: string } = {}, db: Db = getDb()): Promise<ReviewView> {
  const queue = await loadStudyQueue(userId, opts, db);
  const id = opts.cardId ?? queue.cards[0]?.id;
  const card = id ? await reviewCard(userId, id, queue.settings, queue.now, db) : null;
  return {
    card,
    counts: queue.counts,
    learningLaterToday: queue.learningLaterToday,
    nextLearningDue: queue.nextLearningDue?.toISOString() ?? null,
    answeredToday: queue.answeredToday,
  };
}
