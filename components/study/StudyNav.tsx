import { SubNav } from "@/components/ui";

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
  return <SubNav label="Study" items={LINKS.map((l) => ({ ...l, current: l.href === current }))} />;
}
