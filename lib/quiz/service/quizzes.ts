/**
 * Quizzes: the built-in "Practice exam (DVA-C02 format)" and the sets instructors assemble from
 * the bank — a fixed selection of questions, or a random draw spread over the exam domains.
 */
import { ActionError, fieldError } from "@/lib/actions/errors";
import { sharesClassWithTeacher, teachersOf } from "@/lib/classroom/service/visibility";
import { getDb, type Db, type Prisma } from "@/lib/db";
import { DOMAINS, type DomainId } from "../domains";
import { DVA_C02, type ExamBlueprint } from "../exam";
import type { QuizInput } from "../quiz-input";
import { fromRow, parseIdList, type StoredQuestion } from "../stored";
import { canSeeQuestion, canViewQuiz, requireStaff, type QuizUser } from "./access";

export const BUILTIN_EXAM_KEY = "dva-c02-practice";

/** The Quiz row fields the quiz services read. */
export interface QuizRecord {
  id: string;
  builtinKey: string | null;
  ownerId: string | null;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  selection: "fixed" | "draw";
  questionIds: string | null;
  questionCount: number;
  domainWeights: string | null;
  durationMinutes: number;
}

export type DomainWeights = Record<DomainId, number>;

export function parseWeights(text: string | null): DomainWeights | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const out = {} as DomainWeights;
    for (const d of DOMAINS) out[d.id] = typeof value[d.id] === "number" && (value[d.id] as number) >= 0 ? (value[d.id] as number) : 0;
    return Object.values(out).some((w) => w > 0) ? out : null;
  } catch {
    return null;
  }
}

/** The exam blueprint of a quiz: DVA-C02's scale and cut, with the quiz's size, clock and weights. */
export function blueprintOf(quiz: Pick<QuizRecord, "title" | "questionCount" | "durationMinutes" | "domainWeights">): ExamBlueprint {
  const weights = parseWeights(quiz.domainWeights);
  return {
    ...DVA_C02,
    name: quiz.title,
    questionCount: quiz.questionCount,
    durationMinutes: quiz.durationMinutes,
    domains: weights ? DVA_C02.domains.map((d) => ({ ...d, weight: weights[d.id] })) : DVA_C02.domains,
  };
}

export async function visibleQuiz(user: QuizUser, quizId: string, db: Db = getDb()): Promise<QuizRecord> {
  const quiz = typeof quizId === "string" && quizId.length <= 64 ? await db.quiz.findUnique({ where: { id: quizId } }) : null;
  // Private quizzes are also open to the classes their owner teaches (lib/classroom).
  if (!quiz || !(canViewQuiz(user, quiz) || (await sharesClassWithTeacher(user.id, quiz.ownerId, db)))) throw new ActionError("not_found", "There is no such quiz.");
  return quiz;
}

/** What a draw quiz draws from: built-in questions, plus its author's own. Never archived ones. */
export function drawPoolWhere(quiz: Pick<QuizRecord, "ownerId">): Prisma.QuestionWhereInput {
  return { archived: false, OR: [{ builtinKey: { not: null } }, ...(quiz.ownerId ? [{ ownerId: quiz.ownerId }] : [])] };
}

/** The questions a quiz can use right now, in the quiz's order for fixed ones. */
export async function quizQuestions(quiz: QuizRecord, db: Db = getDb()): Promise<StoredQuestion[]> {
  if (quiz.selection === "fixed") {
    const ids = parseIdList(quiz.questionIds);
    const rows = await db.question.findMany({ where: { id: { in: ids }, archived: false } });
    const byId = new Map(rows.map((r) => [r.id, fromRow(r)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }
  return (await db.question.findMany({ where: drawPoolWhere(quiz) })).map(fromRow);
}

export interface QuizSummary {
  id: string;
  title: string;
  description: string | null;
  builtin: boolean;
  mine: boolean;
  visibility: "public" | "private";
  selection: "fixed" | "draw";
  questionCount: number;
  durationMinutes: number;
  /** Questions available now (fixed: not retired; draw: the pool). */
  available: number;
  inProgress: Array<{ attemptId: string; mode: "practice" | "exam"; startedAt: string; deadline: string | null }>;
  last: { attemptId: string; mode: "practice" | "exam"; submittedAt: string; scaledScore: number | null; correct: number | null; total: number; passed: boolean | null } | null;
  best: number | null;
  attempts: number;
}

export async function listQuizzes(user: QuizUser, db: Db = getDb()): Promise<QuizSummary[]> {
  const teachers = user.role === "admin" ? new Set<string>() : await teachersOf(user.id, db);
  const quizzes = await db.quiz.findMany({
    where: user.role === "admin" ? {} : { OR: [{ visibility: "public" }, { ownerId: user.id }, ...(teachers.size ? [{ ownerId: { in: [...teachers] } }] : [])] },
    orderBy: [{ builtinKey: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
  });
  const attempts = await db.examAttempt.findMany({
    where: { userId: user.id, quizId: { in: quizzes.map((q) => q.id) } },
    orderBy: { startedAt: "desc" },
    select: { id: true, quizId: true, mode: true, startedAt: true, deadline: true, submittedAt: true, scaledScore: true, correctCount: true, questionCount: true, passed: true },
  });
  const pool = await db.question.groupBy({ by: ["ownerId"], where: { archived: false }, _count: { _all: true } });
  const builtinCount = await db.question.count({ where: { archived: false, builtinKey: { not: null } } });
  const out: QuizSummary[] = [];
  for (const quiz of quizzes) {
    const mine = attempts.filter((a) => a.quizId === quiz.id);
    const done = mine.filter((a) => a.submittedAt);
    const exams = done.filter((a) => a.mode === "exam" && a.scaledScore !== null);
    const last = done[0];
    let available: number;
    if (quiz.selection === "fixed") {
      const ids = parseIdList(quiz.questionIds);
      available = ids.length ? await db.question.count({ where: { id: { in: ids }, archived: false } }) : 0;
    } else {
      const own = quiz.ownerId ? (pool.find((p) => p.ownerId === quiz.ownerId)?._count._all ?? 0) : 0;
      // Built-in questions have no owner; an owner's count may include none of them.
      available = builtinCount + own;
    }
    out.push({
      id: quiz.id,
      title: quiz.title,
      description: quiz.description,
      builtin: quiz.builtinKey !== null,
      mine: quiz.ownerId === user.id,
      visibility: quiz.visibility,
      selection: quiz.selection,
      questionCount: quiz.questionCount,
      durationMinutes: quiz.durationMinutes,
      available,
      inProgress: mine.filter((a) => !a.submittedAt).map((a) => ({ attemptId: a.id, mode: a.mode, startedAt: a.startedAt.toISOString(), deadline: a.deadline?.toISOString() ?? null })),
      last: last
        ? { attemptId: last.id, mode: last.mode, submittedAt: last.submittedAt!.toISOString(), scaledScore: last.scaledScore, correct: last.correctCount, total: last.questionCount, passed: last.passed }
        : null,
      best: exams.length ? Math.max(...exams.map((a) => a.scaledScore!)) : null,
      attempts: done.length,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Assembling a quiz (instructors)

export async function createQuiz(user: QuizUser, input: QuizInput, db: Db = getDb()): Promise<{ id: string }> {
  requireStaff(user, "assemble quizzes");
  let questionIds: string[] | null = null;
  let questionCount: number;
  if (input.selection === "fixed") {
    const ids = [...new Set(input.questionIds)];
    const rows = await db.question.findMany({ where: { id: { in: ids }, archived: false } });
    const usable = new Set(rows.filter((r) => canSeeQuestion(user, r)).map((r) => r.id));
    const missing = ids.filter((id) => !usable.has(id));
    if (missing.length) throw fieldError("questionIds", `${missing.length} of the chosen questions are not in your bank (retired, or not yours).`);
    questionIds = ids;
    questionCount = ids.length;
  } else {
    questionCount = input.questionCount;
    const available = await db.question.count({ where: drawPoolWhere({ ownerId: user.id }) });
    if (available < questionCount) {
      throw fieldError("questionCount", `The bank you draw from has ${available} question(s); ask for at most that many.`);
    }
  }
  const row = await db.quiz.create({
    data: {
      ownerId: user.id,
      title: input.title,
      description: input.description ?? null,
      visibility: input.visibility,
      selection: input.selection,
      questionIds: questionIds ? JSON.stringify(questionIds) : null,
      questionCount,
      domainWeights: input.selection === "draw" && input.domainWeights ? JSON.stringify(input.domainWeights) : null,
      durationMinutes: input.durationMinutes,
    },
    select: { id: true },
  });
  return row;
}

export async function deleteQuiz(user: QuizUser, quizId: string, db: Db = getDb()): Promise<{ id: string }> {
  requireStaff(user, "delete quizzes");
  const quiz = await visibleQuiz(user, quizId, db);
  if (quiz.builtinKey) throw new ActionError("forbidden", "The built-in practice exam cannot be deleted.");
  if (quiz.ownerId !== user.id && user.role !== "admin") throw new ActionError("forbidden", "Only the quiz's author (or an admin) can delete it.");
  await db.quiz.delete({ where: { id: quiz.id } });
  return { id: quiz.id };
}
