import Link from "next/link";
import { EmptyState, Table, cell } from "@/components/ui";
import { Markdown } from "@/components/ui/Markdown";
import type { ItemAnalysis } from "@/lib/classroom/service/analysis";
import { DISCRIMINATION_LOW, FACILITY_HIGH, FACILITY_LOW, UPPER_LOWER_SHARE } from "@/lib/classroom/item-analysis";
import { DOMAINS } from "@/lib/quiz/domains";
import styles from "./Classroom.module.css";

/** Long scenario stems are cut at a word so the numbers stay in view; the bank has the whole text. */
function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20))}…`;
}

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
              <th scope="row" style={{ whiteSpace: "normal", maxWidth: "32rem", fontWeight: 400 }}>
                <Markdown inline>{excerpt(item.label)}</Markdown>
                <div className={`${styles.meta} ${styles.small}`}>
                  {item.domain ? <span>{DOMAINS.find((d) => d.id === item.domain)?.name ?? item.domain}</span> : null}
                  {/* A dubious item is fixed in the bank: the link opens it (read-only for built-in questions). */}
                  {analysis.assignment.kind === "quiz" ? <Link href={`/author/questions/${item.itemId}`}>Open in the question bank</Link> : null}
                </div>
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
