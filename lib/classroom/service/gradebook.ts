/**
 * The gradebook (instructors): learners × assignments with status and grade, the CSV export, and
 * one learner's drill-down. And a learner's own view of a class: its assignments with their own
 * status and grade — never anyone else's.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { instanceFor, variantTrace } from "@/lib/labs/service/variant-runs";
import { findVersionById } from "@/lib/labs/service/versions";
import { toCsv } from "../csv";
import { formatPercent, STATUS_LABELS, type AssignmentStatus } from "../grading";
import { formatJoinCode } from "../join-code";
import { summariseColumn, type AssignmentSummary } from "../summary";
import { classAccess, teachingAccess, type ClassAccess, type ClassUser } from "./access";
import { listAssignments, type AssignmentRecord } from "./assignments";
import { averageRatio, computeGrades, type GradeCell } from "./grades";
import { displayName } from "./roster";

export interface LearnerRef {
  id: string;
  name: string | null;
  email: string;
}

export interface GradebookRow {
  learner: LearnerRef;
  cells: GradeCell[];
  average: number | null;
}

export interface Gradebook {
  access: ClassAccess;
  assignments: AssignmentRecord[];
  rows: GradebookRow[];
  generatedAt: Date;
}

export interface GradebookFilter {
  /** Only assignments of this kind. */
  kind?: "lab" | "quiz" | "study";
  /** Only learners with at least one cell in this status (on the shown assignments). */
  status?: AssignmentStatus;
  /** Learner name or email contains this (case-insensitive). */
  q?: string;
  /** Only this assignment's column. */
  assignmentId?: string;
}

async function learnersOf(classId: string, db: Db): Promise<LearnerRef[]> {
  const rows = await db.classMember.findMany({ where: { classId, role: "learner" }, select: { user: { select: { id: true, name: true, email: true } } } });
  return rows.map((r) => r.user).sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.email.localeCompare(b.email));
}

export async function getGradebook(user: ClassUser, classId: string, filter: GradebookFilter = {}, now = new Date(), db: Db = getDb()): Promise<Gradebook> {
  const access = await teachingAccess(user, classId, db);
  let assignments = await listAssignments(classId, db);
  if (filter.kind) assignments = assignments.filter((a) => a.kind === filter.kind);
  if (filter.assignmentId) assignments = assignments.filter((a) => a.id === filter.assignmentId);
  let learners = await learnersOf(classId, db);
  const q = filter.q?.trim().toLowerCase();
  if (q) learners = learners.filter((l) => (l.name ?? "").toLowerCase().includes(q) || l.email.toLowerCase().includes(q));
  const table = await computeGrades(learners.map((l) => l.id), assignments, now, db);
  let rows = learners.map((learner) => {
    const cells = assignments.map((a) => table.get(learner.id)!.get(a.id)!);
    return { learner, cells, average: averageRatio(cells) };
  });
  if (filter.status) rows = rows.filter((r) => r.cells.some((c) => c.status === filter.status));
  return { access, assignments, rows, generatedAt: now };
}

const KIND_LABEL = { lab: "Lab", quiz: "Quiz", study: "Study goal" } as const;

/** One row per learner: name, email, then per assignment its grade (%) and status, then the average. */
export function gradebookCsv(book: Gradebook): string {
  const header = ["Learner", "Email"];
  for (const a of book.assignments) header.push(`${a.title} (${KIND_LABEL[a.kind]}) — grade %`, `${a.title} — status`);
  header.push("Average %");
  const rows = book.rows.map((r) => {
    const cells: Array<string | number | null> = [r.learner.name ?? "", r.learner.email];
    for (const c of r.cells) cells.push(c.ratio === null ? null : Number(formatPercent(c.ratio)), STATUS_LABELS[c.status]);
    cells.push(r.average === null ? null : Number(formatPercent(r.average)));
    return cells;
  });
  return toCsv(header, rows);
}

export async function exportGradebookCsv(user: ClassUser, classId: string, db: Db = getDb()): Promise<{ filename: string; csv: string }> {
  const book = await getGradebook(user, classId, {}, new Date(), db);
  const cls = book.access.class;
  return { filename: `${cls.name}${cls.term ? ` ${cls.term}` : ""} gradebook`, csv: gradebookCsv(book) };
}

// ---------------------------------------------------------------------------------------------
// One learner in depth (instructors)

export interface LabAttemptSummary {
  id: string;
  labSlug: string;
  /** The title of the version the attempt was made on. */
  labTitle: string;
  /** The class's assignments of this lab, and whether this attempt counts towards each one's grade. */
  assignments: Array<{ title: string; counted: boolean }>;
  labVersion: number;
  variantIndex: number;
  score: number;
  maxScore: number;
  createdAt: Date;
}

export interface ExamAttemptSummary {
  id: string;
  quizId: string;
  quizTitle: string;
  mode: "practice" | "exam";
  startedAt: Date;
  submittedAt: Date | null;
  correct: number | null;
  total: number;
  scaledScore: number | null;
  passed: boolean | null;
  autoSubmitted: boolean;
  questions: Array<{ questionId: string; stem: string; domain: string; correct: boolean | null; answered: boolean }>;
}

export interface LearnerDetail {
  access: ClassAccess;
  learner: LearnerRef;
  assignments: Array<{ assignment: AssignmentRecord; cell: GradeCell }>;
  labAttempts: LabAttemptSummary[];
  examAttempts: ExamAttemptSummary[];
}

export async function learnerDetail(user: ClassUser, classId: string, learnerId: string, now = new Date(), db: Db = getDb()): Promise<LearnerDetail> {
  const access = await teachingAccess(user, classId, db);
  const member = await db.classMember.findUnique({ where: { classId_userId: { classId, userId: learnerId } }, select: { role: true, user: { select: { id: true, name: true, email: true } } } });
  if (!member || member.role !== "learner") throw new ActionError("not_found", "That learner is not in this class.");
  const assignments = await listAssignments(classId, db);
  const table = await computeGrades([learnerId], assignments, now, db);
  const labIds = [...new Set(assignments.flatMap((a) => (a.labId ? [a.labId] : [])))];
  const quizIds = [...new Set(assignments.flatMap((a) => (a.quizId ? [a.quizId] : [])))];
  const [labRows, examRows] = await Promise.all([
    db.labAttempt.findMany({ where: { userId: learnerId, labId: { in: labIds } }, orderBy: { createdAt: "desc" }, select: { id: true, labId: true, variantIndex: true, score: true, maxScore: true, createdAt: true, lab: { select: { slug: true } }, labVersion: { select: { version: true, meta: true } } } }),
    db.examAttempt.findMany({
      where: { userId: learnerId, quizId: { in: quizIds } },
      orderBy: { startedAt: "desc" },
      select: { id: true, quizId: true, mode: true, startedAt: true, submittedAt: true, correctCount: true, questionCount: true, scaledScore: true, passed: true, autoSubmitted: true, questionIds: true, quiz: { select: { title: true } }, answers: { select: { questionId: true, correct: true, answeredAt: true } } },
    }),
  ]);
  const questionIds = [...new Set(examRows.flatMap((e) => parseIds(e.questionIds)))];
  const questions = new Map((await db.question.findMany({ where: { id: { in: questionIds } }, select: { id: true, stem: true, domain: true } })).map((q) => [q.id, q]));
  return {
    access,
    learner: member.user,
    assignments: assignments.map((a) => ({ assignment: a, cell: table.get(learnerId)!.get(a.id)! })),
    labAttempts: labRows.map((r) => ({
      id: r.id,
      labSlug: r.lab.slug,
      labTitle: metaTitle(r.labVersion.meta) ?? r.lab.slug,
      assignments: assignments.filter((a) => a.labId === r.labId).map((a) => ({ title: a.title, counted: table.get(learnerId)!.get(a.id)!.grade.counted.some((c) => c.ref === r.id) })),
      labVersion: r.labVersion.version,
      variantIndex: r.variantIndex,
      score: r.score,
      maxScore: r.maxScore,
      createdAt: r.createdAt,
    })),
    examAttempts: examRows.map((e) => {
      const answers = new Map(e.answers.map((a) => [a.questionId, a]));
      return {
        id: e.id,
        quizId: e.quizId,
        quizTitle: e.quiz.title,
        mode: e.mode,
        startedAt: e.startedAt,
        submittedAt: e.submittedAt,
        correct: e.correctCount,
        total: e.questionCount,
        scaledScore: e.scaledScore,
        passed: e.passed,
        autoSubmitted: e.autoSubmitted,
        questions: parseIds(e.questionIds).map((id) => {
          const a = answers.get(id);
          const q = questions.get(id);
          return { questionId: id, stem: q?.stem ?? "(question removed)", domain: q?.domain ?? "", correct: e.submittedAt ? (a?.correct ?? (e.mode === "exam" ? false : null)) : null, answered: !!a?.answeredAt };
        }),
      };
    }),
  };
}

function metaTitle(meta: string): string | null {
  try {
    const v = JSON.parse(meta) as { title?: unknown };
    return typeof v.title === "string" && v.title ? v.title : null;
  } catch {
    return null;
  }
}

export function parseIds(text: string | null): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// A class as its member sees it

export interface ClassView {
  access: ClassAccess;
  instructors: string[];
  learnerCount: number;
  /** Shown to those who teach the class only. */
  joinCode: { code: string; display: string; enabled: boolean } | null;
  /**
   * mine: the learner's own cell (learners only). summary: the class on the assignment, from the
   * gradebook's column (those who teach the class only — a learner never sees others' numbers).
   */
  assignments: Array<{ assignment: AssignmentRecord; mine: GradeCell | null; summary: AssignmentSummary | null }>;
}

/** Per assignment, its gradebook column summed up: the gradebook's own cells, not a second grading. */
export function summariseGradebook(book: Pick<Gradebook, "assignments" | "rows">): Map<string, AssignmentSummary> {
  return new Map(book.assignments.map((a, i) => [a.id, summariseColumn(a.id, book.rows.map((r) => r.cells[i]!))]));
}

export async function getClassView(user: ClassUser, classId: string, now = new Date(), db: Db = getDb()): Promise<ClassView> {
  const access = await classAccess(user, classId, db);
  const [members, assignments] = await Promise.all([
    db.classMember.findMany({ where: { classId }, select: { role: true, user: { select: { name: true, email: true } } } }),
    listAssignments(classId, db),
  ]);
  // Learners see assignments once they open; instructors see them all.
  const visible = access.teaches ? assignments : assignments.filter((a) => a.opensAt.getTime() <= now.getTime());
  const mine = access.as === "learner" ? (await computeGrades([user.id], visible, now, db)).get(user.id)! : null;
  const summaries = access.teaches ? summariseGradebook(await getGradebook(user, classId, {}, now, db)) : null;
  return {
    access,
    instructors: members.filter((m) => m.role === "instructor").map((m) => displayName(m.user)),
    learnerCount: members.filter((m) => m.role === "learner").length,
    joinCode: access.teaches ? { code: access.class.joinCode, display: formatJoinCode(access.class.joinCode), enabled: access.class.joinEnabled } : null,
    assignments: visible.map((a) => ({ assignment: a, mine: mine?.get(a.id) ?? null, summary: summaries?.get(a.id) ?? null })),
  };
}

/** What is due for the learner across all their classes (the classes page). */
export async function dueForLearner(user: ClassUser, now = new Date(), db: Db = getDb()) {
  const classes = await db.classMember.findMany({ where: { userId: user.id, role: "learner" }, select: { classId: true, class: { select: { name: true } } } });
  const out: Array<{ classId: string; className: string; assignment: AssignmentRecord; cell: GradeCell }> = [];
  for (const c of classes) {
    const assignments = (await listAssignments(c.classId, db)).filter((a) => a.opensAt.getTime() <= now.getTime());
    const grades = (await computeGrades([user.id], assignments, now, db)).get(user.id)!;
    for (const a of assignments) out.push({ classId: c.classId, className: c.class.name, assignment: a, cell: grades.get(a.id)! });
  }
  return out.sort((x, y) => x.assignment.dueAt.getTime() - y.assignment.dueAt.getTime());
}

/** One lab attempt of a learner in the class, with its run, for the drill-down's timeline. */
export async function learnerLabAttempt(user: ClassUser, classId: string, learnerId: string, attemptId: string, db: Db = getDb()) {
  const detail = await learnerDetail(user, classId, learnerId, new Date(), db);
  const summary = detail.labAttempts.find((a) => a.id === attemptId);
  if (!summary) throw new ActionError("not_found", "That attempt is not one of this learner's on the class's labs.");
  const row = await db.labAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { labVersionId: true, variantIndex: true, results: true, answers: true } });
  const version = await findVersionById(row.labVersionId, db);
  if (!version) throw new ActionError("not_found", "That lab version no longer exists.");
  const instance = instanceFor(version, row.variantIndex);
  const results = JSON.parse(row.results) as Array<{ id: string; prediction: unknown; truth: unknown; correct: boolean; points: number; maxPoints: number }>;
  return {
    detail,
    summary,
    questions: results.map((r) => ({ ...r, prompt: instance.questions.find((q) => q.id === r.id)?.prompt ?? r.id })),
    trace: await variantTrace(version, row.variantIndex),
    title: instance.title,
  };
}
