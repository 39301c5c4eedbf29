import Link from "next/link";
import type { ComponentProps, HTMLAttributes, ReactNode } from "react";
import styles from "./Badge.module.css";

/**
 * neutral: a plain label · accent: highlighted · success / danger / info / warning: a state
 * (graded, late, submitted, suspended …). The text always says it; colour is only a second cue.
 */
export type BadgeTone = "neutral" | "accent" | "success" | "danger" | "info" | "warning";

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  children: ReactNode;
}

/** A small pill: a status, a role, a kind. */
export function Badge({ tone = "neutral", className, children, ...rest }: BadgeProps) {
  return (
    <span {...rest} className={[styles.badge, styles[tone], className].filter(Boolean).join(" ")}>
      {children}
    </span>
  );
}

export interface TagLinkProps extends ComponentProps<typeof Link> {
  tone?: "neutral" | "accent";
}

/** A pill that filters by what it names (an exam domain, a #topic): a Badge that is a link. */
export function TagLink({ tone = "neutral", className, ...rest }: TagLinkProps) {
  return <Link {...rest} className={[styles.badge, styles[tone], styles.tag, className].filter(Boolean).join(" ")} />;
}
