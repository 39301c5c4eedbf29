import type { TableHTMLAttributes } from "react";
import styles from "./Table.module.css";

export interface TableProps extends TableHTMLAttributes<HTMLTableElement> {
  /** "framed": a table standing on the page, in its own bordered box; "plain": inside a Card. */
  variant?: "framed" | "plain";
  /** "compact": tight rows for dense numbers (retention, optimiser, import preview). */
  density?: "normal" | "compact";
  /** Keep the first column (the row headers) in view while a wide table scrolls sideways. */
  stickyFirstColumn?: boolean;
  /** A long table scrolls within this height (CSS length), its column headings kept in view. */
  maxHeight?: string;
}

/**
 * A data table: small uppercase column headings, row rules, and a box that scrolls sideways on a
 * narrow screen instead of widening the page. Give it a <caption> or an aria-label.
 */
export function Table({ variant = "framed", density = "normal", stickyFirstColumn = false, maxHeight, className, children, ...rest }: TableProps) {
  return (
    <div
      className={[styles.wrap, variant === "framed" ? styles.framed : "", maxHeight ? styles.tall : ""].filter(Boolean).join(" ")}
      style={maxHeight ? { maxHeight } : undefined}
    >
      <table {...rest} className={[styles.table, density === "compact" ? styles.compact : "", stickyFirstColumn ? styles.stickyFirst : "", className].filter(Boolean).join(" ")}>
        {children}
      </table>
    </div>
  );
}

/**
 * Cell classes: `num` right-aligns tabular numbers, `nowrap` keeps dates and short labels on one
 * line, `action` holds a button whose label lines up with the row's text.
 */
export const cell = { num: styles.num, nowrap: styles.nowrap, muted: styles.muted, action: styles.action } as const;
