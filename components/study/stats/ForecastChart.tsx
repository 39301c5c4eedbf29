import type { DayCount } from "@/lib/srs/stats";
import styles from "./charts.module.css";

/** Cards due on each of the next 30 learner days (today includes overdue cards), as an SVG bar chart. */
export function ForecastChart({ days }: { days: DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  const bar = 18;
  const gap = 6;
  const left = 34;
  const chartH = 150;
  const top = 10;
  const width = left + days.length * (bar + gap);
  const height = top + chartH + 24;
  // A round axis maximum with 3 gridlines.
  const step = Math.max(1, Math.ceil(max / 3 / (10 ** Math.floor(Math.log10(max / 3 || 1)))) * 10 ** Math.floor(Math.log10(max / 3 || 1)));
  const axisMax = step * 3;
  const y = (n: number) => top + chartH - (n / axisMax) * chartH;
  const summary = `${total.toLocaleString("en")} review${total === 1 ? "" : "s"} due in the next ${days.length} days; ${days[0]?.count ?? 0} today (overdue included), ${days[1]?.count ?? 0} tomorrow.`;
  return (
    <figure className={styles.figure}>
      <div className={styles.scroll}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Due forecast: ${summary}`}>
          {[0, 1, 2, 3].map((i) => (
            <g key={i}>
              <line x1={left - 4} x2={width} y1={y(step * i)} y2={y(step * i)} className={styles.grid} />
              <text x={left - 8} y={y(step * i) + 4} textAnchor="end" className={styles.axis}>
                {step * i}
              </text>
            </g>
          ))}
          {days.map((d, i) => {
            const x = left + i * (bar + gap);
            const h = Math.max(d.count ? 2 : 0, (d.count / axisMax) * chartH);
            return (
              <g key={d.day}>
                <rect x={x} y={top + chartH - h} width={bar} height={h} rx={3} className={i === 0 ? styles.barToday : styles.bar}>
                  <title>{`${i === 0 ? "Today" : i === 1 ? "Tomorrow" : d.day}: ${d.count} due`}</title>
                </rect>
                {i % 7 === 0 ? (
                  <text x={x + bar / 2} y={height - 6} textAnchor="middle" className={styles.axis}>
                    {i === 0 ? "today" : `+${i}d`}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className={styles.caption}>{summary}</figcaption>
    </figure>
  );
}
