import type { Metadata } from "next";
import { Button, ButtonLink, Field, FieldRow, PageHeader, SelectField } from "@/components/ui";
import { ClassNav } from "@/components/classroom/ClassNav";
import { GradebookTable } from "@/components/classroom/GradebookTable";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { STATUS_LABELS, type AssignmentStatus } from "@/lib/classroom/grading";
import { getGradebook } from "@/lib/classroom/service/gradebook";
import { orPageError } from "@/lib/classroom/page-errors";

export const metadata: Metadata = { title: "Gradebook" };

const KINDS = ["lab", "quiz", "study"] as const;
const KIND_OPTIONS = [
  { value: "", label: "All" },
  { value: "lab", label: "Labs" },
  { value: "quiz", label: "Quizzes" },
  { value: "study", label: "Study goals" },
];
const STATUS_OPTIONS = [{ value: "", label: "Any" }, ...(Object.entries(STATUS_LABELS) as Array<[AssignmentStatus, string]>).map(([value, label]) => ({ value, label }))];

export default async function GradebookPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { classId } = await params;
  const user = await requireRole(STAFF_ROLES, `/classes/${classId}/gradebook`);
  const sp = await searchParams;
  const kind = KINDS.find((k) => k === sp.kind);
  const status = (Object.keys(STATUS_LABELS) as AssignmentStatus[]).find((s) => s === sp.status);
  const q = sp.q?.slice(0, 100);
  const assignmentId = sp.assignmentId?.slice(0, 64);
  const book = await orPageError(getGradebook(user, classId, { ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}), ...(assignmentId ? { assignmentId } : {}) }));
  const filtered = !!(kind || status || q || assignmentId);
  return (
    <>
      <PageHeader
        title={`${book.access.class.name}: gradebook`}
        description="Grades are computed from learners' attempts and each assignment's rules, as of now."
        actions={
          <ButtonLink href={`/api/classes/${classId}/gradebook/export`} variant="secondary" prefetch={false} download>
            Export CSV
          </ButtonLink>
        }
      />
      <ClassNav classId={classId} current="gradebook" />
      <form method="get" aria-label="Filter the gradebook">
        {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
        <FieldRow>
          <Field name="q" label="Learner" defaultValue={q ?? ""} placeholder="Name or email" />
          <SelectField name="kind" label="Kind" defaultValue={kind ?? ""} options={KIND_OPTIONS} />
          <SelectField name="status" label="Status" defaultValue={status ?? ""} options={STATUS_OPTIONS} />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered ? (
            <ButtonLink href={`/classes/${classId}/gradebook`} variant="ghost">
              Clear filters
            </ButtonLink>
          ) : null}
        </FieldRow>
      </form>
      <GradebookTable classId={classId} book={book} filtered={filtered} />
    </>
  );
}
