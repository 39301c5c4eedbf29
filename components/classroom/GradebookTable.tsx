import Link from "next/link";
import { ButtonLink, EmptyState, Table, cell } from "@/components/ui";
import type { Gradebook } from "@/lib/classroom/service/gradebook";
import { displayName } from "@/lib/classroom/service/roster";
import { LocalDate } from "./LocalDate";
import { StatusBadge } from "./StatusBadge";
import { percentText } from "./format";
import styles from "./Classroom.module.css";

/** Learners × assignments: each cell the grade, the status and how many attempts. */
export function GradebookTable({ classId, book, filtered = false }: { classId: string; book: Gradebook; filtered?: boolean }) {
  if (!book.assignments.length) {
    return (
      <EmptyState title="No assignments to grade" action={<ButtonLink href={`/classes/${classId}/assignments/new`}>New assignment</ButtonLink>}>
        <p>Assign a lab, a quiz or a study goal; the gradebook fills in as learners work.</p>
      </EmptyState>
    );
  }
  if (!book.rows.length) {
    return filtered ? (
      <EmptyState title="No learner matches" action={<ButtonLink href={`/classes/${classId}/gradebook`} variant="secondary">Clear filters</ButtonLink>}>
        <p>No learner in this class matches these filters.</p>
      </EmptyState>
    ) : (
      <EmptyState title="Nobody has joined yet" action={<ButtonLink href={`/classes/${classId}`} variant="secondary">Show the join code</ButtonLink>}>
        <p>Learners join with the class code or invite link; each one gets a row here.</p>
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Gradebook" stickyFirstColumn>
      <thead>
        <tr>
          <th scope="col">Learner</th>
          {book.assignments.map((a) => (
            <th scope="col" key={a.id}>
              {a.title}
              <div className={styles.small} style={{ fontWeight: 400 }}>
                due <LocalDate iso={a.dueAt.toISOString()} />
              </div>
            </th>
          ))}
          <th scope="col" className={cell.num}>Average</th>
        </tr>
      </thead>
      <tbody>
        {book.rows.map((r) => (
          <tr key={r.learner.id} data-learner={r.learner.email}>
            <th scope="row">
              <Link href={`/classes/${classId}/learners/${r.learner.id}`}>{displayName(r.learner)}</Link>
              <div className={styles.muted}>{r.learner.email}</div>
            </th>
            {r.cells.map((c) => (
              <td key={c.assignmentId} data-assignment={c.assignmentId}>
                <div className={styles.cell}>
                  <span className={styles.score} data-testid="grade">{percentText(c.ratio)}</span>
                  <StatusBadge status={c.status} />
                  {c.detail ? <span className={`${styles.muted} ${styles.small}`}>{c.detail}</span> : null}
                </div>
              </td>
            ))}
            <td className={`${cell.num} ${styles.score}`}>{percentText(r.average)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
