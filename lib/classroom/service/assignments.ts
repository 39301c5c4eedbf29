/**
 * Assignments: a lab, a quiz or exam, or a study goal given to a class with open and due dates,
 * a late policy, an attempt allowance and a grading method.
 *
 * Lab assignments FOLLOW THE LAB'S NEWEST PUBLISHED VERSION rather than pinning one: the lab
 * player always serves the newest version (lib/labs), and an author publishes a new version
 * mostly to fix a lab (a misleading prompt, a truth that was wrong) — pinning would keep learners
 * on the broken one. Every attempt keeps pointing at the version it was made on (LabAttempt.
 * labVersionId), grades compare attempts by score ratio, and the assignment records the version
 * current when it was assigned, so the gradebook shows when a lab changed under an assignment.
 */
import { ActionError, fieldError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { findPublishedLab } from "@/lib/labs/service/versions";
import { visibleLab } from "@/lib/labs/service/access";
import { visibleQuiz } from "@/lib/quiz/service/quizzes";
import type { AssignmentInput } from "../inputs";
import type { GradingMethod, LatePolicy } from "../grading";
import { classAccess, teachingAccess, type ClassUser } from "./access";

export type AssignmentKind = "lab" | "quiz" | "study";

export interface AssignmentRecord {
  id: string;
  classId: string;
  kind: AssignmentKind;
  title: string;
  instructions: string | null;
  labId: string | null;
  labSlug: string | null;
  labVersion: number | null;
  /** The lab's newest published version now (differs from labVersion after a new publish). */
  labCurrentVersion: number | null;
  quizId: string | null;
  quizTitle: string | null;
  quizMode: "practice" | "exam" | null;
  studyGoal: "reviews" | "retention" | null;
  goalTarget: number | null;
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
  latePenaltyPct: number;
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
}

const select = {
  id: true,
  classId: true,
  kind: true,
  title: true,
  instructions: true,
  labId: true,
  labVersion: true,
  quizId: true,
  quizMode: true,
  studyGoal: true,
  goalTarget: true,
  opensAt: true,
  dueAt: true,
  latePolicy: true,
  latePenaltyPct: true,
  attemptsAllowed: true,
  gradingMethod: true,
  lab: { select: { slug: true } },
  quiz: { select: { title: true } },
} as const;

type Row = { [K in keyof typeof select]: unknown } & Record<string, unknown>;

async function toRecord(row: Row): Promise<AssignmentRecord> {
  const r = row as unknown as Omit<AssignmentRecord, "labSlug" | "labCurrentVersion" | "quizTitle"> & { lab: { slug: string } | null; quiz: { title: string } | null };
  const current = r.lab ? await findPublishedLab(r.lab.slug) : null;
  const { lab, quiz, ...rest } = r;
  return { ...rest, labSlug: lab?.slug ?? null, labCurrentVersion: current?.version.version ?? null, quizTitle: quiz?.title ?? null };
}

export async function listAssignments(classId: string, db: Db = getDb()): Promise<AssignmentRecord[]> {
  const rows = await db.assignment.findMany({ where: { classId }, select, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] });
  return Promise.all(rows.map((r) => toRecord(r as unknown as Row)));
}

/** The assignment and the caller's access to its class (404 for strangers, like the class itself). */
export async function assignmentAccess(user: ClassUser, assignmentId: string, db: Db = getDb()) {
  const row = typeof assignmentId === "string" && assignmentId.length <= 64 ? await db.assignment.findUnique({ where: { id: assignmentId }, select }) : null;
  if (!row) throw new ActionError("not_found", "There is no such assignment.");
  const access = await classAccess(user, row.classId, db).catch(() => {
    throw new ActionError("not_found", "There is no such assignment.");
  });
  return { access, assignment: await toRecord(row as unknown as Row) };
}

/** Checks what is assigned exists and the instructor may use it; returns the columns to write. */
async function resolveTarget(user: ClassUser, input: AssignmentInput, db: Db) {
  switch (input.kind) {
    case "lab": {
      const { lab, version } = await visibleLab(user, input.labSlug!).catch(() => {
        throw fieldError("labSlug", "There is no such lab, or you cannot see it.", "not_found");
      });
      return { title: input.title ?? version.meta.title, labId: lab.id, labVersion: version.version, quizId: null, quizMode: null, studyGoal: null, goalTarget: null };
    }
    case "quiz": {
      const quiz = await visibleQuiz(user, input.quizId!, db).catch(() => {
        throw fieldError("quizId", "There is no such quiz, or you cannot see it.", "not_found");
      });
      return { title: input.title ?? quiz.title, labId: null, labVersion: null, quizId: quiz.id, quizMode: input.quizMode!, studyGoal: null, goalTarget: null };
    }
    case "study": {
      const goal = input.studyGoal!;
      const target = goal === "retention" ? input.goalTarget! / 100 : input.goalTarget!;
      const title = input.title ?? (goal === "reviews" ? `Review ${target} cards` : `Reach ${Math.round(target * 100)} % retention`);
      return { title, labId: null, labVersion: null, quizId: null, quizMode: null, studyGoal: goal, goalTarget: target };
    }
  }
}

function rulesOf(input: AssignmentInput) {
  return {
    instructions: input.instructions ?? null,
    opensAt: input.opensAt,
    dueAt: input.dueAt,
    latePolicy: input.latePolicy as LatePolicy,
    latePenaltyPct: input.latePolicy === "penalty" ? (input.latePenaltyPct ?? 0) : 0,
    attemptsAllowed: input.kind === "study" ? null : (input.attemptsAllowed ?? null),
    // A study goal is one measure of progress, graded by its best showing.
    gradingMethod: (input.kind === "study" ? "highest" : input.gradingMethod) as GradingMethod,
  };
}

export async function createAssignment(user: ClassUser, input: AssignmentInput, db: Db = getDb()): Promise<{ id: string }> {
  await teachingAccess(user, input.classId, db);
  const target = await resolveTarget(user, input, db);
  return db.assignment.create({
    data: { classId: input.classId, kind: input.kind, createdById: user.id, ...target, ...rulesOf(input) },
    select: { id: true },
  });
}

export async function updateAssignment(user: ClassUser, input: AssignmentInput & { assignmentId: string }, db: Db = getDb()): Promise<{ id: string }> {
  const { access, assignment } = await assignmentAccess(user, input.assignmentId, db);
  if (!access.teaches) throw new ActionError("forbidden", "Only the class's instructors can do that.");
  if (input.classId !== assignment.classId) throw fieldError("classId", "An assignment cannot move to another class.");
  if (input.kind !== assignment.kind) throw fieldError("kind", "An assignment keeps its kind; delete it and assign anew instead.");
  const target = await resolveTarget(user, input, db);
  // Re-resolving the same lab keeps the version it was assigned at.
  const keepVersion = target.labId && target.labId === assignment.labId ? { labVersion: assignment.labVersion } : {};
  await db.assignment.update({ where: { id: assignment.id }, data: { ...target, ...keepVersion, ...rulesOf(input) } });
  return { id: assignment.id };
}

export async function deleteAssignment(user: ClassUser, assignmentId: string, db: Db = getDb()): Promise<{ id: string }> {
  const { access, assignment } = await assignmentAccess(user, assignmentId, db);
  if (!access.teaches) throw new ActionError("forbidden", "Only the class's instructors can do that.");
  await db.assignment.delete({ where: { id: assignment.id } });
  return { id: assignment.id };
}
