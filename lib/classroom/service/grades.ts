/**
 * Grades of a set of learners on a class's assignments, computed from what they did: lab
 * attempts, submitted exam attempts, review-log answers. Reads everything in a few queries (one
 * per kind, not per cell) and grades with the pure rules in ../grading.ts.
 */
import { getDb, type Db } from "@/lib/db";
import { sweepExpiredAttempts } from "@/lib/quiz/service/attempts";
import { assignmentStatus, effectiveRatio, gradeAttempts, lateNote, type AssignmentStatus, type AttemptScore, type GradeResult, type GradingRules } from "../grading";
import { retentionGoal, reviewsGoal, type GoalAnswer } from "../study-goal";
import type { AssignmentRecord } from "./assignments";

export interface GradeCell {
  assignmentId: string;
  status: AssignmentStatus;
  /** The grade (0..1) the gradebook shows and averages, or null. */
  ratio: number | null;
  grade: GradeResult;
  /** Study goals: progress text; others: "2 attempts". */
  detail: string;
  /** Study goals: progress 0..1 for a bar. */
  progress?: number;
}

export type GradeTable = Map<string, Map<string, GradeCell>>;

function rulesOf(a: AssignmentRecord): GradingRules {
  return { opensAt: a.opensAt, dueAt: a.dueAt, latePolicy: a.latePolicy, latePenaltyPct: a.latePenaltyPct, attemptsAllowed: a.attemptsAllowed, gradingMethod: a.gradingMethod };
}

const key = (userId: string, thing: string) => `${userId}\u0000${thing}`;

function push<T>(map: Map<string, T[]>, k: string, v: T) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export async function computeGrades(learnerIds: readonly string[], assignments: readonly AssignmentRecord[], now = new Date(), db: Db = getDb()): Promise<GradeTable> {
  const table: GradeTable = new Map(learnerIds.map((id) => [id, new Map()]));
  if (!learnerIds.length || !assignments.length) return table;
  const users = [...learnerIds];
  const earliest = new Date(Math.min(...assignments.map((a) => a.opensAt.getTime())));

  const labIds = [...new Set(assignments.flatMap((a) => (a.kind === "lab" && a.labId ? [a.labId] : [])))];
  const quizIds = [...new Set(assignments.flatMap((a) => (a.kind === "quiz" && a.quizId ? [a.quizId] : [])))];
  const hasStudy = assignments.some((a) => a.kind === "study");
  // An exam left open past its deadline is scored at the deadline (the quiz service's rule) — do
  // it now so the gradebook does not show it as still in progress.
  if (quizIds.length) await sweepExpiredAttempts(null, now, db);

  const [labAttempts, labDrafts, examAttempts, reviews] = await Promise.all([
    labIds.length
      ? db.labAttempt.findMany({ where: { userId: { in: users }, labId: { in: labIds }, createdAt: { gte: earliest } }, select: { id: true, userId: true, labId: true, score: true, maxScore: true, createdAt: true } })
      : [],
    labIds.length ? db.labDraft.findMany({ where: { userId: { in: users }, labVersion: { labId: { in: labIds } } }, select: { userId: true, updatedAt: true, labVersion: { select: { labId: true } } } }) : [],
    quizIds.length
      ? db.examAttempt.findMany({ where: { userId: { in: users }, quizId: { in: quizIds }, startedAt: { gte: earliest } }, select: { id: true, userId: true, quizId: true, mode: true, startedAt: true, submittedAt: true, correctCount: true, questionCount: true } })
      : [],
    hasStudy
      ? db.reviewLog.findMany({ where: { ownerId: { in: users }, kind: "answer", undoneBy: { is: null }, review: { gte: earliest } }, select: { ownerId: true, review: true, rating: true, stateBefore: true } })
      : [],
  ]);

  const labByUser = new Map<string, Array<AttemptScore>>();
  for (const a of labAttempts) push(labByUser, key(a.userId, a.labId), { at: a.createdAt, ratio: a.maxScore > 0 ? a.score / a.maxScore : 0, ref: a.id });
  const draftAt = new Map<string, Date>();
  for (const d of labDrafts) {
    const k = key(d.userId, d.labVersion.labId);
    if (!draftAt.has(k) || draftAt.get(k)! < d.updatedAt) draftAt.set(k, d.updatedAt);
  }
  const examsByUser = new Map<string, typeof examAttempts>();
  for (const e of examAttempts) push(examsByUser, key(e.userId, e.quizId), e);
  const answersByUser = new Map<string, GoalAnswer[]>();
  for (const r of reviews) push(answersByUser, r.ownerId, { review: r.review, rating: r.rating, state: r.stateBefore });

  for (const userId of users) {
    const row = table.get(userId)!;
    for (const a of assignments) {
      const rules = rulesOf(a);
      let attempts: AttemptScore[] = [];
      let begun = false;
      let complete: boolean | undefined;
      let detail = "";
      let progress: number | undefined;
      if (a.kind === "lab" && a.labId) {
        attempts = labByUser.get(key(userId, a.labId)) ?? [];
        const draft = draftAt.get(key(userId, a.labId));
        begun = !!draft && draft.getTime() >= a.opensAt.getTime();
      } else if (a.kind === "quiz" && a.quizId) {
        const mine = (examsByUser.get(key(userId, a.quizId)) ?? []).filter((e) => e.mode === a.quizMode && e.startedAt.getTime() >= a.opensAt.getTime());
        attempts = mine.filter((e) => e.submittedAt).map((e) => ({ at: e.submittedAt!, ratio: e.questionCount > 0 ? (e.correctCount ?? 0) / e.questionCount : 0, ref: e.id }));
        begun = mine.some((e) => !e.submittedAt);
      } else if (a.kind === "study" && a.goalTarget !== null) {
        const answers = answersByUser.get(userId) ?? [];
        const goal = a.studyGoal === "retention" ? retentionGoal(answers, a.goalTarget, a.opensAt, a.dueAt, now) : reviewsGoal(answers, Math.round(a.goalTarget), a.opensAt, a.dueAt, now);
        ({ attempts, begun, complete, detail, progress } = goal);
      }
      const grade = gradeAttempts(attempts, rules);
      if (a.kind !== "study") detail = [grade.used ? `${grade.used} attempt${grade.used === 1 ? "" : "s"}${a.attemptsAllowed !== null ? ` of ${a.attemptsAllowed}` : ""}` : "", lateNote(grade, rules)].filter(Boolean).join(" · ");
      row.set(a.id, {
        assignmentId: a.id,
        status: assignmentStatus({ now, rules, grade, begun: begun || grade.used > 0, ...(complete !== undefined ? { complete } : {}) }),
        ratio: effectiveRatio(grade, rules, now),
        grade,
        detail,
        ...(progress !== undefined ? { progress } : {}),
      });
    }
  }
  return table;
}

/** Mean of the grades that exist (an assignment still open with nothing handed in does not count as 0). */
export function averageRatio(cells: Iterable<GradeCell>): number | null {
  const values = [...cells].map((c) => c.ratio).filter((r): r is number => r !== null);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}
