import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Table, cell } from "@/components/ui";
import { ActionButton } from "@/components/classroom/ActionButton";
import { AddCoInstructorForm } from "@/components/classroom/AddCoInstructorForm";
import { ClassNav } from "@/components/classroom/ClassNav";
import { LocalDate } from "@/components/classroom/LocalDate";
import styles from "@/components/classroom/Classroom.module.css";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { teachingAccess } from "@/lib/classroom/service/access";
import { displayName, listRoster } from "@/lib/classroom/service/roster";
import { orPageError } from "@/lib/classroom/page-errors";
import { addCoInstructorAction, removeMemberAction } from "../../actions";

export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requireRole(STAFF_ROLES, `/classes/${classId}/roster`);
  const { class: cls } = await orPageError(teachingAccess(user, classId));
  const roster = await listRoster(user, classId);
  const learners = roster.filter((m) => m.role === "learner");
  const instructors = roster.filter((m) => m.role === "instructor");
  return (
    <>
      <PageHeader title={`${cls.name}: roster`} description={`${learners.length} learner${learners.length === 1 ? "" : "s"}, ${instructors.length} instructor${instructors.length === 1 ? "" : "s"}`} />
      <ClassNav classId={classId} current="roster" />
      <div className={styles.stack}>
        <Card title="Instructors" headingLevel={2}>
          <div className={styles.stack}>
            <ul className={styles.list} aria-label="Instructors">
              {instructors.map((m) => (
                <li key={m.userId} className={styles.item}>
                  <div className={styles.itemHead}>
                    <span>
                      <strong>{displayName(m)}</strong> <span className={styles.muted}>{m.email}</span>
                    </span>
                    {m.owner ? <span className={styles.muted}>Created the class</span> : <ActionButton action={removeMemberAction} fields={{ classId, userId: m.userId }} label="Remove" variant="danger-ghost" confirm={`Remove ${displayName(m)} as an instructor?`} formLabel={`Remove ${m.email}`} />}
                  </div>
                </li>
              ))}
            </ul>
            <AddCoInstructorForm classId={classId} action={addCoInstructorAction} />
          </div>
        </Card>
        <Card title="Learners" headingLevel={2}>
          {learners.length ? (
            <Table variant="plain">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Joined</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {learners.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">
                      <Link href={`/classes/${classId}/learners/${m.userId}`}>{displayName(m)}</Link>
                    </th>
                    <td>{m.email}</td>
                    <td className={cell.nowrap}>
                      <LocalDate iso={m.joinedAt} />
                    </td>
                    <td className={cell.action}>
                      <ActionButton action={removeMemberAction} fields={{ classId, userId: m.userId }} label="Remove" variant="danger-ghost" confirm={`Remove ${displayName(m)} from the class?`} formLabel={`Remove ${m.email}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className={styles.muted}>No learners yet. Share the join code or invite link from the class page.</p>
          )}
        </Card>
      </div>
    </>
  );
}
