import Link from "next/link";
import { ButtonLink } from "@/components/ui";
import type { AttemptSummary } from "@/lib/quiz/service/history";
import styles from "./Dashboard.module.css";

const MIN = 100;
const MAX = 1000;
const PASS = 720;
const pos = (v: number) => ((v - MIN) * 100) / (MAX - MIN);

/** The last exam scores, oldest to newest, against the 720 pass mark. */
export function RecentScores({ exams }: { exams: readonly AttemptSummary[] }) {
  const ordered = [...exams].reverse();
  return (
    <section className={styles.panel} aria-labelledby="scores-title">
      <h2 id="scores-title" className={styles.panelTitle}>
        Recent exam scores
      </h2>
      {ordered.length === 0 ? (
        <div className={styles.empty}>
          <p>No exams yet. A practice exam takes 130 minutes and shows your scaled score and where to focus.</p>
          <ButtonLink href="/quizzes" variant="secondary">
            Go to quizzes
          </ButtonLink>
        </div>
      ) : (
        <>
          <div className={styles.chart} role="img" aria-label={`Scaled scores, oldest first: ${ordered.map((e) => e.scaledScore).join(", ")}; 720 passes`}>
            <div className={styles.passLine} style={{ bottom: `${pos(PASS)}%` }}>
              <span>720</span>
            </div>
            {ordered.map((e) => (
              <div key={e.id} className={styles.col}>
                <div className={`${styles.colBar} ${e.passed ? styles.good : styles.weak}`} style={{ height: `${pos(e.scaledScore ?? MIN)}%` }} />
              </div>
            ))}
          </div>
          <ol className={styles.scoreList} reversed>
            {exams.slice(0, 4).map((e) => (
              <li key={e.id}>
                <Link href={`/quizzes/attempts/${e.id}`}>
                  <strong className={e.passed ? styles.goodText : styles.weakText}>{e.scaledScore}</strong>
                </Link>{" "}
                <span className={styles.muted}>
                  {e.quizTitle} · {e.correct}/{e.total} right{e.autoSubmitted ? " · time ran out" : ""}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
