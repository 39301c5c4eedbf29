import type { RetentionBucket } from "@/lib/srs/stats";
import { Table } from "@/components/ui";
import styles from "./charts.module.css";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** True retention per period: the share of review-state answers not rated Again. */
export function RetentionTable({ buckets, period, desired }: { buckets: RetentionBucket[]; period: "Week" | "Month"; desired: number }) {
  if (!buckets.length) return <p className={styles.caption}>No reviews of mature cards yet: retention appears once cards come back for review.</p>;
  return (
    <Table variant="plain" density="compact" className={styles.numbers}>
      <caption className="visually-hidden">True retention by {period.toLowerCase()}</caption>
      <thead>
        <tr>
          <th scope="col">{period}</th>
          <th scope="col">Reviews</th>
          <th scope="col">Passed</th>
          <th scope="col">Retention</th>
        </tr>
      </thead>
      <tbody>
        {[...buckets].reverse().map((b) => (
          <tr key={b.period}>
            <th scope="row">{b.period}</th>
            <td>{b.reviews}</td>
            <td>{b.passed}</td>
            <td>
              {pct(b.retention)}
              <span className={styles.meter} aria-hidden="true">
                <span style={{ width: `${Math.round((b.retention ?? 0) * 100)}%`, background: (b.retention ?? 0) >= desired ? undefined : "var(--warning)" }} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
