import { RESOURCE_LABELS, type ResourceRef } from "../format";
import styles from "./SetupView.module.css";

const SHORT_KIND: Record<ResourceRef["kind"], string> = {
  function: "λ",
  queue: "SQS",
  topic: "SNS",
  stream: "Kinesis",
  table: "DynamoDB",
  "table-stream": "DDB stream",
  bus: "EventBridge",
  role: "IAM",
  unknown: "?",
};

/** A resource named the same way everywhere in the player: a kind tag and the name. */
export function ResourceChip({ r }: { r: ResourceRef }) {
  return (
    <span className={`${styles.chip} ${styles[`k-${r.kind}`] ?? ""}`} title={r.arn ?? `${RESOURCE_LABELS[r.kind]} ${r.name}`}>
      <span className={styles.chipKind} aria-hidden="true">
        {SHORT_KIND[r.kind]}
      </span>
      <span className="visually-hidden">{RESOURCE_LABELS[r.kind]} </span>
      <span className={styles.chipName}>
        {r.name}
        {r.qualifier ? <span className={styles.qualifier}>:{r.qualifier}</span> : null}
      </span>
    </span>
  );
}
