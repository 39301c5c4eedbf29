/**
 * Study goals as attempts the grading rules understand (pure).
 * - reviews N: answers given from the opening on. Reaching N is a full-marks attempt at the
 *   moment of the N-th answer (late if after the due date, so the late policy applies); past the
 *   due date, the share reached by then is an on-time attempt as well, and the best one counts.
 * - retention R: true retention (Anki's: answers to cards in the Review state not rated Again)
 *   over the answers between the opening and the due date; judged from MIN_RETENTION_REVIEWS such
 *   answers on (fewer say little), scaled down below that. Reviews after the due date do not
 *   count: the goal is about the period. Before the due date the measure so far is provisional.
 */
import type { AttemptScore } from "./grading";

export const MIN_RETENTION_REVIEWS = 20;
/** ts-fsrs State.Review and Rating.Again / Rating.Manual. */
const STATE_REVIEW = 2;
const RATING_AGAIN = 1;
const RATING_MANUAL = 0;
/** The ref of the share a reviews goal reached by its due date (an attempt the goal makes, not the learner). */
export const BY_DUE_REF = "by-due";

export interface GoalAnswer {
  review: Date;
  rating: number;
  /** The card's state before the answer. */
  state: number;
}

export interface GoalProgress {
  attempts: AttemptScore[];
  /** Something was done towards the goal. */
  begun: boolean;
  /** The goal is met for good (no later answer can change it). */
  complete: boolean;
  /** "42 / 100 reviews", "retention 87 % over 34 reviews". */
  detail: string;
  /** Progress so far, 0..1, for a bar. */
  progress: number;
}

export function reviewsGoal(answers: readonly GoalAnswer[], target: number, opensAt: Date, dueAt: Date, now: Date): GoalProgress {
  const counted = answers.filter((a) => a.rating !== RATING_MANUAL && a.review.getTime() >= opensAt.getTime() && a.review.getTime() <= now.getTime()).sort((a, b) => a.review.getTime() - b.review.getTime());
  const onTime = counted.filter((a) => a.review.getTime() <= dueAt.getTime()).length;
  const attempts: AttemptScore[] = [];
  const reached = counted.length >= target ? counted[target - 1]!.review : null;
  if (reached) attempts.push({ at: reached, ratio: 1, ref: "goal" });
  if (now.getTime() > dueAt.getTime() && onTime < target) attempts.push({ at: dueAt, ratio: onTime / target, ref: BY_DUE_REF });
  return {
    attempts,
    begun: counted.length > 0,
    complete: reached !== null,
    detail: `${Math.min(counted.length, target)} / ${target} reviews`,
    progress: Math.min(1, counted.length / target),
  };
}

export function retentionGoal(answers: readonly GoalAnswer[], target: number, opensAt: Date, dueAt: Date, now: Date): GoalProgress {
  const end = Math.min(now.getTime(), dueAt.getTime());
  const inWindow = answers.filter((a) => a.rating !== RATING_MANUAL && a.review.getTime() >= opensAt.getTime() && a.review.getTime() <= end);
  const reviews = inWindow.filter((a) => a.state === STATE_REVIEW);
  const passed = reviews.filter((a) => a.rating !== RATING_AGAIN).length;
  const retention = reviews.length ? passed / reviews.length : 0;
  const volume = Math.min(1, reviews.length / MIN_RETENTION_REVIEWS);
  const ratio = Math.min(1, retention / target) * volume;
  const attempts: AttemptScore[] = reviews.length ? [{ at: new Date(end), ratio, ref: "retention" }] : [];
  const pct = Math.round(retention * 100);
  return {
    attempts,
    begun: inWindow.length > 0,
    complete: now.getTime() > dueAt.getTime(),
    detail: reviews.length ? `retention ${pct} % over ${reviews.length} review${reviews.length === 1 ? "" : "s"}${reviews.length < MIN_RETENTION_REVIEWS ? ` (${MIN_RETENTION_REVIEWS} needed)` : ""}` : "no reviews of learned cards yet",
    progress: ratio,
  };
}
