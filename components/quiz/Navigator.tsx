import styles from "./Navigator.module.css";

export interface NavigatorItem {
  id: string;
  number: number;
  answered: boolean;
  flagged: boolean;
}

/** The question navigator: every question's number, answered / flagged / unanswered at a glance. */
export function Navigator({ items, current, onGo }: { items: readonly NavigatorItem[]; current: number; onGo: (index: number) => void }) {
  const answered = items.filter((i) => i.answered).length;
  const flagged = items.filter((i) => i.flagged).length;
  return (
    <nav aria-label="Question navigator" className={styles.nav}>
      <p className={styles.counts}>
        <span>
          <strong>{answered}</strong> of {items.length} answered
        </span>
        {flagged ? (
          <span>
            <strong>{flagged}</strong> flagged
          </span>
        ) : null}
      </p>
      <ol className={styles.grid}>
        {items.map((item, index) => {
          const state = item.answered ? "answered" : "unanswered";
          const label = `Question ${item.number}, ${state}${item.flagged ? ", flagged for review" : ""}`;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={[styles.cell, styles[state], item.flagged ? styles.flagged : "", index === current ? styles.current : ""].filter(Boolean).join(" ")}
                aria-label={label}
                aria-current={index === current ? "step" : undefined}
                onClick={() => onGo(index)}
                data-state={state}
                data-flagged={item.flagged || undefined}
              >
                {item.number}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={`${styles.swatch} ${styles.answered}`} /> Answered
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.unanswered}`} /> Unanswered
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.unanswered} ${styles.flagged}`} /> Flagged
        </li>
      </ul>
    </nav>
  );
}
