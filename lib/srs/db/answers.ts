/**
 * Answering a card and taking an answer back — the two writes of a review session.
 *
 * Idempotency: every request carries a key the client generates once per answer (and reuses when
 * it retries). The key is stored on the review-log row under a UNIQUE index, namespaced by the
 * learner, so a double submit or a retried request that reaches the server twice can never review
 * a card twice: the second finds (or collides with) the first row and gets the original result.
 *
 * Concurrency: the card is updated only if it still is what the answer was computed from (due,
 * reps and state unchanged); otherwise the transaction rolls back and the caller hears "answered
 * elsewhere" (409). The log row is inserted first, so two copies of one request serialise on the
 * unique key (PostgreSQL waits for the first to commit; SQLite has one writer).
 *
 * Nothing rewrites history: an undo is a row of its own (kind "undo", undoesId → the answer,
 * unique, so an answer is taken back at most once) and restores the card from the answer's
 * "before" columns.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, isUniqueViolation, readRows, sql, type Db } from "@/lib/db";
import { formatInterval, gradeSchema, type Grade } from "../scheduler";
import { afterOf, beforeOf, fsrsColumns, fsrsSelect, sameState, toSrsCard, transitionColumns, type FsrsColumns } from "./card-state";
import { getLearnerSettings, schedulerFor, type LearnerSettings } from "./learner-settings";

export interface AnswerInput {
  cardId: string;
  rating: Grade;
  /** Client-generated, one per answer (a UUID); reused on retry. */
  idempotencyKey: string;
  /** How long the card was shown before the answer, ms (capped at 1 hour). */
  durationMs?: number;
  /** The repetition count the client saw: a mismatch means the card changed meanwhile (409). */
  expectedReps?: number;
}

export interface CardOutcome {
  state: number;
  due: string;
  scheduledDays: number;
  reps: number;
  lapses: number;
}

export interface AnswerResult {
  logId: number;
  cardId: string;
  rating: number;
  /** "10m", "3d": when the card comes back. */
  interval: string;
  card: CardOutcome;
  /** True when this request had already been answered (the original result is returned). */
  replayed: boolean;
}

export interface UndoResult {
  undoLogId: number;
  undoneLogId: number;
  cardId: string;
  card: CardOutcome;
  replayed: boolean;
}

export const MAX_DURATION_MS = 60 * 60 * 1000;

const storedKey = (userId: string, key: string) => `${userId}:${key}`;

function outcome(c: FsrsColumns): CardOutcome {
  return { state: c.state, due: c.due.toISOString(), scheduledDays: c.scheduledDays, reps: c.reps, lapses: c.lapses };
}

type LogRow = NonNullable<Awaited<ReturnType<Db["reviewLog"]["findUnique"]>>>;

function answerResultOf(log: LogRow, replayed: boolean): AnswerResult {
  const after = afterOf(log);
  return {
    logId: log.id,
    cardId: log.cardId,
    rating: log.rating,
    interval: formatInterval(after.due.getTime() - log.review.getTime()),
    card: outcome(after),
    replayed,
  };
}

function undoResultOf(log: LogRow, replayed: boolean): UndoResult {
  return { undoLogId: log.id, undoneLogId: log.undoesId!, cardId: log.cardId, card: outcome(afterOf(log)), replayed };
}

/** A stored request with this key: the same request again (its result) or a misuse of the key (409). */
function replayOf(log: LogRow, expect: { kind: "answer" | "undo"; cardId?: string; undoesId?: number }) {
  const same = log.kind === expect.kind && (expect.cardId === undefined || log.cardId === expect.cardId) && (expect.undoesId === undefined || log.undoesId === expect.undoesId);
  if (!same) throw new ActionError("conflict", "This idempotency key was already used for a different request; generate a new key for each answer.", { idempotencyKey: ["already used for another request"] });
  return log;
}

class StaleCard extends Error {}

/** The FSRS columns (card-state.ts fsrsSelect) as readRows reads them. */
const FSRS_COLUMNS = {
  due: "date",
  stability: "number",
  difficulty: "number",
  elapsedDays: "number",
  scheduledDays: "number",
  learningSteps: "number",
  reps: "number",
  lapses: "number",
  state: "number",
  lastReview: "date?",
} as const satisfies Record<keyof typeof fsrsSelect, string>;

export async function answerCard(userId: string, input: AnswerInput, opts: { now?: Date; settings?: LearnerSettings } = {}, db: Db = getDb()): Promise<AnswerResult> {
  const key = storedKey(userId, input.idempotencyKey);
  const rating = gradeSchema.parse(input.rating);
  // A replay is found when the fresh attempt cannot go through (the card moved on, or the key's
  // row exists): the common path — a new answer — costs no lookup of its own.
  const replayed = async (): Promise<AnswerResult | null> => {
    const first = await db.reviewLog.findUnique({ where: { idempotencyKey: key } });
    return first ? answerResultOf(replayOf(first, { kind: "answer", cardId: input.cardId }), true) : null;
  };
  const changedMeanwhile = () => new ActionError("conflict", "This card was answered elsewhere in the meantime; reload to see it as it is now.");

  // Read on every answer: through readRows (lib/db/rows.ts), not Prisma — the write below still
  // checks that the card is unchanged, so reading the committed state outside it is enough.
  const [card] = await readRows(
    sql`SELECT "id", "noteId", "deckId", "suspended", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
      FROM "Card" WHERE "id" = ${input.cardId} AND "ownerId" = ${userId}`,
    { id: "text", noteId: "text", deckId: "text", suspended: "boolean", ...FSRS_COLUMNS },
    db,
  );
  if (!card) throw new ActionError("not_found", "There is no such card.", { cardId: ["not one of your cards"] });
  if (card.suspended) {
    const r = await replayed();
    if (r) return r;
    throw new ActionError("conflict", "This card is suspended; unsuspend it before answering.");
  }
  if (input.expectedReps !== undefined && input.expectedReps !== card.reps) {
    const r = await replayed();
    if (r) return r;
    throw changedMeanwhile();
  }

  // ts-fsrs refuses a review before the card's last one (a negative elapsed time); a clock that
  // stepped back (NTP, another instance) must not make answering impossible.
  const now = card.lastReview && card.lastReview > (opts.now ?? new Date()) ? card.lastReview : (opts.now ?? new Date());
  const settings = opts.settings ?? (await getLearnerSettings(userId, db));
  const { card: next, log } = schedulerFor(settings.scheduling).answer(toSrsCard(card.id, card), rating, now);
  const before: FsrsColumns = card;
  const after = fsrsColumns(next);
  try {
    const created = await db.$transaction(async (tx) => {
      // The log row first: a concurrent copy of this request waits on (PostgreSQL) or collides
      // with (SQLite) its unique key, and rolls back.
      const row = await tx.reviewLog.create({
        data: {
          ownerId: userId,
          cardId: card.id,
          noteId: card.noteId,
          deckId: card.deckId,
          kind: "answer",
          rating,
          review: now,
          durationMs: input.durationMs === undefined ? null : Math.max(0, Math.min(MAX_DURATION_MS, Math.round(input.durationMs))),
          elapsedDays: log.elapsed_days,
          ...transitionColumns(before, after),
          idempotencyKey: key,
        },
        select: { id: true },
      });
      const updated = await tx.card.updateMany({ where: { id: card.id, due: before.due, reps: before.reps, state: before.state }, data: after });
      if (updated.count !== 1) throw new StaleCard();
      return row;
    });
    return { logId: created.id, cardId: card.id, rating, interval: formatInterval(after.due.getTime() - now.getTime()), card: outcome(after), replayed: false };
  } catch (error) {
    if (isUniqueViolation(error) || error instanceof StaleCard) {
      // A concurrent copy of this request committed first (same key): its result is the answer.
      const r = await replayed();
      if (r) return r;
      if (error instanceof StaleCard) throw changedMeanwhile();
    }
    throw error;
  }
}

export interface UndoInput {
  /** The answer to take back (AnswerResult.logId). */
  logId: number;
  idempotencyKey: string;
}

/**
 * Takes an answer back: appends an undo row and restores the card to its state before the answer.
 * Only the latest answer to a card can be taken back (the card must still be in the state that
 * answer left it in), so a session's answers are undone newest first, like Anki's undo.
 */
export async function undoAnswer(userId: string, input: UndoInput, opts: { now?: Date } = {}, db: Db = getDb()): Promise<UndoResult> {
  const key = storedKey(userId, input.idempotencyKey);
  const previous = await db.reviewLog.findUnique({ where: { idempotencyKey: key } });
  if (previous) return undoResultOf(replayOf(previous, { kind: "undo", undoesId: input.logId }), true);

  const answer = await db.reviewLog.findFirst({ where: { id: input.logId, ownerId: userId }, include: { undoneBy: { select: { id: true } } } });
  if (!answer || answer.kind !== "answer") throw new ActionError("not_found", "There is no such answer to undo.", { logId: ["not one of your answers"] });
  if (answer.undoneBy) throw new ActionError("conflict", "That answer was already undone.");
  const card = await db.card.findFirst({ where: { id: answer.cardId, ownerId: userId }, select: { id: true, ...fsrsSelect } });
  if (!card) throw new ActionError("not_found", "That card no longer exists, so its answer cannot be undone.");
  const answered = afterOf(answer);
  if (!sameState(card, answered)) throw new ActionError("conflict", "This card was answered again since; undo the later answer first.");

  const restored = beforeOf(answer);
  const now = opts.now ?? new Date();
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.reviewLog.create({
        data: {
          ownerId: userId,
          cardId: answer.cardId,
          noteId: answer.noteId,
          deckId: answer.deckId,
          kind: "undo",
          rating: answer.rating,
          review: now,
          elapsedDays: 0,
          ...transitionColumns(card, restored),
          idempotencyKey: key,
          undoesId: answer.id,
        },
      });
      const updated = await tx.card.updateMany({ where: { id: card.id, due: card.due, reps: card.reps, state: card.state }, data: restored });
      if (updated.count !== 1) throw new StaleCard();
      return created;
    });
    return undoResultOf(row, false);
  } catch (error) {
    const first = isUniqueViolation(error) || error instanceof StaleCard ? await db.reviewLog.findUnique({ where: { idempotencyKey: key } }) : null;
    if (first) return undoResultOf(replayOf(first, { kind: "undo", undoesId: input.logId }), true);
    if (isUniqueViolation(error)) throw new ActionError("conflict", "That answer was already undone.");
    if (error instanceof StaleCard) throw new ActionError("conflict", "This card was answered again since; undo the later answer first.");
    throw error;
  }
}
