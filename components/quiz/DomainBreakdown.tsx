import type { DomainResult } from "@/lib/quiz/exam";
import { Meter } from "@/components/ui";
import styles from "./Results.module.css";

const RATING: Record<NonNullable<DomainResult["rating"]>, string> = {
  "meets-competencies": "Meets competencies",
  "needs-improvement": "Needs improvement",
};

/**
 * Per exam domain: share answered right, as a bar with the 72 % cut marked — the same two ratings
 * AWS score reports give each section.
 */
export function DomainBreakdown({ domains, cutPercent }: { domains: readonly DomainResult[]; cutPercent: number }) {
  const shown = domains.filter((d) => d.total > 0);
  return (
    <section aria-labelledby="domains-title" className={styles.domains}>
      <h2 id="domains-title">By exam domain</h2>
      {shown.length === 0 ? <p className={styles.note}>No scored questions.</p> : null}
      <ul className={styles.bars}>
        {shown.map((d) => (
          <li key={d.domain} className={styles.barRow} data-domain={d.domain}>
            <div className={styles.barHead}>
              <span className={styles.barName}>{d.name}</span>
              <span className={styles.barValue}>
                {d.percent}% · {d.correct}/{d.total}
              </span>
            </div>
            <Meter
              percent={d.percent ?? 0}
              tone={d.rating === "meets-competencies" ? "success" : "accent"}
              mark={cutPercent}
              markTitle={`${cutPercent}% — the pass share`}
              label={`${d.name}: ${d.correct} of ${d.total} correct`}
            />
            {d.rating ? <span className={d.rating === "meets-competencies" ? styles.good : styles.weak}>{RATING[d.rating]}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
