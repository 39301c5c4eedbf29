import { SubNav } from "@/components/ui";

/** The instructor's tabs inside a class. */
export function ClassNav({ classId, current }: { classId: string; current: "overview" | "roster" | "gradebook" | "new" }) {
  const tabs = [
    { key: "overview", href: `/classes/${classId}`, label: "Assignments" },
    { key: "roster", href: `/classes/${classId}/roster`, label: "Roster" },
    { key: "gradebook", href: `/classes/${classId}/gradebook`, label: "Gradebook" },
    { key: "new", href: `/classes/${classId}/assignments/new`, label: "New assignment" },
  ] as const;
  return <SubNav label="Class" items={tabs.map((t) => ({ href: t.href, label: t.label, current: t.key === current }))} />;
}
