import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./SubNav.module.css";

export interface SubNavItem {
  href: string;
  label: ReactNode;
  current?: boolean;
}

/**
 * An area's own pages as tabs under the page header (Study: decks, review, browse …; a class:
 * assignments, roster, gradebook). Links, not ARIA tabs: each is a page of its own, and the current
 * one says so with aria-current. On a phone the row scrolls sideways instead of wrapping.
 */
export function SubNav({ label, items }: { label: string; items: readonly SubNavItem[] }) {
  return (
    <nav aria-label={label} className={styles.nav}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.current ? "page" : undefined} className={styles.link}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
