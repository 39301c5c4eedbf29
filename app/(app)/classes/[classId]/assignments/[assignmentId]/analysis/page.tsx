import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui";
import { ClassNav } from "@/components/classroom/ClassNav";
import { ItemAnalysisTable } from "@/components/classroom/ItemAnalysisTable";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { analyseAssignment } from "@/lib/classroom/service/analysis";
import { orPageError } from "@/lib/classroom/page-errors";

export const metadata: Metadata = { title: "Item analysis" };

export default async function AnalysisPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  const user = await requireRole(STAFF_ROLES, `/classes/${classId}/assignments/${assignmentId}/analysis`);
  const analysis = await orPageError(analyseAssignment(user, assignmentId));
  if (analysis.assignment.classId !== classId) notFound();
  return (
    <>
      <PageHeader title={`Item analysis: ${analysis.assignment.title}`} description={`From each learner's first attempt — ${analysis.learners} learner${analysis.learners === 1 ? "" : "s"} so far.`} />
      <ClassNav classId={classId} current="overview" />
      <ItemAnalysisTable analysis={analysis} />
    </>
  );
}
