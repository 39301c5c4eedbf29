import Link from "next/link";
import styles from "./StudyNav.module.css";

const LINKS = [
  { href: "/study", label: "Decks" },
  { href: "/study/review", label: "Review" },
  { href: "/study/browse", label: "Browse" },
  { href: "/study/stats", label: "Statistics" },
  { href: "/study/import", label: "Import" },
  { href: "/study/settings", label: "Settings" },
] as const;

export type StudySection = (typeof LINKS)[number]["href"];

/** The Study area's own tabs, under the page header. */
export function StudyNav({ current }: { current: StudySection }) {
  return (
    <nav aria-label="Study" className={styles.nav}>
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.href === current ? "page" : undefined} className={styles.link}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
