/**
 * Readiness per exam domain: how likely the learner is to answer this domain's exam questions
 * right, from two kinds of evidence — scored quiz answers (practice and exam) and flashcard
 * retention of the cards tagged with the domain. Pure: the dashboard service feeds it counts.
 *
 * The rule, as the dashboard explains it:
 * - Quiz accuracy: of the learner's most recent scored answers in the domain (up to
 *   RECENT_ANSWERS, from the last WINDOW_DAYS), the share answered right. Scenario questions are
 *   what the exam asks, so this is the main signal.
 * - Card retention: of the learner's answers to the domain's cards in the Review state over the
 *   last WINDOW_DAYS, the share not rated Again (true retention, as Anki's statistics define it).
 *   Remembering facts supports, but does not prove, applying them — so it weighs less.
 * - Readiness = 70 % quiz accuracy + 30 % card retention when both have enough evidence
 *   (MIN_ANSWERS scored answers, MIN_REVIEWS reviews); either one alone when only it has enough;
 *   nothing (not enough data) when neither has.
 * - Levels use the practice exam's cut: ≥ 72 % is "ready" (the share that scales to 720),
 *   55–71 % "almost", below 55 % "needs work".
 */
import { DOMAINS, type DomainId } from "./domains";
import { DVA_C02 } from "./exam";

export const WINDOW_DAYS = 60;
export const RECENT_ANSWERS = 40;
export const MIN_ANSWERS = 5;
export const MIN_REVIEWS = 10;
export const QUIZ_WEIGHT = 0.7;
export const READY_PERCENT = DVA_C02.passingRawPercent;
export const ALMOST_PERCENT = 55;

export interface DomainEvidence {
  domain: DomainId;
  /** Scored quiz answers counted (already limited to the recent ones) and how many were right. */
  answers: number;
  correct: number;
  /** Card answers in the Review state in the window, and how many were not "Again". */
  reviews: number;
  passed: number;
}

export type ReadinessLevel = "ready" | "almost" | "needs-work" | "not-enough-data";

export interface DomainReadiness {
  domain: DomainId;
  name: string;
  weight: number;
  /** 0..100 (rounded down), or null without enough evidence. */
  percent: number | null;
  level: ReadinessLevel;
  /** 0..100 or null when below the minimum evidence. */
  quizPercent: number | null;
  cardPercent: number | null;
  answers: number;
  reviews: number;
  /** What the number rests on, in a sentence. */
  basis: string;
}

export interface Readiness {
  domains: DomainReadiness[];
  /** Domains' readiness weighted by the exam's domain weights, over the domains with data. */
  overall: number | null;
  /** Share (0..100) of the exam's weight covered by domains with data. */
  coverage: number;
}

const pct = (n: number, d: number) => Math.floor((n * 100) / d);

export function levelOf(percent: number | null): ReadinessLevel {
  if (percent === null) return "not-enough-data";
  return percent >= READY_PERCENT ? "ready" : percent >= ALMOST_PERCENT ? "almost" : "needs-work";
}

export function domainReadiness(e: DomainEvidence): Omit<DomainReadiness, "name" | "weight"> {
  const quizPercent = e.answers >= MIN_ANSWERS ? pct(e.correct, e.answers) : null;
  const cardPercent = e.reviews >= MIN_REVIEWS ? pct(e.passed, e.reviews) : null;
  let percent: number | null;
  let basis: string;
  if (quizPercent !== null && cardPercent !== null) {
    percent = Math.floor(QUIZ_WEIGHT * quizPercent + (1 - QUIZ_WEIGHT) * cardPercent);
    basis = `${e.correct} of ${e.answers} recent answers right and ${cardPercent}% card retention over ${e.reviews} reviews`;
  } else if (quizPercent !== null) {
    percent = quizPercent;
    basis = `${e.correct} of ${e.answers} recent answers right${e.reviews ? ` (only ${e.reviews} card review${e.reviews === 1 ? "" : "s"}, not yet counted)` : ""}`;
  } else if (cardPercent !== null) {
    percent = cardPercent;
    basis = `${cardPercent}% card retention over ${e.reviews} reviews${e.answers ? ` (only ${e.answers} quiz answer${e.answers === 1 ? "" : "s"}, not yet counted)` : ""}`;
  } else {
    percent = null;
    basis = `Answer at least ${MIN_ANSWERS} questions or review ${MIN_REVIEWS} cards from this domain` +
      (e.answers || e.reviews ? ` (so far ${e.answers} answer${e.answers === 1 ? "" : "s"}, ${e.reviews} review${e.reviews === 1 ? "" : "s"})` : "");
  }
  return { domain: e.domain, percent, level: levelOf(percent), quizPercent, cardPercent, answers: e.answers, reviews: e.reviews, basis };
}

export function readiness(evidence: readonly DomainEvidence[]): Readiness {
  const byDomain = new Map(evidence.map((e) => [e.domain, e]));
  const domains = DOMAINS.map((d) => ({
    ...domainReadiness(byDomain.get(d.id) ?? { domain: d.id, answers: 0, correct: 0, reviews: 0, passed: 0 }),
    name: d.name,
    weight: d.weight,
  }));
  const known = domains.filter((d) => d.percent !== null);
  const weight = known.reduce((s, d) => s + d.weight, 0);
  const total = DOMAINS.reduce((s, d) => s + d.weight, 0);
  return {
    domains,
    overall: weight ? Math.floor(known.reduce((s, d) => s + d.percent! * d.weight, 0) / weight) : null,
    coverage: Math.round((weight * 100) / total),
  };
}

/**
 * The recent-answers rule applied to raw answer rows (newest first or in any order): per domain,
 * the newest RECENT_ANSWERS answers given since `since`.
 */
export function recentAnswerCounts(
  rows: ReadonlyArray<{ domain: string; correct: boolean; at: Date }>,
  since: Date,
): Map<DomainId, { answers: number; correct: number }> {
  const out = new Map<DomainId, { answers: number; correct: number }>();
  const sorted = rows.filter((r) => r.at >= since).sort((a, b) => b.at.getTime() - a.at.getTime());
  for (const r of sorted) {
    if (!DOMAINS.some((d) => d.id === r.domain)) continue;
    const cur = out.get(r.domain as DomainId) ?? { answers: 0, correct: 0 };
    if (cur.answers >= RECENT_ANSWERS) continue;
    cur.answers++;
    if (r.correct) cur.correct++;
    out.set(r.domain as DomainId, cur);
  }
  return out;
}
