/**
 * Grading an assignment from a learner's attempts: which attempts count (opened, within the
 * allowance), what lateness costs (the late policy), and which counted attempt makes the grade
 * (the grading method). Pure: the gradebook feeds it attempts read from the database, so a
 * changed policy or method re-grades past attempts at once — no grade is ever stored.
 */

export type LatePolicy = "accept" | "penalty" | "refuse";
export type GradingMethod = "highest" | "latest" | "average" | "first";

export const LATE_POLICIES: readonly LatePolicy[] = ["accept", "penalty", "refuse"];
export const GRADING_METHODS: readonly GradingMethod[] = ["highest", "latest", "average", "first"];

export const LATE_POLICY_LABELS: Record<LatePolicy, string> = {
  accept: "Accept late work",
  penalty: "Accept with a penalty per day",
  refuse: "Refuse late work",
};

export const GRADING_METHOD_LABELS: Record<GradingMethod, string> = {
  highest: "Highest attempt",
  latest: "Latest attempt",
  average: "Average of attempts",
  first: "First attempt",
};

export interface GradingRules {
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
  /** Percent of the score taken off per started day late (penalty policy only). */
  latePenaltyPct: number;
  /** null = unlimited. */
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
}

export interface AttemptScore {
  /** When it was handed in (a lab attempt's creation, an exam's submission). */
  at: Date;
  /** Share of the marks, 0..1. */
  ratio: number;
  /** The attempt's id, to link to it. */
  ref?: string;
}

export interface CountedAttempt extends AttemptScore {
  /** Whole or started days after the due date (0 when on time). */
  daysLate: number;
  /** The ratio after the late penalty. */
  adjusted: number;
}

export interface GradeResult {
  /** The grade, 0..1, or null when nothing counts (yet). */
  ratio: number | null;
  counted: CountedAttempt[];
  /** Attempts handed in from the opening on, counted or not (refused late ones included). */
  used: number;
  /** null = unlimited. */
  left: number | null;
  /** The grade rests on a late attempt (latest/first/highest picked one; average included one). */
  late: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Days late, counted in started 24-hour periods after the due instant (a minute late is one
 * day): the same for every learner whatever their time zone, and what Moodle and Canvas call a
 * "late day".
 */
export function daysLate(at: Date, dueAt: Date): number {
  const ms = at.getTime() - dueAt.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/** A late attempt's share after the policy, or null when the policy refuses it. */
export function applyLatePolicy(ratio: number, days: number, rules: Pick<GradingRules, "latePolicy" | "latePenaltyPct">): number | null {
  if (days <= 0) return ratio;
  switch (rules.latePolicy) {
    case "accept":
      return ratio;
    case "refuse":
      return null;
    case "penalty":
      // The penalty is taken off the score as a share of full marks' worth (Canvas's "deduct N %
      // per day"), floored at 0.
      return Math.max(0, ratio * (1 - (rules.latePenaltyPct / 100) * days));
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

export function gradeAttempts(attempts: readonly AttemptScore[], rules: GradingRules): GradeResult {
  const ordered = attempts
    .filter((a) => a.at.getTime() >= rules.opensAt.getTime())
    .slice()
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.ref ?? "").localeCompare(b.ref ?? ""));
  // The allowance counts attempts in the order they were made; later ones are ignored, so an
  // extra attempt can never replace a counted one.
  const allowed = rules.attemptsAllowed === null ? ordered : ordered.slice(0, rules.attemptsAllowed);
  const counted: CountedAttempt[] = [];
  for (const a of allowed) {
    const days = daysLate(a.at, rules.dueAt);
    const adjusted = applyLatePolicy(clamp01(a.ratio), days, rules);
    if (adjusted !== null) counted.push({ ...a, ratio: clamp01(a.ratio), daysLate: days, adjusted });
  }
  const used = ordered.length;
  const left = rules.attemptsAllowed === null ? null : Math.max(0, rules.attemptsAllowed - used);
  if (!counted.length) return { ratio: null, counted, used, left, late: false };
  let ratio: number;
  let late: boolean;
  switch (rules.gradingMethod) {
    case "first":
      ratio = counted[0]!.adjusted;
      late = counted[0]!.daysLate > 0;
      break;
    case "latest":
      ratio = counted[counted.length - 1]!.adjusted;
      late = counted[counted.length - 1]!.daysLate > 0;
      break;
    case "average":
      ratio = counted.reduce((s, a) => s + a.adjusted, 0) / counted.length;
      late = counted.some((a) => a.daysLate > 0);
      break;
    case "highest": {
      // Ties go to the earliest attempt (an on-time one before a late one of the same worth).
      let best = counted[0]!;
      for (const a of counted) if (a.adjusted > best.adjusted) best = a;
      ratio = best.adjusted;
      late = best.daysLate > 0;
      break;
    }
  }
  return { ratio, counted, used, left, late };
}

export type AssignmentStatus = "not_started" | "in_progress" | "submitted" | "late" | "missed" | "graded";

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
  late: "Late",
  missed: "Missed",
  graded: "Graded",
};

/**
 * - not started: nothing handed in or begun;
 * - in progress: begun (an unsubmitted exam, saved lab predictions, part of a study goal);
 * - submitted: counted work, and it may still change (before the due date, attempts left);
 * - graded: the grade is final (past the due date, or no attempt left);
 * - late: past the due date with nothing counted while late work is still taken, or the grade
 *   rests on late work;
 * - missed: nothing counted and nothing more can — past the due date under "refuse late work",
 *   or every allowed attempt used without one counting. The gradebook counts it as 0
 *   (effectiveRatio) and the learner is told it is closed rather than shown a way in.
 */
export function assignmentStatus(input: { now: Date; rules: Pick<GradingRules, "dueAt" | "latePolicy">; grade: GradeResult; begun: boolean; complete?: boolean }): AssignmentStatus {
  const { now, rules, grade, begun } = input;
  const pastDue = now.getTime() > rules.dueAt.getTime();
  if (grade.ratio !== null) {
    if (grade.late) return "late";
    const final = pastDue || grade.left === 0 || input.complete === true;
    return final ? "graded" : "submitted";
  }
  if ((pastDue && rules.latePolicy === "refuse") || grade.left === 0) return "missed";
  if (pastDue) return "late";
  return begun ? "in_progress" : "not_started";
}

/**
 * What lateness did to a grade, in words for the learner and the gradebook: attempts the policy
 * refused, and the days late (and the penalty taken) of the late work the grade rests on.
 * "" when lateness played no part.
 */
export function lateNote(grade: GradeResult, rules: Pick<GradingRules, "dueAt" | "latePolicy" | "latePenaltyPct" | "attemptsAllowed">): string {
  const parts: string[] = [];
  const allowed = rules.attemptsAllowed === null ? grade.used : Math.min(grade.used, rules.attemptsAllowed);
  const refused = allowed - grade.counted.length;
  if (refused > 0) parts.push(`${refused} late attempt${refused === 1 ? "" : "s"} not accepted`);
  if (grade.late) {
    const days = Math.max(...grade.counted.filter((c) => c.daysLate > 0).map((c) => c.daysLate));
    const penalty = rules.latePolicy === "penalty" ? Math.min(100, rules.latePenaltyPct * days) : 0;
    parts.push(`late by ${days} day${days === 1 ? "" : "s"}${penalty > 0 ? ` (−${penalty} %)` : ""}`);
  }
  return parts.join(" · ");
}

/** 0..1 → "87.5" (percent, at most one decimal), or "" for no grade. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return "";
  return String(Math.round(ratio * 1000) / 10);
}

/**
 * The grade a gradebook shows and averages: the graded ratio; 0 for work that can no longer be
 * handed in (past due under "refuse"); otherwise null — still possible, so not yet a zero.
 */
export function effectiveRatio(grade: GradeResult, rules: Pick<GradingRules, "dueAt" | "latePolicy">, now: Date): number | null {
  if (grade.ratio !== null) return grade.ratio;
  const closed = now.getTime() > rules.dueAt.getTime() && rules.latePolicy === "refuse";
  return closed || grade.left === 0 ? 0 : null;
}
