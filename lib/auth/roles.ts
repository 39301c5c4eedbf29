import { Role } from "@/lib/db/enums";

export { Role };
export const ROLES = [Role.learner, Role.instructor, Role.admin] as const;

export const ROLE_LABELS: Record<Role, string> = {
  learner: "Learner",
  instructor: "Instructor",
  admin: "Admin",
};

/** Who may author content and run classes. */
export const STAFF_ROLES: readonly Role[] = [Role.instructor, Role.admin];

export function hasRole(user: { role: Role } | null | undefined, allowed: readonly Role[]): boolean {
  return !!user && allowed.includes(user.role);
}
