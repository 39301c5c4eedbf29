import type { Role } from "@/lib/db";

export interface NavItem {
  href: string;
  label: string;
  /** Who sees it; everyone signed in when absent. */
  roles?: readonly Role[];
}

// The app's areas, in menu order. A page must still check the role itself (requireRole):
// hiding a link is a convenience, not a protection.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/study", label: "Study" },
  { href: "/quizzes", label: "Quizzes" },
  { href: "/labs", label: "Labs" },
  { href: "/classes", label: "Classes" },
  { href: "/author", label: "Author", roles: ["instructor", "admin"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

/** The nav item a path belongs to: /labs/12 → /labs. */
export function isActive(item: NavItem, pathname: string): boolean {
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
