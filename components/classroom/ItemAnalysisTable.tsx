import { EmptyState, Table, cell } from "@/components/ui";
import { Markdown } from "@/components/ui/Markdown";
import type { ItemAnalysis } from "@/lib/classroom/service/analysis";
import { DISCRIMINATION_LOW, FACILITY_HIGH, FACILITY_LOW, UPPER_LOWER_SHARE } from "@/lib/classroom/item-analysis";
import styles from "./Classroom.module.css";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);
const num = (x: number | null) => (x === null ? "—" : x.toFixed(2));

/** Facility and discrimination per question; dubious ones first, each with the reason. */
export function ItemAnalysisTable({ analysis }: { analysis: ItemAnalysis }) {
  if (!analysis.items.length) {
    return (
      <EmptyState title="No attempts yet">
        <p>Item analysis appears once learners have made attempts on this assignment.</p>
      </EmptyState>
    );
  }
  return (
    <div className={styles.stack}>
      <p className={styles.muted}>
        Facility: the share of credit earned (flagged below {pct(FACILITY_LOW)} or above {pct(FACILITY_HIGH)}). Discrimination: facility among the top {pct(UPPER_LOWER_SHARE)} of learners by total
        minus facility among the bottom {pct(UPPER_LOWER_SHARE)} (flagged when negative or below {DISCRIMINATION_LOW}).
      </p>
      <Table aria-label="Item analysis">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col" className={cell.num}>Responses</th>
            <th scope="col" className={cell.num}>Facility</th>
            <th scope="col" className={cell.num}>Discrimination</th>
            <th scope="col" className={cell.num}>Upper / lower</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {analysis.items.map((item) => (
            <tr key={item.itemId} data-item={item.itemId}>
              <th scope="row" style={{ whiteSpace: "normal", maxWidth: "28rem" }}>
                <Markdown inline>{item.label.length > 240 ? `${item.label.slice(0, 237)}…` : item.label}</Markdown>
                {item.domain ? <div className={styles.muted}>{item.domain}</div> : null}
              </th>
              <td className={cell.num}>{item.responses}</td>
              <td className={cell.num}>{pct(item.facility)}</td>
              <td className={cell.num}>{num(item.discrimination)}</td>
              <td className={cell.num}>
                {pct(item.upper.facility)} / {pct(item.lower.facility)}
              </td>
              <td>
                {item.flags.length ? (
                  <ul className={styles.list} style={{ gap: "var(--space-1)" }}>
                    {item.flags.map((f) => (
                      <li key={f.flag} className={f.flag === "few_responses" ? styles.muted : styles.flag}>
                        {f.reason}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className={styles.muted}>—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
