import type { ReactNode } from "react";
import styles from "./FieldRow.module.css";

/**
 * A few fields and their button on one line, wrapping on a phone. The button lines up with the
 * inputs (not with the hints or errors under them), so a short form reads as one control.
 */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className={styles.row}>{children}</div>;
}
