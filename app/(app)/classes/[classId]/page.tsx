import type { Metadata } from "next";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { ActionButton } from "@/components/classroom/ActionButton";
import { AssignmentList } from "@/components/classroom/AssignmentList";
import { ClassNav } from "@/components/classroom/ClassNav";
import { JoinCodePanel } from "@/components/classroom/JoinCodePanel";
import styles from "@/components/classroom/Classroom.module.css";
import { requireUser } from "@/lib/auth/session";
import { getClassView } from "@/lib/classroom/service/gradebook";
import { orPageError } from "@/lib/classroom/page-errors";
import { deleteClassAction, leaveClassAction, rotateJoinCodeAction, setJoinEnabledAction } from "../actions";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requireUser(`/classes/${classId}`);
  const now = new Date();
  const view = await orPageError(getClassView(user, classId, now));
  const cls = view.access.class;
  const teaches = view.access.teaches;
  return (
    <>
      <PageHeader
        title={cls.name}
        description={[cls.term, `taught by ${view.instructors.join(", ")}`, teaches ? `${view.learnerCount} learner${view.learnerCount === 1 ? "" : "s"}` : null].filter(Boolean).join(" · ")}
        actions={teaches ? <ButtonLink href={`/classes/${cls.id}/assignments/new`}>New assignment</ButtonLink> : null}
      />
      {teaches ? <ClassNav classId={cls.id} current="overview" /> : null}
      <div className={styles.stack}>
        {teaches && view.joinCode ? (
          <JoinCodePanel classId={cls.id} code={view.joinCode.code} display={view.joinCode.display} enabled={view.joinCode.enabled} rotate={rotateJoinCodeAction} setEnabled={setJoinEnabledAction} />
        ) : null}
        <section aria-labelledby="assignments-title" className={styles.section}>
          <h2 id="assignments-title">Assignments</h2>
          <AssignmentList classId={cls.id} items={view.assignments} teaches={teaches} now={now} />
        </section>
        {view.access.as === "learner" ? (
          <Card title="Leave the class" headingLevel={2}>
            <p className={styles.muted}>Your attempts stay yours; the class&apos;s instructors stop seeing them.</p>
            <ActionButton action={leaveClassAction} fields={{ classId: cls.id }} label="Leave this class" variant="danger" confirm="Leave this class?" redirectTo="/classes" />
          </Card>
        ) : null}
        {teaches && (cls.ownerId === user.id || user.role === "admin") ? (
          <Card title="Delete the class" headingLevel={2}>
            <p className={styles.muted}>Removes the roster and the assignments. Learners keep their own attempts.</p>
            <ActionButton action={deleteClassAction} fields={{ classId: cls.id }} label="Delete this class" variant="danger" confirm={`Delete "${cls.name}" for everyone?`} redirectTo="/classes" />
          </Card>
        ) : null}
      </div>
    </>
  );
}
