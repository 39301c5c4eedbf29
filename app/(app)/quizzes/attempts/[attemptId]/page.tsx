import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink, PageHeader } from "@/components/ui";
import { DomainBreakdown } from "@/components/quiz/DomainBreakdown";
import { ExamPlayer } from "@/components/quiz/ExamPlayer";
import { PracticePlayer } from "@/components/quiz/PracticePlayer";
import { ReviewList } from "@/components/quiz/ReviewList";
import { ScoreSummary } from "@/components/quiz/ScoreSummary";
import styles from "@/components/quiz/Results.module.css";
import { ActionError } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { DVA_C02 } from "@/lib/quiz/exam";
import { openAttempt } from "@/lib/quiz/service/attempts";

export const metadata: Metadata = { title: "Quiz" };
export const dynamic = "force-dynamic";

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const user = await requireUser(`/quizzes/attempts/${attemptId}`);
  let opened;
  try {
    // Opening an exam past its deadline submits it here: the server's clock decides.
    opened = await openAttempt(user, attemptId);
  } catch (error) {
    if (error instanceof ActionError && error.code === "not_found") notFound();
    throw error;
  }

  if (opened.status === "in-progress") {
    const a = opened.attempt;
    return a.mode === "exam" ? <ExamPlayer key={a.id} attempt={a} /> : <PracticePlayer key={a.id} attempt={a} />;
  }

  const r = opened.result;
  return (
    <>
      <PageHeader
        title={`${r.mode === "exam" ? "Exam" : "Practice"} results`}
        description={r.quizTitle}
        actions={
          <ButtonLink href="/quizzes" variant="secondary">
            Back to quizzes
          </ButtonLink>
        }
      />
      <div className={styles.page}>
        <ScoreSummary result={r} />
        {r.mode === "exam" ? (
          <details className={styles.explain}>
            <summary>How the scaled score is worked out</summary>
            <p>{r.scalingExplanation}</p>
          </details>
        ) : null}
        <DomainBreakdown domains={r.perDomain} cutPercent={DVA_C02.passingRawPercent} />
        <ReviewList attemptId={r.id} items={r.review} />
      </div>
    </>
  );
}
