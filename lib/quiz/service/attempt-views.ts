/**
 * Stored attempts → what the player and the results page show: options in the attempt's order,
 * practice feedback, and the review after submission.
 */
import type { Db } from "@/lib/db";
import { DOMAINS } from "../domains";
import { DVA_C02, scalingExplanation, type DomainResult } from "../exam";
import { gradePractice } from "../practice";
import { fromRow, indexesOf, parseIdList, type StoredOption, type StoredQuestion } from "../stored";
import type { QuestionFeedbackView, ResultView, ReviewItem } from "../views";

/** Questions by id, in the given order (archived ones included: they belong to past attempts). */
export async function loadQuestions(db: Db, ids: readonly string[]): Promise<StoredQuestion[]> {
  if (!ids.length) return [];
  const rows = await db.question.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [fromRow(byId.get(id)!)] : []));
}

export function parseOptionOrder(text: string): Record<string, string[]> {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []]));
  } catch {
    return {};
  }
}

/**
 * A question's options in the attempt's shuffled order. Options added after the attempt started
 * (the author edited the question) come last; removed ones are gone.
 */
export function viewOptions(q: StoredQuestion, order: readonly string[] | undefined): StoredOption[] {
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const listed = (order ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return [...listed, ...q.options.filter((o) => !listed.includes(o))];
}

const domainName = (id: string) => DOMAINS.find((d) => d.id === id)?.name ?? id;

/** Every option with its verdict and explanation, in the attempt's order. */
export function feedbackView(q: StoredQuestion, selected: readonly string[], order: readonly string[] | undefined): QuestionFeedbackView {
  const graded = gradePractice(q, indexesOf(q, selected));
  const picked = new Set(selected);
  const options = viewOptions(q, order).map((o) => {
    const i = q.options.indexOf(o);
    const verdict = graded.ok
      ? graded.feedback.options[i]!.verdict
      : o.correct ? "right-missed" as const : "wrong-not-chosen" as const;
    return { id: o.id, text: o.text, correct: o.correct, selected: picked.has(o.id), verdict, explanation: o.explanation };
  });
  // gradePractice speaks of "the highlighted option"; here the right one is labelled in words.
  const summary = graded.ok
    ? graded.feedback.summary.replace("the highlighted option is the right one", "the right option is marked “Correct answer”")
    : `Not answered. The right option${q.options.filter((o) => o.correct).length > 1 ? "s are" : " is"} marked “Correct answer”.`;
  return {
    correct: graded.ok && graded.feedback.correct,
    summary,
    options,
    explanation: q.explanation ?? null,
    domain: q.domain,
    domainName: domainName(q.domain),
    source: q.source ?? null,
  };
}

interface AttemptForView {
  id: string;
  quizId: string;
  quiz: { title: string };
  mode: "practice" | "exam";
  optionOrder: string;
  startedAt: Date;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  durationMinutes: number | null;
  questionCount: number;
  correctCount: number | null;
  scaledScore: number | null;
  passed: boolean | null;
  domainBreakdown: string | null;
}

interface AnswerForView {
  questionId: string;
  selected: string;
  flagged: boolean;
  answeredAt: Date | null;
}

/** The results page: the score as stored at submission, and the review of every question. */
export function resultView(attempt: AttemptForView & { questionIds: string }, questions: readonly StoredQuestion[], answers: readonly AnswerForView[]): ResultView {
  const order = parseOptionOrder(attempt.optionOrder);
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const review: ReviewItem[] = [];
  parseIdList(attempt.questionIds).forEach((id, i) => {
    const q = byId.get(id);
    if (!q) return;
    const a = byQuestion.get(id);
    const selected = a ? parseIdList(a.selected) : [];
    const answered = selected.length > 0;
    // Practice sessions review only what was answered; an exam reviews every question.
    if (attempt.mode === "practice" && !answered) return;
    const fb = feedbackView(q, selected, order[id]);
    review.push({
      ...fb,
      id,
      number: i + 1,
      type: q.type,
      choose: q.type === "multiple" ? (q.choose ?? q.options.filter((o) => o.correct).length) : null,
      stem: q.stem,
      answered,
      flagged: a?.flagged ?? false,
      changedSince: q.updatedAt !== undefined && q.updatedAt > attempt.startedAt,
      canMakeCard: !fb.correct,
    });
  });
  let perDomain: DomainResult[] = [];
  try {
    perDomain = attempt.domainBreakdown ? (JSON.parse(attempt.domainBreakdown) as DomainResult[]) : [];
  } catch {
    perDomain = [];
  }
  return {
    id: attempt.id,
    quizId: attempt.quizId,
    quizTitle: attempt.quiz.title,
    mode: attempt.mode,
    startedAt: attempt.startedAt.toISOString(),
    submittedAt: (attempt.submittedAt ?? attempt.startedAt).toISOString(),
    autoSubmitted: attempt.autoSubmitted,
    durationMinutes: attempt.durationMinutes,
    total: attempt.mode === "exam" ? attempt.questionCount : review.length,
    answered: review.filter((r) => r.answered).length,
    correct: attempt.correctCount ?? 0,
    scaledScore: attempt.scaledScore,
    passed: attempt.passed,
    passingScaled: DVA_C02.passingScaled,
    scaledMin: DVA_C02.scaledMin,
    scaledMax: DVA_C02.scaledMax,
    scalingExplanation: scalingExplanation(DVA_C02),
    perDomain,
    review,
  };
}
