/**
 * Who may do what in a class:
 * - its instructors (the owner and co-instructors) and admins manage it: roster, codes,
 *   assignments, gradebook, item analysis;
 * - its learners read its assignments and their own grades — never another learner's;
 * - anyone else gets "no such class" (404), exactly like a class that does not exist, so class ids
 *   do not leak. A learner of the class asking for an instructor's view gets 403.
 */
import { ActionError } from "@/lib/actions/errors";
import type { AccountUser } from "@/lib/auth/accounts";
import { hasRole, STAFF_ROLES } from "@/lib/auth/roles";
import { getDb, type Db } from "@/lib/db";

export type ClassUser = Pick<AccountUser, "id" | "role">;

export interface ClassRecord {
  id: string;
  name: string;
  term: string | null;
  ownerId: string;
  joinCode: string;
  joinEnabled: boolean;
  createdAt: Date;
}

export interface ClassAccess {
  class: ClassRecord;
  /** The caller's part: a member's role, or "admin" for an admin who is not a member. */
  as: "instructor" | "learner" | "admin";
  /** May manage the class (instructors and admins). */
  teaches: boolean;
}

export function requireStaff(user: ClassUser, doing: string): void {
  if (!hasRole(user, STAFF_ROLES)) throw new ActionError("forbidden", `Only instructors and admins can ${doing}.`);
}

const notFound = () => new ActionError("not_found", "There is no such class, or you are not in it.");

export async function classAccess(user: ClassUser, classId: string, db: Db = getDb()): Promise<ClassAccess> {
  if (typeof classId !== "string" || !classId || classId.length > 64) throw notFound();
  const row = await db.classroom.findUnique({
    where: { id: classId },
    select: { id: true, name: true, term: true, ownerId: true, joinCode: true, joinEnabled: true, createdAt: true, members: { where: { userId: user.id }, select: { role: true } } },
  });
  if (!row) throw notFound();
  const { members, ...cls } = row;
  const member = members[0];
  // A member who was demoted to learner (account role) keeps only what a learner may do.
  if (member?.role === "instructor" && hasRole(user, STAFF_ROLES)) return { class: cls, as: "instructor", teaches: true };
  if (user.role === "admin") return { class: cls, as: "admin", teaches: true };
  if (member) return { class: cls, as: "learner", teaches: false };
  throw notFound();
}

/** The class, for someone who teaches it (or an admin); 403 for its learners, 404 for others. */
export async function teachingAccess(user: ClassUser, classId: string, db: Db = getDb()): Promise<ClassAccess> {
  const access = await classAccess(user, classId, db);
  if (!access.teaches) throw new ActionError("forbidden", "Only the class's instructors can do that.");
  return access;
}
