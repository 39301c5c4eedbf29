import styles from "./Timeline.module.css";

/** What the colours and marks of the timeline mean. */
export function Legend() {
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li>
        <span className={`${styles.swatch} ${styles["bar-success"]}`} /> success
      </li>
      <li>
        <span className={`${styles.swatch} ${styles["bar-error"]}`} /> function error
      </li>
      <li>
        <span className={`${styles.swatch} ${styles["bar-timeout"]}`} /> timeout
      </li>
      <li>
        <span className={`${styles.swatch} ${styles["bar-crash"]}`} /> crash
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.swatchInit}`} /> Init (cold start)
      </li>
      <li>
        <span className={styles.swatchLink} /> retry (same request id; +wait before it)
      </li>
      <li>
        <span className={styles.swatchDup} /> duplicate delivery
      </li>
      <li>
        <span className={styles.swatchRedelivery} /> the same SQS message or stream records again (+wait)
      </li>
      <li>
        <span className={styles.swatchThrottle}>✕</span> throttle
      </li>
      <li>
        <span className={styles.swatchDelivery}>◆</span> delivery (DLQ / destination)
      </li>
      <li>
        <span className={styles.swatchDelivery}>◇</span> SQS redrive to the queue&apos;s DLQ
      </li>
      <li>
        <span className={styles.swatchLife} /> environment alive
      </li>
      <li>
        <span className={styles.swatchBreak} /> idle time cut out
      </li>
    </ul>
  );
}
