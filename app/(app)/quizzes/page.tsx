import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, Card, EmptyState, PageHeader, Table, cell, Stats } from "@/components/ui";
import { LocalTime } from "@/components/quiz/LocalTime";
import { StartQuiz } from "@/components/quiz/StartQuiz";
import styles from "@/components/quiz/QuizList.module.css";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { sweepExpiredAttempts } from "@/lib/quiz/service/attempts";
import { recentAttempts } from "@/lib/quiz/service/history";
import { listQuizzes } from "@/lib/quiz/service/quizzes";
import { startAttemptAction } from "./actions";

export const metadata: Metadata = { title: "Quizzes" };
export const dynamic = "force-dynamic";

export default async function QuizzesPage() {
  const user = await requireUser("/quizzes");
  // Exams whose time ran out while the tab was closed are scored before they are listed.
  await sweepExpiredAttempts(user.id);
  const [quizzes, recent] = await Promise.all([listQuizzes(user), recentAttempts(user.id, { limit: 10 })]);
  const staff = STAFF_ROLES.includes(user.role);
  return (
    <>
      <PageHeader
        title="Quizzes"
        description="Scenario questions like the real exam's. Practise with feedback after every question, or sit a timed exam in the AWS format."
        actions={staff ? <ButtonLink href="/author/questions" variant="secondary">Question bank</ButtonLink> : undefined}
      />
      {quizzes.length === 0 ? (
        <EmptyState title="No quizzes yet">
          <p>The built-in practice exam appears here once the question bank is loaded (it loads when the server starts).</p>
        </EmptyState>
      ) : (
        <div className={styles.grid}>
          {quizzes.map((q) => (
            <Card key={q.id} title={q.title} headingLevel={2} className={styles.card} data-quiz-id={q.id}>
              <div className={styles.badges}>
                {q.builtin ? <Badge tone="accent">Built-in</Badge> : null}
                {q.mine ? <Badge>Yours</Badge> : null}
                {q.visibility === "private" ? <Badge>Private</Badge> : null}
                <Badge>{q.selection === "draw" ? "Drawn by exam domain" : "Fixed set"}</Badge>
              </div>
              {q.description ? <p className={styles.description}>{q.description}</p> : null}
              {q.inProgress.map((a) => (
                <div key={a.attemptId} className={styles.resume}>
                  <span>
                    {a.mode === "exam" ? "Exam" : "Practice"} in progress, started <LocalTime iso={a.startedAt} />
                  </span>
                  <ButtonLink href={`/quizzes/attempts/${a.attemptId}`} variant="primary">
                    Resume {a.mode === "exam" ? "exam" : "practice"}
                  </ButtonLink>
                </div>
              ))}
              {q.attempts ? (
                <Stats
                  items={[
                    { label: "Attempts", value: q.attempts },
                    ...(q.best !== null ? [{ label: "Best exam score", value: q.best }] : []),
                    ...(q.last
                      ? [
                          {
                            label: "Last",
                            value: (
                              <Link href={`/quizzes/attempts/${q.last.attemptId}`}>
                                {q.last.scaledScore !== null ? `${q.last.scaledScore} (${q.last.passed ? "pass" : "below 720"})` : `${q.last.correct} right (practice)`}
                              </Link>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ) : null}
              <StartQuiz
                quizId={q.id}
                title={q.title}
                selection={q.selection}
                questionCount={q.questionCount}
                durationMinutes={q.durationMinutes}
                available={q.available}
                start={startAttemptAction}
              />
            </Card>
          ))}
        </div>
      )}
      <section className={styles.section} aria-labelledby="recent-title">
        <h2 id="recent-title">Your recent attempts</h2>
        {recent.length === 0 ? (
          <p className={styles.meta}>Nothing yet. Your scores and reviews appear here after you finish a quiz.</p>
        ) : (
          <Table aria-labelledby="recent-title">
            <thead>
              <tr>
                <th scope="col">Finished</th>
                <th scope="col">Quiz</th>
                <th scope="col">Mode</th>
                <th scope="col">Result</th>
                <th scope="col">
                  <span className="visually-hidden">Review</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.map((a) => (
                <tr key={a.id}>
                  <td>
                    <LocalTime iso={a.submittedAt} />
                  </td>
                  <td>{a.quizTitle}</td>
                  <td>{a.mode === "exam" ? "Exam" : "Practice"}</td>
                  <td className={cell.num}>
                    {a.scaledScore !== null ? <span className={a.passed ? styles.pass : styles.fail}>{a.scaledScore}</span> : null}{" "}
                    {a.correct}/{a.total} right
                  </td>
                  <td>
                    <Link href={`/quizzes/attempts/${a.id}`}>Review</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}
