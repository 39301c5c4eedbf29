/**
 * Item analysis of an assignment's questions (instructors): each learner's FIRST counted attempt
 * from the opening on — the one made before they saw any feedback, as classical test theory
 * assumes — gives their total and their credit per question; ../item-analysis.ts does the rest.
 * Quiz items are right/wrong (exam mode: a question left blank is wrong; practice mode: only the
 * answered ones count); lab items carry partial credit (multi-choice, ordered).
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { instanceFor } from "@/lib/labs/service/variant-runs";
import { findVersionById } from "@/lib/labs/service/versions";
import { analyseItems, type ItemResponse, type ItemStats } from "../item-analysis";
import type { ClassUser } from "./access";
import { assignmentAccess, type AssignmentRecord } from "./assignments";
import { parseIds } from "./gradebook";

export interface AnalysedItem extends ItemStats {
  label: string;
  /** Quiz items: the question's domain. */
  domain?: string;
}

export interface ItemAnalysis {
  assignment: AssignmentRecord;
  learners: number;
  items: AnalysedItem[];
}

interface QuestionResultLike {
  id: string;
  credit: number;
  maxPoints: number;
}

export async function analyseAssignment(user: ClassUser, assignmentId: string, db: Db = getDb()): Promise<ItemAnalysis> {
  const { access, assignment } = await assignmentAccess(user, assignmentId, db);
  if (!access.teaches) throw new ActionError("forbidden", "Only the class's instructors can read item analysis.");
  const learners = (await db.classMember.findMany({ where: { classId: assignment.classId, role: "learner" }, select: { userId: true } })).map((m) => m.userId);
  if (assignment.kind === "quiz" && assignment.quizId) return analyseQuiz(assignment, learners, db);
  if (assignment.kind === "lab" && assignment.labId) return analyseLab(assignment, learners, db);
  throw new ActionError("invalid", "Item analysis is for quiz and lab assignments: a study goal has no questions.");
}

function firstPerLearner<T extends { userId: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true)));
}

async function analyseQuiz(assignment: AssignmentRecord, learners: string[], db: Db): Promise<ItemAnalysis> {
  const rows = await db.examAttempt.findMany({
    where: { userId: { in: learners }, quizId: assignment.quizId!, mode: assignment.quizMode ?? "exam", submittedAt: { not: null }, startedAt: { gte: assignment.opensAt } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { userId: true, mode: true, questionIds: true, questionCount: true, correctCount: true, answers: { select: { questionId: true, correct: true, answeredAt: true } } },
  });
  const firsts = firstPerLearner(rows);
  const responses: ItemResponse[] = firsts.map((a) => {
    const answers = new Map(a.answers.map((x) => [x.questionId, x]));
    const items: Record<string, number> = {};
    for (const qid of parseIds(a.questionIds)) {
      const ans = answers.get(qid);
      if (a.mode === "exam") items[qid] = ans?.correct ? 1 : 0;
      else if (ans?.answeredAt && ans.correct !== null) items[qid] = ans.correct ? 1 : 0;
    }
    return { learnerId: a.userId, total: a.questionCount ? (a.correctCount ?? 0) / a.questionCount : 0, items };
  });
  const ids = [...new Set(firsts.flatMap((a) => parseIds(a.questionIds)))];
  const questions = new Map((await db.question.findMany({ where: { id: { in: ids } }, select: { id: true, stem: true, domain: true } })).map((q) => [q.id, q]));
  const items = analyseItems(responses, ids).map((s) => ({ ...s, label: questions.get(s.itemId)?.stem ?? s.itemId, domain: questions.get(s.itemId)?.domain ?? "" }));
  return { assignment, learners: responses.length, items: sortFlaggedFirst(items) };
}

async function analyseLab(assignment: AssignmentRecord, learners: string[], db: Db): Promise<ItemAnalysis> {
  const rows = await db.labAttempt.findMany({
    where: { userId: { in: learners }, labId: assignment.labId!, createdAt: { gte: assignment.opensAt } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true, labVersionId: true, results: true, score: true, maxScore: true },
  });
  const firsts = firstPerLearner(rows);
  const responses: ItemResponse[] = firsts.map((a) => {
    const items: Record<string, number> = {};
    for (const q of parseResults(a.results)) if (q.maxPoints > 0) items[q.id] = q.credit;
    return { learnerId: a.userId, total: a.maxScore > 0 ? a.score / a.maxScore : 0, items };
  });
  // Prompts from the newest version the attempts used (question ids are stable across versions).
  const labels = new Map<string, string>();
  for (const versionId of [...new Set(firsts.map((a) => a.labVersionId))].reverse()) {
    const version = await findVersionById(versionId, db);
    if (!version) continue;
    for (const q of instanceFor(version, 0).questions) if (!labels.has(q.id)) labels.set(q.id, q.prompt);
  }
  const ids = [...new Set(responses.flatMap((r) => Object.keys(r.items)))];
  const items = analyseItems(responses, ids).map((s) => ({ ...s, label: labels.get(s.itemId) ?? s.itemId }));
  return { assignment, learners: responses.length, items: sortFlaggedFirst(items) };
}

function parseResults(text: string): QuestionResultLike[] {
  try {
    const v = JSON.parse(text) as unknown;
    const list = Array.isArray(v) ? v : Array.isArray((v as { questions?: unknown })?.questions) ? (v as { questions: unknown[] }).questions : [];
    return list.filter((q): q is QuestionResultLike => !!q && typeof (q as QuestionResultLike).id === "string" && typeof (q as QuestionResultLike).credit === "number").map((q) => ({ id: q.id, credit: q.credit, maxPoints: typeof q.maxPoints === "number" ? q.maxPoints : 1 }));
  } catch {
    return [];
  }
}

/** Dubious items first (the ones an instructor should look at), then in their own order. */
function sortFlaggedFirst(items: AnalysedItem[]): AnalysedItem[] {
  const dubious = (i: AnalysedItem) => i.flags.some((f) => f.flag !== "few_responses");
  return [...items.filter(dubious), ...items.filter((i) => !dubious(i))];
}
