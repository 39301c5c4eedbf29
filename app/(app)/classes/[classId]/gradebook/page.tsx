import type { Metadata } from "next";
import { ButtonLink, PageHeader } from "@/components/ui";
import { ClassNav } from "@/components/classroom/ClassNav";
import { GradebookTable } from "@/components/classroom/GradebookTable";
import styles from "@/components/classroom/Classroom.module.css";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { STATUS_LABELS, type AssignmentStatus } from "@/lib/classroom/grading";
import { getGradebook } from "@/lib/classroom/service/gradebook";
import { orPageError } from "@/lib/classroom/page-errors";

export const metadata: Metadata = { title: "Gradebook" };

const KINDS = ["lab", "quiz", "study"] as const;

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
      <form method="get" aria-label="Filter the gradebook" className={styles.inlineForm} style={{ marginBottom: "var(--space-4)" }}>
        {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
        <label className={styles.stack} style={{ gap: "var(--space-1)" }}>
          <span>Learner</span>
          <input name="q" defaultValue={q ?? ""} placeholder="Name or email" className={styles.textarea} />
        </label>
        <label className={styles.stack} style={{ gap: "var(--space-1)" }}>
          <span>Kind</span>
          <select name="kind" defaultValue={kind ?? ""} className={styles.textarea}>
            <option value="">All</option>
            <option value="lab">Labs</option>
            <option value="quiz">Quizzes</option>
            <option value="study">Study goals</option>
          </select>
        </label>
        <label className={styles.stack} style={{ gap: "var(--space-1)" }}>
          <span>Status</span>
          <select name="status" defaultValue={status ?? ""} className={styles.textarea}>
            <option value="">Any</option>
            {(Object.entries(STATUS_LABELS) as Array<[AssignmentStatus, string]>).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={styles.status} style={{ padding: "var(--space-2) var(--space-4)", cursor: "pointer" }}>
          Filter
        </button>
        {filtered ? <a href={`/classes/${classId}/gradebook`}>Clear filters</a> : null}
      </form>
      <GradebookTable classId={classId} book={book} />
    </>
  );
}
