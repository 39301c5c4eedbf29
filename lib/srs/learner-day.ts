/**
 * The learner's day: the unit every daily limit, burial, heatmap bucket and streak is counted in.
 *
 * Like Anki, a day does not end at midnight but at a configurable rollover hour (Anki's default is
 * 4 am, "Next day starts at" in its preferences), so a late-night session still counts for the day
 * it belongs to. The learner's zone is a fixed UTC offset in minutes, positive east of Greenwich
 * (CET = +60, New York in winter = -300) — note this is the NEGATION of JavaScript's
 * `Date#getTimezoneOffset()`. A fixed offset keeps every function here pure and deterministic; a
 * learner whose zone changes offset with daylight saving time updates the setting (the service can
 * derive it from an IANA zone at request time).
 */

export interface LearnerDayConfig {
  /** Minutes east of UTC, -840..840. */
  utcOffsetMinutes: number;
  /** Hour of the learner's local clock at which a new day starts, 0..23 (Anki: 4). */
  rolloverHour: number;
}

export const defaultLearnerDayConfig: LearnerDayConfig = { utcOffsetMinutes: 0, rolloverHour: 4 };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

function shiftMs(cfg: LearnerDayConfig): number {
  return cfg.utcOffsetMinutes * MINUTE_MS - cfg.rolloverHour * HOUR_MS;
}

/**
 * Number of the learner day containing `instant`: day 0 is the learner day that starts at the
 * rollover hour of 1970-01-01 local time. Consecutive days have consecutive numbers.
 */
export function learnerDayNumber(instant: Date, cfg: LearnerDayConfig): number {
  return Math.floor((instant.getTime() + shiftMs(cfg)) / DAY_MS);
}

/** The instant (UTC) at which learner day `day` starts. */
export function learnerDayStart(day: number, cfg: LearnerDayConfig): Date {
  return new Date(day * DAY_MS - shiftMs(cfg));
}

/** "YYYY-MM-DD" of the learner day `day`, as the learner's calendar names it. */
export function learnerDayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Start of the learner's current day and of the next one, for "due today" cut-offs. */
export function todayBounds(now: Date, cfg: LearnerDayConfig): { day: number; start: Date; end: Date } {
  const day = learnerDayNumber(now, cfg);
  return { day, start: learnerDayStart(day, cfg), end: learnerDayStart(day + 1, cfg) };
}

/** Checks a config coming from settings; returns a message naming the bad field, or null. */
export function learnerDayConfigProblem(cfg: LearnerDayConfig): string | null {
  if (!Number.isInteger(cfg.utcOffsetMinutes) || Math.abs(cfg.utcOffsetMinutes) > 14 * 60) {
    return `utcOffsetMinutes: expected an integer between -840 and 840, got ${cfg.utcOffsetMinutes}`;
  }
  if (!Number.isInteger(cfg.rolloverHour) || cfg.rolloverHour < 0 || cfg.rolloverHour > 23) {
    return `rolloverHour: expected an integer hour 0..23, got ${cfg.rolloverHour}`;
  }
  return null;
}
