import type { CSSProperties } from "react";
import styles from "./Meter.module.css";

export type MeterTone = "success" | "accent" | "danger" | "warning";

export interface MeterProps {
  /** How full, 0–100; null draws the empty track (nothing measured yet). */
  percent: number | null;
  tone?: MeterTone;
  /** A line across the bar at this percent: the pass mark, the readiness cut. */
  mark?: number;
  markTitle?: string;
  /** thin: a progress hint beside text; normal: a measured value; large: the headline score. */
  size?: "thin" | "normal" | "large";
  /**
   * The accessible name (role="meter"). Leave it out when the surrounding text already says the
   * number, or when a parent labels the whole picture: the bar is then hidden from screen readers.
   */
  label?: string;
  valueText?: string;
  /** role="progressbar" for work under way (the optimiser), "meter" for a measurement. */
  role?: "meter" | "progressbar";
  className?: string;
  style?: CSSProperties;
}

/** A horizontal bar: scores, readiness, progress. The text beside it always states the value too. */
export function Meter({ percent, tone = "accent", mark, markTitle, size = "normal", label, valueText, role = "meter", className, style }: MeterProps) {
  const clamped = percent === null ? null : Math.min(100, Math.max(0, percent));
  const a11y = label
    ? { role, "aria-label": label, "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": Math.round(clamped ?? 0), "aria-valuetext": valueText }
    : { "aria-hidden": true as const };
  return (
    <div {...a11y} className={[styles.track, styles[size], className].filter(Boolean).join(" ")} style={style}>
      {clamped !== null ? <div className={`${styles.fill} ${styles[tone]}`} style={{ width: `${clamped}%` }} /> : null}
      {mark !== undefined ? <div className={styles.mark} style={{ left: `${mark}%` }} title={markTitle} /> : null}
    </div>
  );
}
