import type { ResultView } from "@/lib/quiz/views";
import { Meter, Stats } from "@/components/ui";
import styles from "./Results.module.css";

function duration(fromIso: string, toIso: string): string {
  const s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h} h ${m} min` : m ? `${m} min ${s % 60} s` : `${s} s`;
}

/** The headline: the scaled score on AWS's scale with the pass mark, or a practice session's tally. */
export function ScoreSummary({ result }: { result: ResultView }) {
  const exam = result.mode === "exam" && result.scaledScore !== null;
  const span = result.scaledMax - result.scaledMin;
  const at = (v: number) => `${((v - result.scaledMin) * 100) / span}%`;
  return (
    <section className={styles.summary} aria-labelledby="score-title">
      <div className={styles.scoreBlock}>
        <h2 id="score-title" className={styles.scoreLabel}>
          {exam ? "Scaled score" : "Practice result"}
        </h2>
        {exam ? (
          <>
            <p className={styles.score}>
              <span data-testid="scaled-score">{result.scaledScore}</span>
              <span className={styles.scoreMax}> / {result.scaledMax}</span>
            </p>
            <p className={result.passed ? styles.pass : styles.fail}>{result.passed ? "Pass" : "Below the pass mark"}</p>
          </>
        ) : (
          <p className={styles.score}>
            {result.correct}
            <span className={styles.scoreMax}> / {result.total} right</span>
          </p>
        )}
      </div>
      <div className={styles.facts}>
        {exam ? (
          <div className={styles.scale} role="img" aria-label={`Score ${result.scaledScore} on a ${result.scaledMin} to ${result.scaledMax} scale; ${result.passingScaled} passes`}>
            <Meter size="large" percent={((result.scaledScore! - result.scaledMin) * 100) / span} tone={result.passed ? "success" : "danger"} mark={((result.passingScaled - result.scaledMin) * 100) / span} />
            <div className={styles.scaleLabels}>
              <span>{result.scaledMin}</span>
              <span style={{ left: at(result.passingScaled) }} className={styles.scaleCutLabel}>
                {result.passingScaled} to pass
              </span>
              <span>{result.scaledMax}</span>
            </div>
          </div>
        ) : null}
        <Stats
          items={[
            { label: "Correct", value: `${result.correct} of ${result.total}` },
            { label: "Answered", value: `${result.answered} of ${result.total}` },
            { label: "Time", value: `${duration(result.startedAt, result.submittedAt)}${result.durationMinutes ? ` of ${result.durationMinutes} min` : ""}` },
          ]}
        />
        {result.autoSubmitted ? <p className={styles.note}>Time ran out: the exam was submitted automatically at its deadline with the answers given by then.</p> : null}
      </div>
    </section>
  );
}
