import { STATUS_LABELS, type AssignmentStatus } from "@/lib/classroom/grading";
import styles from "./Classroom.module.css";

/** An assignment's status as a pill; the text says it (colour is only a second cue). */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <span className={`${styles.status} ${styles[status]}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
