import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Table, cell } from "@/components/ui";
import { ClassNav } from "@/components/classroom/ClassNav";
import { LocalDate } from "@/components/classroom/LocalDate";
import { StatusBadge } from "@/components/classroom/StatusBadge";
import { percentText } from "@/components/classroom/format";
import styles from "@/components/classroom/Classroom.module.css";
import { Markdown } from "@/components/ui/Markdown";
import { Timeline } from "@/components/labs/timeline/Timeline";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { learnerDetail, learnerLabAttempt } from "@/lib/classroom/service/gradebook";
import { displayName } from "@/lib/classroom/service/roster";
import { orPageError } from "@/lib/classroom/page-errors";

export const metadata: Metadata = { title: "Learner" };

const show = (v: unknown) => (v === null || v === undefined ? "—" : Array.isArray(v) ? v.join(", ") : String(v));

/** One learner in depth: their grades, their lab attempts (with the run's timeline) and exam attempts. */
export default async function LearnerPage({ params, searchParams }: { params: Promise<{ classId: string; userId: string }>; searchParams: Promise<{ attempt?: string }> }) {
  const { classId, userId } = await params;
  const user = await requireRole(STAFF_ROLES, `/classes/${classId}/learners/${userId}`);
  const { attempt } = await searchParams;
  const chosen = attempt ? await orPageError(learnerLabAttempt(user, classId, userId, attempt.slice(0, 64))) : null;
  const detail = chosen?.detail ?? (await orPageError(learnerDetail(user, classId, userId)));
  const name = displayName(detail.learner);
  return (
    <>
      <PageHeader title={name} description={`${detail.learner.email} · ${detail.access.class.name}`} />
      <ClassNav classId={classId} current="gradebook" />
      <div className={styles.stack}>
        <Card title="Grades" headingLevel={2}>
          <Table variant="plain">
            <thead>
              <tr>
                <th scope="col">Assignment</th>
                <th scope="col">Status</th>
                <th scope="col" className={cell.num}>Grade</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {detail.assignments.map(({ assignment: a, cell: grade }) => (
                <tr key={a.id}>
                  <th scope="row">{a.title}</th>
                  <td>
                    <StatusBadge status={grade.status} />
                  </td>
                  <td className={cell.num}>{percentText(grade.ratio)}</td>
                  <td className={styles.muted}>
                    {grade.detail}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>

        <Card title="Lab attempts" headingLevel={2}>
          {detail.labAttempts.length ? (
            <ul className={styles.list}>
              {detail.labAttempts.map((a) => (
                <li key={a.id} className={styles.item}>
                  <div className={styles.itemHead}>
                    <span>
                      <strong>{a.labTitle}</strong> <span className={styles.muted}>v{a.labVersion} · variant {a.variantIndex + 1}</span>
                    </span>
                    <span className={styles.score}>
                      {a.score} / {a.maxScore}
                    </span>
                  </div>
                  <p className={styles.meta}>
                    <LocalDate iso={a.createdAt.toISOString()} />
                    {a.assignments.map((x) => (
                      <span key={x.title} data-counted={x.counted}>
                        {x.title}: {x.counted ? "counts" : "does not count"}
                      </span>
                    ))}
                    {chosen?.summary.id === a.id ? <strong>Shown below</strong> : <Link href={`/classes/${classId}/learners/${userId}?attempt=${a.id}#attempt`}>Show the run and answers</Link>}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>No attempts on this class&apos;s labs yet.</p>
          )}
        </Card>

        {chosen ? (
          <Card title={`${chosen.title} — attempt of ${new Date(chosen.summary.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC`} headingLevel={2} id="attempt">
            <div className={styles.stack}>
              <Table variant="plain" aria-label="Predictions">
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Prediction</th>
                    <th scope="col">Truth</th>
                    <th scope="col" className={cell.num}>Points</th>
                  </tr>
                </thead>
                <tbody>
                  {chosen.questions.map((q) => (
                    <tr key={q.id}>
                      <th scope="row" style={{ whiteSpace: "normal" }}>
                        <Markdown inline>{q.prompt}</Markdown>
                      </th>
                      <td>{show(q.prediction)}</td>
                      <td>{show(q.truth)}</td>
                      <td className={cell.num}>
                        {q.points} / {q.maxPoints} {q.correct ? "✓" : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Timeline trace={chosen.trace} title="Timeline of the run" />
            </div>
          </Card>
        ) : null}

        <Card title="Quiz and exam attempts" headingLevel={2}>
          {detail.examAttempts.length ? (
            <ul className={styles.list}>
              {detail.examAttempts.map((e) => (
                <li key={e.id} className={styles.item}>
                  <div className={styles.itemHead}>
                    <span>
                      <strong>{e.quizTitle}</strong> <span className={styles.muted}>{e.mode}{e.autoSubmitted ? " · submitted at time-out" : ""}</span>
                    </span>
                    <span className={styles.score}>
                      {e.submittedAt ? `${e.correct ?? 0} / ${e.total}${e.scaledScore !== null ? ` · ${e.scaledScore}${e.passed ? " (pass)" : " (below 720)"}` : ""}` : "in progress"}
                    </span>
                  </div>
                  <p className={styles.meta}>
                    Started <LocalDate iso={e.startedAt.toISOString()} />
                  </p>
                  {e.submittedAt ? (
                    <details>
                      <summary>Questions</summary>
                      <ol>
                        {e.questions.map((q) => (
                          <li key={q.questionId}>
                            {q.correct === true ? "✓ " : q.correct === false ? "✗ " : "· "}
                            {q.stem.length > 140 ? `${q.stem.slice(0, 137)}…` : q.stem} <span className={styles.muted}>({q.domain}{q.answered ? "" : ", blank"})</span>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>No attempts on this class&apos;s quizzes yet.</p>
          )}
        </Card>
      </div>
    </>
  );
}
