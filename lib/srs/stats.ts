/**
 * Study statistics as pure functions over review-log rows and card rows, bucketed in the
 * learner's day (rollover hour and UTC offset, see learner-day.ts).
 */
import { Rating, State } from "ts-fsrs";
import { learnerDayLabel, learnerDayNumber, type LearnerDayConfig } from "./learner-day";

/** The fields of a review-log row the statistics read (`state` = the card's state BEFORE the answer). */
export interface StatsLog {
  rating: Rating;
  state: State;
  review: Date;
}

export interface StatsCard {
  state: State;
  due: Date;
  suspended: boolean;
}

export interface DayCount {
  /** "YYYY-MM-DD" of the learner day. */
  day: string;
  count: number;
}

/** Answers per learner day, for the heatmap calendar; only days with answers, oldest first. */
export function heatmap(logs: readonly StatsLog[], cfg: LearnerDayConfig): DayCount[] {
  const counts = new Map<number, number>();
  for (const l of logs) {
    if (l.rating === Rating.Manual) continue;
    const d = learnerDayNumber(l.review, cfg);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([d, count]) => ({ day: learnerDayLabel(d), count }));
}

export interface RetentionBucket {
  /** "2026-W09" (ISO week, Monday first) or "2026-03". */
  period: string;
  reviews: number;
  passed: number;
  /** passed / reviews, or null when there were no reviews. */
  retention: number | null;
}

function isoWeekLabel(day: number): string {
  // ISO 8601: the week belongs to the year of its Thursday.
  const date = new Date(day * 86_400_000);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * True retention (Anki's "True Retention" table): of the answers given to cards in the Review
 * state, the share not rated Again. Learning and relearning steps are excluded — they measure
 * short-term memory, not whether scheduled reviews are remembered.
 */
export function trueRetention(logs: readonly StatsLog[], period: "week" | "month", cfg: LearnerDayConfig): RetentionBucket[] {
  const buckets = new Map<string, { reviews: number; passed: number }>();
  for (const l of logs) {
    if (l.state !== State.Review || l.rating === Rating.Manual) continue;
    const day = learnerDayNumber(l.review, cfg);
    const key = period === "week" ? isoWeekLabel(day) : learnerDayLabel(day).slice(0, 7);
    const b = buckets.get(key) ?? { reviews: 0, passed: 0 };
    b.reviews++;
    if (l.rating !== Rating.Again) b.passed++;
    buckets.set(key, b);
  }
  return [...buckets.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([p, b]) => ({ period: p, reviews: b.reviews, passed: b.passed, retention: b.reviews ? b.passed / b.reviews : null }));
}

/**
 * Cards falling due on each of the next `days` learner days (index 0 = today, overdue included).
 * New and suspended cards are not due; learning cards count on the day of their due time.
 */
export function dueForecast(cards: readonly StatsCard[], now: Date, cfg: LearnerDayConfig, days = 30): DayCount[] {
  const today = learnerDayNumber(now, cfg);
  const counts = new Array<number>(days).fill(0);
  for (const c of cards) {
    if (c.suspended || c.state === State.New) continue;
    const offset = Math.max(0, learnerDayNumber(c.due, cfg) - today);
    if (offset < days) counts[offset]!++;
  }
  return counts.map((count, i) => ({ day: learnerDayLabel(today + i), count }));
}

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  total: number;
}

/** Cards by FSRS state; suspended cards are counted apart, not in their state. */
export function countsByState(cards: readonly StatsCard[]): StateCounts {
  const out: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: cards.length };
  for (const c of cards) {
    if (c.suspended) out.suspended++;
    else if (c.state === State.New) out.new++;
    else if (c.state === State.Learning) out.learning++;
    else if (c.state === State.Review) out.review++;
    else out.relearning++;
  }
  return out;
}

/**
 * Consecutive learner days with at least one answer. `current` counts back from today; a streak
 * whose last day is yesterday is still alive (today is not over), so it counts back from yesterday.
 */
export function streak(logs: readonly StatsLog[], now: Date, cfg: LearnerDayConfig): { current: number; longest: number } {
  const days = new Set(logs.filter((l) => l.rating !== Rating.Manual).map((l) => learnerDayNumber(l.review, cfg)));
  const today = learnerDayNumber(now, cfg);
  let start = days.has(today) ? today : today - 1;
  let current = 0;
  while (days.has(start)) {
    current++;
    start--;
  }
  let longest = 0;
  for (const d of days) {
    if (days.has(d - 1)) continue; // not the first day of a run
    let len = 1;
    while (days.has(d + len)) len++;
    longest = Math.max(longest, len);
  }
  return { current, longest };
}
