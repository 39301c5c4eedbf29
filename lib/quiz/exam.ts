/**
 * Practice exams in the AWS format: the blueprint as data, a seeded draw by domain weights,
 * all-or-nothing scoring, the scaled score and the clock — pure functions over plain data.
 */
import { DOMAINS, type DomainId } from "./domains";
import { correctIndexes, type BankQuestion } from "./question";
import { mulberry32, shuffled } from "../srs/prng";

export interface ExamBlueprint {
  id: string;
  name: string;
  questionCount: number;
  durationMinutes: number;
  scaledMin: number;
  scaledMax: number;
  passingScaled: number;
  /** Share of questions (in %) we treat as the cut score — our choice, see scalingExplanation. */
  passingRawPercent: number;
  domains: ReadonlyArray<{ id: DomainId; name: string; weight: number }>;
}

/**
 * AWS Certified Developer – Associate (DVA-C02) exam guide: 65 questions, 130 minutes, scaled
 * score 100–1000 with 720 to pass, domains weighted 32/26/24/18. (The real exam has 15 unscored
 * questions among the 65; a practice exam scores all of them.)
 */
export const DVA_C02: ExamBlueprint = {
  id: "dva-c02",
  name: "AWS Certified Developer – Associate (DVA-C02)",
  questionCount: 65,
  durationMinutes: 130,
  scaledMin: 100,
  scaledMax: 1000,
  passingScaled: 720,
  passingRawPercent: 72,
  domains: DOMAINS,
};

// ---------------------------------------------------------------------------------------------
// Drawing a question set

/** Largest-remainder apportionment of `count` seats by weight; ties go to the earlier entry. */
function apportion<K extends string>(count: number, weights: ReadonlyArray<{ id: K; weight: number }>): Map<K, number> {
  const total = weights.reduce((s, w) => s + w.weight, 0);
  const out = new Map<K, number>();
  if (total <= 0 || count <= 0) {
    for (const w of weights) out.set(w.id, 0);
    return out;
  }
  const exact = weights.map((w) => ({ id: w.id, q: (count * w.weight) / total }));
  let given = 0;
  for (const e of exact) {
    out.set(e.id, Math.floor(e.q));
    given += Math.floor(e.q);
  }
  const order = exact
    .map((e, i) => ({ ...e, i, r: e.q - Math.floor(e.q) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; given < count; k = (k + 1) % order.length, given++) out.set(order[k]!.id, out.get(order[k]!.id)! + 1);
  return out;
}

/** Questions per domain for an exam of `count` questions: DVA-C02's 65 → 21/17/15/12. */
export function domainTargets(blueprint: ExamBlueprint, count = blueprint.questionCount): Map<DomainId, number> {
  return apportion(count, blueprint.domains);
}

export interface ExamDraw {
  /** Question ids in exam order. */
  questionIds: string[];
  /** Per question: the order to show its options in, as indexes into `options`. */
  optionOrder: Record<string, number[]>;
  perDomain: Array<{ domain: DomainId; target: number; drawn: number; available: number }>;
  /** Plain-language notes when the bank could not fill the blueprint. */
  notes: string[];
}

/**
 * Draws an exam from the bank: questions per domain by the blueprint's weights, a domain with too
 * few questions gives all it has and its shortfall is shared among the others by weight (then
 * by whatever is left), and the exam is shorter only when the whole bank is. The same bank and
 * seed always give the same exam, whatever order the bank arrives in.
 */
export function drawExam(bank: readonly BankQuestion[], blueprint: ExamBlueprint, seed: string | number, count = blueprint.questionCount): ExamDraw {
  const random = mulberry32(seed);
  const pool = new Map<DomainId, BankQuestion[]>();
  for (const d of blueprint.domains) pool.set(d.id, []);
  for (const q of [...bank].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) pool.get(q.domain)?.push(q);
  const available = new Map([...pool].map(([d, qs]) => [d, qs.length]));
  const targets = domainTargets(blueprint, count);
  const take = new Map<DomainId, number>();
  for (const d of blueprint.domains) take.set(d.id, Math.min(targets.get(d.id)!, available.get(d.id)!));

  const notes: string[] = [];
  let missing = count - [...take.values()].reduce((s, n) => s + n, 0);
  while (missing > 0) {
    const spare = blueprint.domains.filter((d) => available.get(d.id)! > take.get(d.id)!);
    if (spare.length === 0) break;
    const extra = apportion(missing, spare);
    let placed = 0;
    for (const d of spare) {
      const add = Math.min(extra.get(d.id)!, available.get(d.id)! - take.get(d.id)!);
      take.set(d.id, take.get(d.id)! + add);
      placed += add;
    }
    if (placed === 0) {
      // Every share rounded to a domain already full: give one to the heaviest domain with room.
      take.set(spare[0]!.id, take.get(spare[0]!.id)! + 1);
      placed = 1;
    }
    missing -= placed;
  }
  for (const d of blueprint.domains) {
    if (available.get(d.id)! < targets.get(d.id)!) {
      notes.push(`${d.name}: the bank has ${available.get(d.id)} question(s), the blueprint asks for ${targets.get(d.id)}; the other domains filled the gap.`);
    }
  }
  if (missing > 0) notes.push(`The bank has only ${bank.length} question(s), so this exam has ${count - missing} instead of ${count}.`);

  const chosen: BankQuestion[] = [];
  for (const d of blueprint.domains) chosen.push(...shuffled(pool.get(d.id)!, random).slice(0, take.get(d.id)));
  const ordered = shuffled(chosen, random);
  const optionOrder: Record<string, number[]> = {};
  for (const q of ordered) optionOrder[q.id] = shuffled(q.options.map((_, i) => i), random);
  return {
    questionIds: ordered.map((q) => q.id),
    optionOrder,
    perDomain: blueprint.domains.map((d) => ({ domain: d.id, target: targets.get(d.id)!, drawn: take.get(d.id)!, available: available.get(d.id)! })),
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Selected option indexes (into the question's own `options`, not the shuffled display order). */
export type ExamAnswers = Readonly<Record<string, readonly number[] | undefined>>;

/** Exact match: a single needs its one right option; multiple response is all-or-nothing. */
export function isAnswerCorrect(q: Pick<BankQuestion, "options">, selected: readonly number[] | undefined): boolean {
  if (!selected) return false;
  const want = correctIndexes(q);
  const got = [...new Set(selected)].sort((a, b) => a - b);
  return got.length === want.length && got.every((v, i) => v === want[i]);
}

/**
 * Raw → scaled score. AWS does not publish how it equates raw results to its 100–1000 scale, so
 * we use a documented piecewise-linear map anchored at our cut score: 0 correct → 100, the cut
 * (passingRawPercent of the questions) → 720, all correct → 1000, straight lines between. Scores
 * are rounded down, so the scaled score reaches 720 exactly when the raw score reaches the cut.
 */
export function scaledScore(correct: number, total: number, b: ExamBlueprint = DVA_C02): number {
  if (total <= 0) return b.scaledMin;
  // Integers only (the cut is passingRawPercent × total / 100 questions), so no floating-point
  // drift can put a score at the cut one point below 720.
  const floorDiv = (num: number, den: number) => Math.floor(num / den);
  const cutNum = b.passingRawPercent * total; // cut = cutNum / 100 questions
  if (correct * 100 < cutNum) {
    return b.scaledMin + floorDiv((b.passingScaled - b.scaledMin) * correct * 100, cutNum);
  }
  const aboveNum = correct * 100 - cutNum;
  const rangeNum = total * 100 - cutNum;
  return rangeNum === 0 ? b.scaledMax : b.passingScaled + floorDiv((b.scaledMax - b.passingScaled) * aboveNum, rangeNum);
}

/** What the results page says about the number. */
export function scalingExplanation(b: ExamBlueprint = DVA_C02): string {
  return (
    `Your score is on AWS's ${b.scaledMin}–${b.scaledMax} scale, where ${b.passingScaled} passes. ` +
    `AWS does not publish how it converts the number of correct answers into that scale (it adjusts ` +
    `for the difficulty of each exam form, and some of its questions are unscored), so this practice ` +
    `exam uses a simple, published rule instead: answering ${b.passingRawPercent}% of the questions ` +
    `correctly is worth exactly ${b.passingScaled}; fewer correct answers scale in a straight line down ` +
    `to ${b.scaledMin} for none, more scale up to ${b.scaledMax} for all. Multiple-response questions count ` +
    `only when every right option, and no wrong one, is chosen — as on the real exam. Treat the result ` +
    `as a guide to your readiness, not a prediction of your AWS score.`
  );
}

export interface DomainResult {
  domain: DomainId;
  name: string;
  total: number;
  correct: number;
  /** 0..100, rounded down; null when the exam had no question from this domain. */
  percent: number | null;
  /** AWS score reports rate each section "Meets Competencies" or "Needs Improvement". */
  rating: "meets-competencies" | "needs-improvement" | null;
}

export interface ExamResult {
  total: number;
  correct: number;
  answered: number;
  scaled: number;
  passed: boolean;
  perDomain: DomainResult[];
  perQuestion: Array<{ id: string; domain: DomainId; correct: boolean; answered: boolean }>;
}

export function scoreExam(questions: readonly BankQuestion[], answers: ExamAnswers, b: ExamBlueprint = DVA_C02): ExamResult {
  const perQuestion = questions.map((q) => ({
    id: q.id,
    domain: q.domain,
    answered: (answers[q.id]?.length ?? 0) > 0,
    correct: isAnswerCorrect(q, answers[q.id]),
  }));
  const correct = perQuestion.filter((p) => p.correct).length;
  const scaled = scaledScore(correct, questions.length, b);
  const perDomain: DomainResult[] = b.domains.map((d) => {
    const mine = perQuestion.filter((p) => p.domain === d.id);
    const ok = mine.filter((p) => p.correct).length;
    return {
      domain: d.id,
      name: d.name,
      total: mine.length,
      correct: ok,
      percent: mine.length ? Math.floor((ok * 100) / mine.length) : null,
      rating: mine.length ? (ok * 100 >= b.passingRawPercent * mine.length ? "meets-competencies" : "needs-improvement") : null,
    };
  });
  return {
    total: questions.length,
    correct,
    answered: perQuestion.filter((p) => p.answered).length,
    scaled,
    passed: scaled >= b.passingScaled,
    perDomain,
    perQuestion,
  };
}

// ---------------------------------------------------------------------------------------------
// The clock

/** Answers arriving this long after the deadline still count (network and clock skew). */
export const SUBMIT_GRACE_MS = 5_000;

export function examDeadline(startedAt: Date, durationMinutes: number): Date {
  return new Date(startedAt.getTime() + durationMinutes * 60_000);
}

export function remainingMs(now: Date, deadline: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/** Past the deadline plus the grace: no more answers are accepted. */
export function isExpired(now: Date, deadline: Date, graceMs = SUBMIT_GRACE_MS): boolean {
  return now.getTime() > deadline.getTime() + graceMs;
}

export interface AttemptClock {
  startedAt: Date;
  durationMinutes: number;
  submittedAt?: Date | null;
}

/**
 * What to do with an attempt at `now`: keep going, or submit it because time ran out (the server
 * decides on every request and on a sweep, so a closed tab or a restart still submits it). The
 * submission is recorded at the deadline, not at the moment the sweep noticed.
 */
export function autoSubmitDecision(a: AttemptClock, now: Date, graceMs = SUBMIT_GRACE_MS):
  | { action: "none"; remainingMs: number }
  | { action: "already-submitted" }
  | { action: "submit"; reason: "time-expired"; submittedAt: Date } {
  if (a.submittedAt) return { action: "already-submitted" };
  const deadline = examDeadline(a.startedAt, a.durationMinutes);
  if (isExpired(now, deadline, graceMs)) return { action: "submit", reason: "time-expired", submittedAt: deadline };
  return { action: "none", remainingMs: remainingMs(now, deadline) };
}

/** Can an answer given at `now` be saved? Only before submission and within the deadline + grace. */
export function canSaveAnswer(a: AttemptClock, now: Date, graceMs = SUBMIT_GRACE_MS): boolean {
  return !a.submittedAt && !isExpired(now, examDeadline(a.startedAt, a.durationMinutes), graceMs);
}

/** "2:09:59", "4:05", "0:00" — the countdown. */
export function formatRemaining(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
