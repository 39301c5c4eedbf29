import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui";
import { AssignmentForm } from "@/components/classroom/AssignmentForm";
import { ClassNav } from "@/components/classroom/ClassNav";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { assignmentAccess } from "@/lib/classroom/service/assignments";
import { orPageError } from "@/lib/classroom/page-errors";
import { forbidden } from "next/navigation";
import { listLabs } from "@/lib/labs/service/learner";
import { listQuizzes } from "@/lib/quiz/service/quizzes";
import { updateAssignmentAction } from "../../../../actions";

export const metadata: Metadata = { title: "Edit assignment" };

export default async function EditAssignmentPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  const user = await requireRole(STAFF_ROLES, `/classes/${classId}/assignments/${assignmentId}/edit`);
  const { access, assignment: a } = await orPageError(assignmentAccess(user, assignmentId));
  if (a.classId !== classId) notFound();
  if (!access.teaches) forbidden();
  const [labs, quizzes] = await Promise.all([listLabs(user), listQuizzes(user)]);
  return (
    <>
      <PageHeader title={`Edit: ${a.title}`} description={`In ${access.class.name}`} />
      <ClassNav classId={classId} current="overview" />
      <AssignmentForm
        classId={classId}
        labs={labs.map((l) => ({ slug: l.id, title: l.title, mine: !l.builtIn }))}
        quizzes={quizzes.map((q) => ({ id: q.id, title: q.title }))}
        initial={{
          assignmentId: a.id,
          kind: a.kind,
          title: a.title,
          instructions: a.instructions ?? "",
          labSlug: a.labSlug ?? "",
          quizId: a.quizId ?? "",
          quizMode: a.quizMode ?? "exam",
          studyGoal: a.studyGoal ?? "reviews",
          goalTarget: a.goalTarget === null ? "" : String(a.studyGoal === "retention" ? Math.round(a.goalTarget * 100) : a.goalTarget),
          opensAt: a.opensAt.toISOString(),
          dueAt: a.dueAt.toISOString(),
          latePolicy: a.latePolicy,
          latePenaltyPct: String(a.latePenaltyPct || ""),
          attemptsAllowed: a.attemptsAllowed === null ? "" : String(a.attemptsAllowed),
          gradingMethod: a.gradingMethod,
        }}
        action={updateAssignmentAction}
      />
    </>
  );
}
