import type { ReactNode } from "react";
import { formatDuration } from "../format";
import styles from "./SetupView.module.css";

/** One labelled value on a card (a <dt>/<dd> pair inside the card's <dl>). */
export function Fact({ label, children, muted }: { label: string; children: ReactNode; muted?: boolean }) {
  return (
    <div className={styles.fact}>
      <dt>{label}</dt>
      <dd className={muted ? styles.muted : undefined}>{children}</dd>
    </div>
  );
}

export const seconds = (s: number) => formatDuration(s * 1000);
/** " (default)" after a value AWS filled in. */
export const dflt = (isDefault: boolean) => (isDefault ? <span className={styles.default}> (default)</span> : null);
