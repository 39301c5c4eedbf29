/**
 * Comparing predictions with truths. Credit is 0..1 per question; points = credit × the
 * question's points, rounded to 2 decimals. The rules (also shown to learners, see CREDIT_RULES):
 *
 *   number        full credit when |prediction − truth| ≤ tolerance (exact when tolerance is 0)
 *   boolean       full credit when equal
 *   choice        full credit when the right option is picked
 *   multi-choice  (right picks − wrong picks) ÷ number of right options, floored at 0;
 *                 when no option is right, full credit only for picking none
 *   ordered       (pairs in the right relative order − pairs in the wrong order) ÷ all pairs,
 *                 floored at 0 (Kendall's tau, so one swap of neighbours costs little and a
 *                 reversed list earns nothing)
 *   text          full credit when equal after normalising: Unicode NFKC, trimmed, case-folded,
 *                 runs of white space collapsed — against the truth or any accepted alias
 */
import type { AnswerValue, LabQuestion, QuestionResult, QuestionType, Scalar } from "./types";

export const CREDIT_RULES: Record<QuestionType, (q: LabQuestion) => string> = {
  number: (q) => (q.type === "number" && q.tolerance > 0 ? `Full points when your number is within ±${q.tolerance} of the answer.` : "Full points for the exact number."),
  boolean: () => "Full points for the right answer.",
  choice: () => "Full points for the right option.",
  "multi-choice": () => "Partial credit: (right picks − wrong picks) ÷ number of right options, never below 0.",
  ordered: () => "Partial credit: (pairs in the right order − pairs in the wrong order) ÷ all pairs, never below 0.",
  text: () => "Full points when your text matches; case, extra spaces and surrounding spaces are ignored.",
};

export function normaliseText(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export interface Truth {
  value: unknown;
  accepted?: string[];
}

/** Credit 0..1 for one prediction (null = not answered). */
export function creditFor(q: LabQuestion, truth: Truth, prediction: AnswerValue | null): number {
  if (prediction === null) return 0;
  const t = truth.value;
  switch (q.type) {
    case "number":
      // The epsilon absorbs binary floating point (0.1 + 0.2), not a real difference.
      return typeof prediction === "number" && typeof t === "number" && Math.abs(prediction - t) <= q.tolerance + 1e-9 ? 1 : 0;
    case "boolean":
    case "choice":
      return prediction === t ? 1 : 0;
    case "multi-choice": {
      const right = (t as Scalar[]) ?? [];
      const picks = prediction as Scalar[];
      if (right.length === 0) return picks.length === 0 ? 1 : 0;
      const hits = picks.filter((p) => right.includes(p)).length;
      return Math.max(0, (hits - (picks.length - hits)) / right.length);
    }
    case "ordered": {
      const truthOrder = t as Scalar[];
      const rank = new Map(truthOrder.map((v, i) => [v, i]));
      const ranks = (prediction as Scalar[]).map((v) => rank.get(v) ?? -1);
      const n = ranks.length;
      if (n < 2) return ranks[0] === 0 ? 1 : 0;
      let concordant = 0;
      let discordant = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) (ranks[i]! < ranks[j]! ? concordant++ : discordant++);
      return Math.max(0, (concordant - discordant) / ((n * (n - 1)) / 2));
    }
    case "text": {
      if (typeof prediction !== "string") return 0;
      const p = normaliseText(prediction);
      const accepted = truth.accepted ?? (typeof t === "string" ? [t] : []);
      return accepted.some((a) => normaliseText(a) === p) ? 1 : 0;
    }
  }
}

export function gradeQuestion(q: LabQuestion, truth: Truth, prediction: AnswerValue | null): QuestionResult {
  const credit = creditFor(q, truth, prediction);
  return {
    id: q.id,
    type: q.type,
    prediction,
    truth: truth.value,
    correct: credit === 1,
    credit: round2(credit),
    points: round2(credit * q.points),
    maxPoints: q.points,
    explanation: q.explanation,
    ...(q.type === "text" ? { accepted: truth.accepted ?? [] } : {}),
  };
}

export function totals(results: readonly QuestionResult[]): { score: number; maxScore: number } {
  return {
    score: round2(results.reduce((s, r) => s + r.points, 0)),
    maxScore: round2(results.reduce((s, r) => s + r.maxPoints, 0)),
  };
}
