import Link from "next/link";
import { ButtonLink } from "@/components/ui";
import type { DashboardData } from "@/lib/quiz/service/dashboard";
import styles from "./Dashboard.module.css";

/** Due today, streak and retention — the three numbers of the daily habit. */
export function StatTiles({ data }: { data: DashboardData }) {
  const { due, streak, retention } = data;
  const weeks = retention.weeks.filter((w) => w.retention !== null);
  return (
    <div className={styles.tiles}>
      <section className={styles.tile} aria-labelledby="due-title">
        <h2 id="due-title" className={styles.tileLabel}>
          Due today
        </h2>
        <p className={styles.big} data-testid="due-total">
          {due.total}
          <span className={styles.unit}> card{due.total === 1 ? "" : "s"}</span>
        </p>
        {due.total ? (
          <>
            <p className={styles.sub}>
              {due.review} review · {due.learning} learning · {due.new} new
            </p>
            <ul className={styles.decks}>
              {due.decks.slice(0, 4).map((d) => (
                <li key={d.id}>
                  <Link href={`/study/review?deck=${d.id}`}>{d.name}</Link> <span className={styles.muted}>{d.due}</span>
                </li>
              ))}
            </ul>
            <ButtonLink href="/study/review">Start reviewing</ButtonLink>
          </>
        ) : (
          <p className={styles.sub}>
            Nothing due. {data.answersToday ? `You answered ${data.answersToday} card${data.answersToday === 1 ? "" : "s"} today.` : <Link href="/study">Browse your decks</Link>}
          </p>
        )}
      </section>

      <section className={styles.tile} aria-labelledby="streak-title">
        <h2 id="streak-title" className={styles.tileLabel}>
          Streak
        </h2>
        <p className={styles.big} data-testid="streak">
          {streak.current}
          <span className={styles.unit}> day{streak.current === 1 ? "" : "s"}</span>
        </p>
        <p className={styles.sub}>
          {streak.current === 0
            ? "Review at least one card today to start a streak."
            : data.answersToday
              ? "Today counts already. Keep it going tomorrow."
              : "Review a card today to keep it alive."}{" "}
          Longest: {streak.longest} day{streak.longest === 1 ? "" : "s"}.
        </p>
      </section>

      <section className={styles.tile} aria-labelledby="retention-title">
        <h2 id="retention-title" className={styles.tileLabel}>
          Retention
        </h2>
        <p className={styles.big} data-testid="retention">
          {retention.percent === null ? "—" : `${retention.percent}%`}
        </p>
        <p className={styles.sub}>
          {retention.reviews
            ? `${retention.passed} of ${retention.reviews} reviews recalled in the last ${data.windowDays} days (not rated Again).`
            : `No reviews of mature cards in the last ${data.windowDays} days yet: retention counts cards in review, not ones you are still learning.`}
        </p>
        {weeks.length > 1 ? (
          <div className={styles.spark} role="img" aria-label={`Weekly retention: ${weeks.map((w) => `${w.period} ${Math.round(w.retention! * 100)}%`).join(", ")}`}>
            {weeks.map((w) => (
              <span key={w.period} className={styles.sparkBar} style={{ height: `${Math.max(4, Math.round(w.retention! * 100))}%` }} title={`${w.period}: ${Math.round(w.retention! * 100)}%`} />
            ))}
          </div>
        ) : null}
      </section>
    </div>
  );
}
