import type { ReactNode } from "react";
import styles from "./Stats.module.css";

export interface Stat {
  label: ReactNode;
  value: ReactNode;
  /** React key when the label is not a plain string. */
  id?: string;
}

/**
 * Labelled numbers as a description list: a small muted label over a bold value.
 * row: a few figures side by side (attempts, best score; correct, answered, time);
 * tiles: boxed counts in a grid (cards by state); grid: many short facts in columns.
 */
export function Stats({ items, layout = "row", className }: { items: readonly Stat[]; layout?: "row" | "tiles" | "grid"; className?: string }) {
  return (
    <dl className={[styles.stats, styles[layout], className].filter(Boolean).join(" ")}>
      {items.map((s, i) => (
        <div key={s.id ?? (typeof s.label === "string" ? s.label : i)} className={styles.stat}>
          <dt className={styles.label}>{s.label}</dt>
          <dd className={styles.value}>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
