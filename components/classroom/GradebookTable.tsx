import Link from "next/link";
import { EmptyState, Table, cell } from "@/components/ui";
import type { Gradebook } from "@/lib/classroom/service/gradebook";
import { displayName } from "@/lib/classroom/service/roster";
import { LocalDate } from "./LocalDate";
import { StatusBadge } from "./StatusBadge";
import { percentText } from "./format";
import styles from "./Classroom.module.css";

/** Learners × assignments: each cell the grade, the status and how many attempts. */
export function GradebookTable({ classId, book }: { classId: string; book: Gradebook }) {
  if (!book.rows.length || !book.assignments.length) {
    return (
      <EmptyState title={!book.assignments.length ? "No assignments to grade" : "No learner matches"}>
        <p>{!book.assignments.length ? "Assign a lab, a quiz or a study goal; the gradebook fills in as learners work." : "No learner in this class matches these filters (or nobody has joined yet)."}</p>
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Gradebook">
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
