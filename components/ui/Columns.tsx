import type { ReactNode } from "react";
import styles from "./Columns.module.css";

/**
 * Two columns on a wide screen, stacked below 1000 px.
 * aside: the content and a narrow side panel (a question navigator, a live preview);
 * wide: a wider first column beside a narrower second (readiness beside recent scores).
 */
export function Columns({ layout = "wide", className, children }: { layout?: "aside" | "wide"; className?: string; children: ReactNode }) {
  return <div className={[styles.columns, styles[layout], className].filter(Boolean).join(" ")}>{children}</div>;
}
