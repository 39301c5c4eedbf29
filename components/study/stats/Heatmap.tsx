import type { DayCount } from "@/lib/srs/stats";
import styles from "./charts.module.css";

const CELL = 12;
const GAP = 3;
const DAY_LABELS = ["Mon", "", "Wed", "", "Fri", "", ""];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const dayNumber = (label: string) => Math.round(Date.parse(`${label}T00:00:00Z`) / 86_400_000);
const labelOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Shade 0–4 by quartiles of the busy days, like GitHub's calendar, so one big day does not wash out the rest. */
function levels(counts: number[]): (n: number) => number {
  const sorted = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (!sorted.length) return () => 0;
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const [a, b, c] = [q(0.25), q(0.5), q(0.75)];
  return (n) => (n <= 0 ? 0 : n <= a ? 1 : n <= b ? 2 : n <= c ? 3 : 4);
}

/**
 * Answers per learner day over the last year as an SVG calendar: one column per week (Monday at
 * the top), darker = more answers. Each day has a tooltip; the summary is in the label.
 */
export function Heatmap({ days, start, today }: { days: DayCount[]; start: string; today: string }) {
  const counts = new Map(days.map((d) => [d.day, d.count]));
  const first = dayNumber(start);
  const last = dayNumber(today);
  const level = levels(days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const busiest = days.reduce<DayCount | null>((m, d) => (!m || d.count > m.count ? d : m), null);
  const left = 30;
  const top = 18;
  // As many columns as the range spans: a Monday-aligned start a year back makes 54 weeks on most
  // days, and a fixed 53 put today's column (the one a learner looks for) outside the picture.
  const weeks = Math.floor((last - first) / 7) + 1;
  const width = left + weeks * (CELL + GAP);
  const height = top + 7 * (CELL + GAP);
  const cells = [];
  const monthTicks = [];
  for (let d = first; d <= last; d++) {
    const week = Math.floor((d - first) / 7);
    const weekday = (d - first) % 7;
    const label = labelOf(d);
    const n = counts.get(label) ?? 0;
    // The first column names its month only when that month has room before the next label.
    if (label.endsWith("-01") || (d === first && Number(label.slice(8, 10)) <= 14)) {
      monthTicks.push(
        <text key={`m${d}`} x={left + week * (CELL + GAP)} y={11} className={styles.axis}>
          {MONTHS[Number(label.slice(5, 7)) - 1]}
        </text>,
      );
    }
    cells.push(
      <rect key={d} x={left + week * (CELL + GAP)} y={top + weekday * (CELL + GAP)} width={CELL} height={CELL} rx={2} className={styles[`heat${level(n)}`]}>
        <title>{`${label}: ${n} answer${n === 1 ? "" : "s"}`}</title>
      </rect>,
    );
  }
  const summary = `${total.toLocaleString("en")} answer${total === 1 ? "" : "s"} on ${active} day${active === 1 ? "" : "s"} in the last year${busiest && busiest.count ? `; busiest day ${busiest.day} with ${busiest.count}` : ""}.`;
  return (
    <figure className={styles.figure}>
      <div className={styles.scroll}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Review calendar: ${summary}`}>
          {monthTicks.slice(monthTicks.length > 13 ? 1 : 0)}
          {DAY_LABELS.map((l, i) =>
            l ? (
              <text key={l} x={0} y={top + i * (CELL + GAP) + CELL - 2} className={styles.axis}>
                {l}
              </text>
            ) : null,
          )}
          {cells}
        </svg>
      </div>
      <figcaption className={styles.caption}>
        {summary}
        <span className={styles.legend} aria-hidden="true">
          Less
          {[0, 1, 2, 3, 4].map((l) => (
            <svg key={l} width={CELL} height={CELL}>
              <rect width={CELL} height={CELL} rx={2} className={styles[`heat${l}`]} />
            </svg>
          ))}
          More
        </span>
      </figcaption>
    </figure>
  );
}
