/**
 * Today's study queue, selected purely from plain card rows — the same rules the database query
 * must follow (the service can pre-filter with `dueCutoffs` and hand the rows here).
 *
 * Order (Anki's v3 scheduler, simplified to one fixed mix): intraday learning cards that are due
 * now, by due time; then review cards due today, by due date; then new cards by their position in
 * the deck; then learning cards that fall due within the learn-ahead window (Anki's "Learn ahead
 * limit", default 20 minutes), so a learner with nothing else to do need not wait.
 *
 * Limits are per deck and per learner day (Anki's defaults: 20 new, 200 reviews): answers already
 * given today count against them — new cards introduced today against "new/day", answers to
 * review-state cards against "reviews/day". Learning cards are never limited: they were started
 * and must be finished. Siblings (other cards of a note) are buried for the rest of the day once
 * one card of the note is answered, and at most one new or review card per note is gathered into
 * a day's queue (Anki's "bury new/review siblings").
 */
import { State } from "ts-fsrs";
import { todayBounds, type LearnerDayConfig } from "./learner-day";

export interface QueueCard {
  id: string;
  noteId: string;
  deckId: string;
  state: State;
  due: Date;
  /** ts-fsrs sets it ≥ 1 for a learning step of a day or more ("1d"), 0 for minute steps. */
  scheduled_days: number;
  suspended: boolean;
  /** Manual or sibling bury: hidden until this instant. */
  buriedUntil?: Date | null;
  /** Order of new cards inside the deck (lower first). */
  position: number;
}

export interface DeckLimits {
  deckId: string;
  newPerDay: number;
  reviewsPerDay: number;
}

export const defaultDeckLimits = { newPerDay: 20, reviewsPerDay: 200 } as const;

/** An answer already given (a review-log row): `state` is the card's state BEFORE the answer. */
export interface AnswerToday {
  cardId: string;
  noteId: string;
  deckId: string;
  state: State;
  review: Date;
}

export interface QueueOptions {
  now: Date;
  day: LearnerDayConfig;
  /** Minutes; Anki's default 20. */
  learnAheadMinutes?: number;
}

export interface StudyQueue {
  /** Everything to show, in order; the first element is the next card. */
  cards: QueueCard[];
  counts: { learning: number; review: number; new: number };
  /** Learning cards due later today, beyond the learn-ahead window ("come back at …"). */
  learningLaterToday: number;
  nextLearningDue: Date | null;
}

export interface DueCutoffs {
  /** Review cards are due when `due < endOfToday`. */
  endOfToday: Date;
  startOfToday: Date;
  /** Intraday learning cards are in the queue when `due <= learnAheadUntil`. */
  learnAheadUntil: Date;
}

export function dueCutoffs(opts: QueueOptions): DueCutoffs {
  const { start, end } = todayBounds(opts.now, opts.day);
  const learnAhead = (opts.learnAheadMinutes ?? 20) * 60_000;
  return { startOfToday: start, endOfToday: end, learnAheadUntil: new Date(opts.now.getTime() + learnAhead) };
}

const isLearning = (c: { state: State }) => c.state === State.Learning || c.state === State.Relearning;

/** A learning step of a day or more (e.g. "1d") is due by day, like a review. */
function isInterdayLearning(c: Pick<QueueCard, "state" | "scheduled_days">): boolean {
  return isLearning(c) && c.scheduled_days >= 1;
}

/** Is the card waiting to be studied now (Anki's `is:due`, learn-ahead included)? */
export function isDue(c: Pick<QueueCard, "state" | "due" | "scheduled_days" | "suspended" | "buriedUntil">, cut: DueCutoffs, now: Date): boolean {
  if (c.suspended || (c.buriedUntil && c.buriedUntil > now)) return false;
  if (c.state === State.Review) return c.due < cut.endOfToday;
  if (isLearning(c)) {
    return isInterdayLearning(c) ? c.due < cut.endOfToday : c.due <= cut.learnAheadUntil;
  }
  return false;
}

const byDueThenId = (a: QueueCard, b: QueueCard) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPositionThenId = (a: QueueCard, b: QueueCard) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildQueue(
  cards: readonly QueueCard[],
  limits: readonly DeckLimits[],
  answers: readonly AnswerToday[],
  opts: QueueOptions,
): StudyQueue {
  const cut = dueCutoffs(opts);
  const now = opts.now;
  const today = answers.filter((a) => a.review >= cut.startOfToday && a.review < cut.endOfToday);

  const limitOf = new Map(limits.map((l) => [l.deckId, l]));
  const left = new Map<string, { new: number; review: number }>();
  const remaining = (deckId: string) => {
    let r = left.get(deckId);
    if (!r) {
      const l = limitOf.get(deckId) ?? { ...defaultDeckLimits, deckId };
      r = { new: Math.max(0, l.newPerDay), review: Math.max(0, l.reviewsPerDay) };
      left.set(deckId, r);
    }
    return r;
  };
  for (const a of today) {
    const r = remaining(a.deckId);
    if (a.state === State.New) r.new = Math.max(0, r.new - 1);
    else if (a.state === State.Review) r.review = Math.max(0, r.review - 1);
  }
  const answeredCard = new Set(today.map((a) => a.cardId));
  const answeredNote = new Set(today.map((a) => a.noteId));
  // A sibling answered today buries the rest of the note's new and review cards until tomorrow.
  const buriedBySibling = (c: QueueCard) => answeredNote.has(c.noteId) && !answeredCard.has(c.id);

  const learnNow: QueueCard[] = [];
  const learnAhead: QueueCard[] = [];
  const reviews: QueueCard[] = [];
  const fresh: QueueCard[] = [];
  let learningLaterToday = 0;
  let nextLearningDue: Date | null = null;

  for (const c of cards) {
    if (c.suspended || (c.buriedUntil && c.buriedUntil > now)) continue;
    if (isLearning(c)) {
      if (isInterdayLearning(c)) {
        if (c.due < cut.endOfToday && !buriedBySibling(c)) learnNow.push(c);
      } else if (c.due <= now) learnNow.push(c);
      else if (c.due <= cut.learnAheadUntil) learnAhead.push(c);
      else if (c.due < cut.endOfToday) {
        learningLaterToday++;
        if (!nextLearningDue || c.due < nextLearningDue) nextLearningDue = c.due;
      }
    } else if (c.state === State.Review) {
      if (c.due < cut.endOfToday && !buriedBySibling(c)) reviews.push(c);
    } else if (c.state === State.New && !buriedBySibling(c)) fresh.push(c);
  }

  learnNow.sort(byDueThenId);
  learnAhead.sort(byDueThenId);
  reviews.sort(byDueThenId);
  fresh.sort(byPositionThenId);

  const gatheredNotes = new Set<string>();
  const take = (pool: QueueCard[], kind: "new" | "review") => {
    const out: QueueCard[] = [];
    for (const c of pool) {
      const r = remaining(c.deckId);
      if (r[kind] <= 0 || gatheredNotes.has(c.noteId)) continue;
      r[kind]--;
      gatheredNotes.add(c.noteId);
      out.push(c);
    }
    return out;
  };
  const dueReviews = take(reviews, "review");
  const newCards = take(fresh, "new");

  return {
    cards: [...learnNow, ...dueReviews, ...newCards, ...learnAhead],
    counts: { learning: learnNow.length + learnAhead.length, review: dueReviews.length, new: newCards.length },
    learningLaterToday,
    nextLearningDue,
  };
}
