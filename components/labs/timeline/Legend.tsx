import type { ReactNode } from "react";
import type { TimelineLayout } from "./layout";
import styles from "./Timeline.module.css";

type Key = "success" | "error" | "timeout" | "crash" | "init" | "retry" | "duplicate" | "redelivery" | "throttle" | "delivery" | "redrive" | "life" | "provisioned" | "break";

/** What a run's picture contains: the legend lists only those, so it stays short and to the point. */
export function legendKeys(layout: TimelineLayout): Set<Key> {
  const keys = new Set<Key>();
  for (const b of layout.bars) {
    if (b.status !== "running") keys.add(b.status);
    if (b.initWidth > 0) keys.add("init");
  }
  for (const k of layout.links) keys.add(k.kind);
  if (layout.throttles.length) keys.add("throttle");
  if (layout.deliveries.length) keys.add("delivery");
  if (layout.redrives.length) keys.add("redrive");
  if (layout.lanes.some((l) => !l.provisioned)) keys.add("life");
  if (layout.lanes.some((l) => l.provisioned)) keys.add("provisioned");
  if (layout.lanes.some((l) => l.preInit)) keys.add("init");
  if (layout.axis.breaks.length) keys.add("break");
  return keys;
}

/** What the colours and marks of the timeline mean — those this picture uses (all when not told). */
export function Legend({ only }: { only?: Set<Key> }) {
  const items: Array<[Key, ReactNode]> = [
    ["success", <><span className={`${styles.swatch} ${styles["bar-success"]}`} /> success</>],
    ["error", <><span className={`${styles.swatch} ${styles["bar-error"]}`} /> function error</>],
    ["timeout", <><span className={`${styles.swatch} ${styles["bar-timeout"]}`} /> timeout</>],
    ["crash", <><span className={`${styles.swatch} ${styles["bar-crash"]}`} /> crash</>],
    ["init", <><span className={`${styles.swatch} ${styles.swatchInit}`} /> Init (cold start)</>],
    ["retry", <><span className={styles.swatchLink} /> retry (same request id; +wait before it)</>],
    ["duplicate", <><span className={styles.swatchDup} /> duplicate delivery</>],
    ["redelivery", <><span className={styles.swatchRedelivery} /> the same SQS message or stream records again (+wait)</>],
    ["throttle", <><span className={styles.swatchThrottle}>✕</span> throttle</>],
    ["delivery", <><span className={styles.swatchDelivery}>◆</span> delivery (DLQ / destination)</>],
    ["redrive", <><span className={styles.swatchDelivery}>◇</span> SQS redrive to the queue&apos;s DLQ</>],
    ["life", <><span className={styles.swatchLife} /> environment alive</>],
    ["provisioned", <><span className={styles.swatchProvisioned} /> provisioned environment (P), ready before traffic</>],
    ["break", <><span className={styles.swatchBreak} /> idle time cut out</>],
  ];
  return (
    <ul className={styles.legend} aria-label="Legend">
      {items
        .filter(([key]) => !only || only.has(key))
        .map(([key, content]) => (
          <li key={key}>{content}</li>
        ))}
    </ul>
  );
}
