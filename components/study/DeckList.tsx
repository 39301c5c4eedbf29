import Link from "next/link";
import { Badge, ButtonLink, Table } from "@/components/ui";
import type { DeckSummary } from "@/lib/srs/db/decks";
import styles from "./DeckList.module.css";

const KIND_BADGE: Record<DeckSummary["kind"], string | null> = { builtin: "Built-in", mistakes: "Mistakes", custom: null };

/** The learner's decks with what is due today: new / learning / review, as Anki colours them. */
export function DeckList({ decks }: { decks: DeckSummary[] }) {
  return (
    <Table className={styles.decks}>
      <caption className="visually-hidden">Your decks and the cards due today</caption>
      <thead>
        <tr>
          <th scope="col">Deck</th>
          <th scope="col" className={styles.num}>
            <span className={styles.new}>New</span>
          </th>
          <th scope="col" className={styles.num}>
            <span className={styles.learning}>Learn</span>
          </th>
          <th scope="col" className={styles.num}>
            <span className={styles.review}>Due</span>
          </th>
          <th scope="col" className={styles.num}>
            Cards
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {decks.map((d) => {
          const due = d.due.new + d.due.learning + d.due.review;
          return (
            <tr key={d.id}>
              <th scope="row" className={styles.name}>
                <Link href={`/study/decks/${d.id}`}>{d.name}</Link> {KIND_BADGE[d.kind] && KIND_BADGE[d.kind] !== d.name ? <Badge tone={d.kind === "mistakes" ? "accent" : "neutral"}>{KIND_BADGE[d.kind]}</Badge> : null}
                {d.suspended ? <span className={styles.muted}> · {d.suspended} suspended</span> : null}
              </th>
              <td className={`${styles.num} ${styles.new}`}>{d.due.new}</td>
              <td className={`${styles.num} ${styles.learning}`}>{d.due.learning}</td>
              <td className={`${styles.num} ${styles.review}`}>{d.due.review}</td>
              <td className={`${styles.num} ${styles.muted}`}>{d.cards.toLocaleString("en")}</td>
              <td className={styles.actions}>
                {due ? (
                  <ButtonLink href={`/study/review?deck=${d.id}`} aria-label={`Study ${d.name}`}>
                    Study
                  </ButtonLink>
                ) : (
                  <span className={styles.muted}>Done for today</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
