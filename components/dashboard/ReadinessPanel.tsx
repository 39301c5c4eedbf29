import type { Readiness, ReadinessLevel } from "@/lib/quiz/readiness";
import { Meter, type MeterTone } from "@/components/ui";
import { ALMOST_PERCENT, MIN_ANSWERS, MIN_REVIEWS, QUIZ_WEIGHT, READY_PERCENT, RECENT_ANSWERS, WINDOW_DAYS } from "@/lib/quiz/readiness";
import styles from "./Dashboard.module.css";

const TONE: Record<ReadinessLevel, MeterTone> = { ready: "success", almost: "accent", "needs-work": "danger", "not-enough-data": "accent" };

const LEVEL: Record<ReadinessLevel, string> = {
  ready: "Ready",
  almost: "Almost",
  "needs-work": "Needs work",
  "not-enough-data": "Not enough data",
};

/** Readiness per exam domain, with the rule behind the number spelled out. */
export function ReadinessPanel({ readiness }: { readiness: Readiness }) {
  return (
    <section className={styles.panel} aria-labelledby="readiness-title">
      <div className={styles.panelHead}>
        <h2 id="readiness-title" className={styles.panelTitle}>
          Readiness by exam domain
        </h2>
        {readiness.overall !== null ? (
          <span className={styles.overall}>
            Overall <strong>{readiness.overall}%</strong>
            {readiness.coverage < 100 ? <span className={styles.muted}> over {readiness.coverage}% of the exam</span> : null}
          </span>
        ) : null}
      </div>
      <ul className={styles.readiness}>
        {readiness.domains.map((d) => (
          <li key={d.domain} data-domain={d.domain} data-level={d.level}>
            <div className={styles.rHead}>
              <span className={styles.rName}>
                {d.name} <span className={styles.muted}>· {d.weight}% of the exam</span>
              </span>
              <span className={`${styles.level} ${styles[`level-${d.level}`] ?? ""}`}>
                {d.percent !== null ? `${d.percent}% · ` : ""}
                {LEVEL[d.level]}
              </span>
            </div>
            <Meter
              percent={d.percent}
              tone={TONE[d.level]}
              mark={READY_PERCENT}
              label={`${d.name} readiness`}
              valueText={d.percent === null ? "not enough data" : `${d.percent}%`}
            />
            <p className={styles.basis}>{d.basis}.</p>
          </li>
        ))}
      </ul>
      <details className={styles.how}>
        <summary>How readiness is worked out</summary>
        <ul>
          <li>
            <strong>Quiz accuracy</strong> (the main signal, since scenario questions are what the exam asks): of your latest {RECENT_ANSWERS} scored answers in the domain — practice and exam — from the last {WINDOW_DAYS} days, the share answered right. Counted from {MIN_ANSWERS} answers.
          </li>
          <li>
            <strong>Card retention</strong>: of your reviews of cards tagged with the domain that were already in review in the last {WINDOW_DAYS} days, the share you did not rate Again. Counted from {MIN_REVIEWS} reviews.
          </li>
          <li>
            With both, readiness = {Math.round(QUIZ_WEIGHT * 100)}% quiz accuracy + {Math.round((1 - QUIZ_WEIGHT) * 100)}% card retention; with one, that one.
          </li>
          <li>
            {READY_PERCENT}% or more is <em>ready</em> — the share of right answers our practice exam scales to 720, the pass mark; {ALMOST_PERCENT}–{READY_PERCENT - 1}% is <em>almost</em>; below is <em>needs work</em>. Overall weighs each domain by its share of the exam (32/26/24/18).
          </li>
          <li>It is a guide to where to study next, not a prediction of your AWS score.</li>
        </ul>
      </details>
    </section>
  );
}
