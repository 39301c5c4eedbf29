import Link from "next/link";
import styles from "./Classroom.module.css";

/** The instructor's tabs inside a class. */
export function ClassNav({ classId, current }: { classId: string; current: "overview" | "roster" | "gradebook" | "new" }) {
  const tabs = [
    { key: "overview", href: `/classes/${classId}`, label: "Assignments" },
    { key: "roster", href: `/classes/${classId}/roster`, label: "Roster" },
    { key: "gradebook", href: `/classes/${classId}/gradebook`, label: "Gradebook" },
    { key: "new", href: `/classes/${classId}/assignments/new`, label: "New assignment" },
  ] as const;
  return (
    <nav aria-label="Class" className={styles.subnav}>
      {tabs.map((t) => (
        <Link key={t.key} href={t.href} aria-current={t.key === current ? "page" : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
