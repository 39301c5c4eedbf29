import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { AssignmentForm } from "@/components/classroom/AssignmentForm";
import { ClassNav } from "@/components/classroom/ClassNav";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { teachingAccess } from "@/lib/classroom/service/access";
import { orPageError } from "@/lib/classroom/page-errors";
import { listLabs } from "@/lib/labs/service/learner";
import { listQuizzes } from "@/lib/quiz/service/quizzes";
import { createAssignmentAction } from "../../../actions";

export const metadata: Metadata = { title: "New assignment" };

export default async function NewAssignmentPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ lab?: string }> }) {
  const { classId } = await params;
  const user = await requireRole(STAFF_ROLES, `/classes/${classId}/assignments/new`);
  const { class: cls } = await orPageError(teachingAccess(user, classId));
  const [labs, quizzes, { lab }] = await Promise.all([listLabs(user), listQuizzes(user), searchParams]);
  return (
    <>
      <PageHeader title="New assignment" description={`For ${cls.name}`} />
      <ClassNav classId={classId} current="new" />
      <AssignmentForm
        classId={classId}
        labs={labs.map((l) => ({ slug: l.id, title: l.title, mine: !l.builtIn }))}
        quizzes={quizzes.map((q) => ({ id: q.id, title: q.title }))}
        {...(lab ? { initial: { kind: "lab", labSlug: lab, title: "", instructions: "", quizId: "", quizMode: "exam", studyGoal: "reviews", goalTarget: "", opensAt: null, dueAt: null, latePolicy: "accept", latePenaltyPct: "", attemptsAllowed: "", gradingMethod: "highest" } as const } : {})}
        action={createAssignmentAction}
      />
    </>
  );
}
