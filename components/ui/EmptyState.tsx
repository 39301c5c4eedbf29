import type { ReactNode } from "react";
import styles from "./EmptyState.module.css";

export interface EmptyStateProps {
  title: ReactNode;
  /** Say honestly what will be here and how to get it. */
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  /** 1 when it is the whole page (not found, no access, an error); 2 inside a page (default). */
  headingLevel?: 1 | 2 | 3;
}

/** What a page shows when it has nothing yet — never a blank screen or a fake list. */
export function EmptyState({ title, children, action, icon, headingLevel = 2 }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={styles.empty}>
      {icon ? (
        <div className={styles.icon} aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className={styles.title}>{title}</Heading>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}
