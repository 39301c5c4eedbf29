import { ButtonLink, EmptyState, Meter } from "@/components/ui";
import { startAttemptAction } from "@/app/(app)/quizzes/actions";
import { deleteAssignmentAction } from "@/app/(app)/classes/actions";
import { GRADING_METHOD_LABELS } from "@/lib/classroom/grading";
import type { AssignmentRecord } from "@/lib/classroom/service/assignments";
import type { GradeCell } from "@/lib/classroom/service/grades";
import type { AssignmentSummary as Summary } from "@/lib/classroom/summary";
import { ActionButton } from "./ActionButton";
import { AssignmentSummary } from "./AssignmentSummary";
import { LocalDate } from "./LocalDate";
import { StartAssignedQuiz } from "./StartAssignedQuiz";
import { StatusBadge } from "./StatusBadge";
import { percentText } from "./format";
import styles from "./Classroom.module.css";

const KIND = { lab: "Lab", quiz: "Quiz", study: "Study goal" } as const;

function rulesText(a: AssignmentRecord): string {
  const parts: string[] = [];
  if (a.kind === "study" && a.goalTarget !== null) parts.push(a.studyGoal === "retention" ? `goal: ${a.goalTarget} % retention` : `goal: ${a.goalTarget} card reviews`);
  if (a.latePolicy === "penalty") parts.push(`late: −${a.latePenaltyPct} % per day`);
  else parts.push(a.latePolicy === "refuse" ? "no late work" : "late work accepted");
  if (a.kind !== "study") {
    parts.push(a.attemptsAllowed === null ? "unlimited attempts" : `${a.attemptsAllowed} attempt${a.attemptsAllowed === 1 ? "" : "s"}`);
    parts.push(GRADING_METHOD_LABELS[a.gradingMethod].toLowerCase());
  }
  return parts.join(" · ");
}

function OpenLink({ a }: { a: AssignmentRecord }) {
  if (a.kind === "lab" && a.labSlug) return <ButtonLink href={`/labs/${a.labSlug}`}>Open lab</ButtonLink>;
  if (a.kind === "quiz" && a.quizId && a.quizMode) return <StartAssignedQuiz quizId={a.quizId} mode={a.quizMode} start={startAttemptAction} label={a.quizMode === "exam" ? "Start exam" : "Practise"} />;
  if (a.kind === "study") return <ButtonLink href="/study">Study</ButtonLink>;
  return <span className={styles.muted}>{a.kind === "lab" ? "The lab was removed." : "The quiz was removed."}</span>;
}

/** A class's assignments: a learner sees their own status and grade; an instructor the class's summary, the rules and tools. */
export function AssignmentList({ classId, items, teaches, now }: { classId: string; items: ReadonlyArray<{ assignment: AssignmentRecord; mine: GradeCell | null; summary?: Summary | null }>; teaches: boolean; now: Date }) {
  if (!items.length) {
    return (
      <EmptyState title="No assignments yet" action={teaches ? <ButtonLink href={`/classes/${classId}/assignments/new`}>New assignment</ButtonLink> : undefined}>
        <p>{teaches ? "Assign a lab, a quiz or a study goal with a due date; learners see it here once it opens." : "Your instructor has not assigned anything yet. Assignments appear here with their due dates."}</p>
      </EmptyState>
    );
  }
  return (
    <ul className={styles.list} aria-label="Assignments">
      {items.map(({ assignment: a, mine, summary }) => (
        <li key={a.id} className={styles.item} data-assignment={a.id}>
          <div className={styles.itemHead}>
            <h3 className={styles.itemTitle}>{a.title}</h3>
            {mine ? <StatusBadge status={mine.status} /> : null}
          </div>
          <p className={styles.meta}>
            <span>{KIND[a.kind]}{a.kind === "quiz" && a.quizMode ? ` · ${a.quizMode}` : ""}{a.kind === "lab" && a.labVersion ? ` · assigned at v${a.labVersion}${a.labCurrentVersion && a.labCurrentVersion !== a.labVersion ? `, now v${a.labCurrentVersion}` : ""}` : ""}</span>
            <span>
              Due <LocalDate iso={a.dueAt.toISOString()} withWeekday />
            </span>
            {a.opensAt > now ? (
              <span>
                Opens <LocalDate iso={a.opensAt.toISOString()} />
              </span>
            ) : null}
            <span>{rulesText(a)}</span>
          </p>
          {a.instructions ? <p>{a.instructions}</p> : null}
          {mine ? (
            <div className={styles.actionsRow}>
              <span>
                Your grade: <strong className={styles.score} data-testid="my-grade">{percentText(mine.ratio)}</strong>
                {mine.detail ? <span className={styles.muted}> · {mine.detail}</span> : null}
              </span>
              {mine.progress !== undefined ? (
                <Meter size="thin" percent={mine.progress * 100} style={{ width: "8rem" }} />
              ) : null}
              {mine.status === "missed" ? (
                <span className={styles.muted} data-testid="closed">
                  {a.latePolicy === "refuse" && now > a.dueAt ? "Closed: the due date has passed and late work is not accepted." : "Closed: every allowed attempt is used."}
                </span>
              ) : mine.status !== "graded" && !(mine.grade.left === 0) ? (
                <OpenLink a={a} />
              ) : null}
            </div>
          ) : null}
          {teaches && summary ? <AssignmentSummary classId={classId} summary={summary} /> : null}
          {teaches ? (
            <div className={styles.actionsRow}>
              <ButtonLink variant="secondary" href={`/classes/${classId}/assignments/${a.id}/edit`}>
                Edit
              </ButtonLink>
              {a.kind !== "study" ? (
                <ButtonLink variant="secondary" href={`/classes/${classId}/assignments/${a.id}/analysis`}>
                  Item analysis
                </ButtonLink>
              ) : null}
              <ButtonLink variant="secondary" href={`/classes/${classId}/gradebook?assignmentId=${a.id}`}>
                Grades
              </ButtonLink>
              <ActionButton action={deleteAssignmentAction} fields={{ assignmentId: a.id }} label="Delete" variant="danger-ghost" confirm={`Delete "${a.title}"? Learners' attempts stay theirs, but the grades leave the gradebook.`} formLabel={`Delete ${a.title}`} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
