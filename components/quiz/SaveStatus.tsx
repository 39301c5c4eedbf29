import type { SyncStatus } from "./answer-sync";
import styles from "./Player.module.css";

const TEXT: Record<SyncStatus, string> = {
  saved: "All answers saved",
  saving: "Saving…",
  retrying: "Connection lost — retrying…",
  refused: "Answers are closed",
};

/** Whether what the learner gave is stored on the server yet. */
export function SaveStatus({ status, pending }: { status: SyncStatus; pending: number }) {
  return (
    <span className={`${styles.save} ${styles[`save-${status}`] ?? ""}`} role="status" aria-live="polite" data-status={status}>
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.saveText}>
        {TEXT[status]}
        {status === "retrying" && pending > 1 ? ` (${pending} answers waiting)` : ""}
      </span>
    </span>
  );
}
