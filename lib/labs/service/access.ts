/**
 * Who may see which lab. Public labs: every signed-in user. Private labs: their owner, admins, and
 * the members of the classes their owner teaches (lib/classroom/service/visibility.ts).
 * A lab the user may not see is reported exactly like one that does not exist (404), so lab slugs
 * do not leak. Instructor-only views (variant previews) need a staff role as well.
 */
import { ActionError } from "@/lib/actions/errors";
import type { AccountUser } from "@/lib/auth/accounts";
import { hasRole, STAFF_ROLES } from "@/lib/auth/roles";
import { sharesClassWithTeacher } from "@/lib/classroom/service/visibility";
import { Role } from "@/lib/db";
import { findPublishedLab, type LabRecord, type LabVersionRecord } from "./versions";

export type LabUser = Pick<AccountUser, "id" | "role">;

export function canView(user: LabUser, lab: LabRecord): boolean {
  return lab.visibility === "public" || lab.ownerId === user.id || user.role === Role.admin;
}

export function isStaff(user: LabUser): boolean {
  return hasRole(user, STAFF_ROLES);
}

export async function visibleLab(user: LabUser, slug: string): Promise<{ lab: LabRecord; version: LabVersionRecord }> {
  const found = typeof slug === "string" && slug.length <= 64 ? await findPublishedLab(slug) : null;
  if (!found || !(canView(user, found.lab) || (await sharesClassWithTeacher(user.id, found.lab.ownerId)))) throw new ActionError("not_found", `There is no lab "${String(slug).slice(0, 64)}".`);
  return found;
}

export async function staffLab(user: LabUser, slug: string): Promise<{ lab: LabRecord; version: LabVersionRecord }> {
  if (!isStaff(user)) throw new ActionError("forbidden", "Only instructors and admins can preview lab variants.");
  return visibleLab(user, slug);
}
