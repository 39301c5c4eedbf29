/**
 * A learner's submitted attempts, newest first — for the quizzes page and the dashboard.
 */
import { getDb, type Db } from "@/lib/db";
import type { AttemptMode } from "../views";

export interface AttemptSummary {
  id: string;
  quizId: string;
  quizTitle: string;
  mode: AttemptMode;
  submittedAt: string;
  autoSubmitted: boolean;
  total: number;
  correct: number;
  scaledScore: number | null;
  passed: boolean | null;
}

export async function recentAttempts(userId: string, opts: { limit?: number; mode?: AttemptMode } = {}, db: Db = getDb()): Promise<AttemptSummary[]> {
  const rows = await db.examAttempt.findMany({
    where: { userId, submittedAt: { not: null }, ...(opts.mode ? { mode: opts.mode } : {}) },
    orderBy: { submittedAt: "desc" },
    take: opts.limit ?? 10,
    include: { quiz: { select: { title: true } }, _count: { select: { answers: { where: { answeredAt: { not: null } } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    quizId: r.quizId,
    quizTitle: r.quiz.title,
    mode: r.mode,
    submittedAt: r.submittedAt!.toISOString(),
    autoSubmitted: r.autoSubmitted,
    // A practice session counts what was answered; an exam every question.
    total: r.mode === "exam" ? r.questionCount : r._count.answers,
    correct: r.correctCount ?? 0,
    scaledScore: r.scaledScore,
    passed: r.passed,
  }));
}
