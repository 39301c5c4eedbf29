import type { HTMLAttributes, ReactNode } from "react";
import styles from "./Card.module.css";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  /** Heading level of the title inside the page outline (default h2). */
  headingLevel?: 2 | 3;
  actions?: ReactNode;
}

export function Card({ title, headingLevel = 2, actions, className, children, ...rest }: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section {...rest} className={[styles.card, className].filter(Boolean).join(" ")}>
      {title || actions ? (
        <header className={styles.header}>
          {title ? <Heading className={styles.title}>{title}</Heading> : null}
          {actions ? <div className={styles.actions}>{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}
