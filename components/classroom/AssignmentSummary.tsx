import Link from "next/link";
import { Meter, Stats } from "@/components/ui";
import type { AssignmentSummary as Summary } from "@/lib/classroom/summary";
import { percentText } from "./format";
import styles from "./Classroom.module.css";

/**
 * The class on one assignment, for its instructors: handed in out of the roster, late and missed
 * (each a link to the gradebook filtered to those learners), and the gradebook's average.
 */
export function AssignmentSummary({ classId, summary: s }: { classId: string; summary: Summary }) {
  const filtered = (status: "late" | "missed") => `/classes/${classId}/gradebook?assignmentId=${encodeURIComponent(s.assignmentId)}&status=${status}`;
  const trouble = [
    s.late ? (
      <Link key="late" href={filtered("late")} data-testid="summary-late">
        {s.late} late
      </Link>
    ) : null,
    s.missed ? (
      <Link key="missed" href={filtered("missed")} data-testid="summary-missed">
        {s.missed} missed
      </Link>
    ) : null,
  ].filter(Boolean);
  return (
    <Stats
      layout="row"
      className={styles.summary}
      items={[
        {
          label: "Handed in",
          value: (
            <span className={styles.figure}>
              <span data-testid="summary-handed-in">
                {s.handedIn} / {s.roster}
              </span>
              <Meter size="thin" tone="success" percent={s.roster ? (s.handedIn / s.roster) * 100 : null} />
            </span>
          ),
        },
        {
          label: "Late · missed",
          value: trouble.length ? (
            <span className={styles.trouble}>
              {trouble.flatMap((t, i) => (i ? [<span key={`sep${i}`} aria-hidden="true"> · </span>, t] : [t]))}
            </span>
          ) : (
            <span className={styles.muted} data-testid="summary-none-late">
              none
            </span>
          ),
        },
        {
          label: "Average",
          value: (
            <span className={styles.figure}>
              <span data-testid="summary-average">
                {percentText(s.average)}
                {s.graded ? (
                  <span className={`${styles.muted} ${styles.small}`} style={{ fontWeight: 400, whiteSpace: "nowrap" }}>
                    {" "}
                    of {s.graded} grade{s.graded === 1 ? "" : "s"}
                  </span>
                ) : null}
              </span>
              <Meter size="thin" percent={s.average === null ? null : s.average * 100} />
            </span>
          ),
        },
      ]}
    />
  );
}
