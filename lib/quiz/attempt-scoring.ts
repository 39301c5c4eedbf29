/**
 * Scoring a stored attempt: stored answers (option ids) → lib/quiz/exam.ts scoreExam. Exam mode
 * scores every question of the attempt (a blank answer is a wrong one, as on the real exam) and
 * gives the scaled score; practice mode scores the questions the learner answered, without a
 * scaled score (a practice session is not an exam form).
 */
import { scoreExam, type DomainResult, type ExamBlueprint } from "./exam";
import { indexesOf, parseIdList, type StoredQuestion } from "./stored";

export interface StoredAnswerRow {
  questionId: string;
  /** JSON list of option ids. */
  selected: string;
}

export interface AttemptScore {
  total: number;
  answered: number;
  correct: number;
  scaledScore: number | null;
  passed: boolean | null;
  perDomain: DomainResult[];
  perQuestion: Array<{ id: string; correct: boolean; answered: boolean }>;
}

export function scoreAttempt(mode: "practice" | "exam", blueprint: ExamBlueprint, questions: readonly StoredQuestion[], answers: readonly StoredAnswerRow[]): AttemptScore {
  const selectedById = new Map(answers.map((a) => [a.questionId, parseIdList(a.selected)]));
  const indexes: Record<string, number[]> = {};
  for (const q of questions) {
    const sel = selectedById.get(q.id);
    if (sel?.length) indexes[q.id] = indexesOf(q, sel);
  }
  const scored = mode === "exam" ? questions : questions.filter((q) => indexes[q.id]?.length);
  const result = scoreExam(scored, indexes, blueprint);
  return {
    total: questions.length,
    answered: questions.filter((q) => (selectedById.get(q.id)?.length ?? 0) > 0).length,
    correct: result.correct,
    scaledScore: mode === "exam" ? result.scaled : null,
    passed: mode === "exam" ? result.passed : null,
    perDomain: result.perDomain,
    perQuestion: result.perQuestion.map((p) => ({ id: p.id, correct: p.correct, answered: p.answered })),
  };
}
