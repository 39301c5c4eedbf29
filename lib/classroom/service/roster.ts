/**
 * The roster: learners and instructors of a class, removing a member, adding a co-instructor by
 * email. Learners never read the roster (other learners' names and emails are private).
 */
import { ActionError, fieldError } from "@/lib/actions/errors";
import { hasRole, STAFF_ROLES } from "@/lib/auth/roles";
import { getDb, type Db } from "@/lib/db";
import { teachingAccess, type ClassUser } from "./access";

export interface RosterMember {
  userId: string;
  name: string | null;
  email: string;
  role: "instructor" | "learner";
  owner: boolean;
  joinedAt: string;
}

export async function listRoster(user: ClassUser, classId: string, db: Db = getDb()): Promise<RosterMember[]> {
  const { class: cls } = await teachingAccess(user, classId, db);
  const rows = await db.classMember.findMany({
    where: { classId },
    select: { userId: true, role: true, joinedAt: true, user: { select: { name: true, email: true } } },
    orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
  });
  return rows
    .map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email, role: r.role, owner: r.userId === cls.ownerId, joinedAt: r.joinedAt.toISOString() }))
    .sort((a, b) => (a.role === b.role ? displayName(a).localeCompare(displayName(b)) : a.role === "instructor" ? -1 : 1));
}

export function displayName(m: { name: string | null; email: string }): string {
  return m.name?.trim() || m.email;
}

export async function removeMember(user: ClassUser, input: { classId: string; userId: string }, db: Db = getDb()): Promise<{ removed: string }> {
  const { class: cls } = await teachingAccess(user, input.classId, db);
  if (input.userId === cls.ownerId) throw new ActionError("forbidden", "The class's creator cannot be removed; delete the class instead.");
  const member = await db.classMember.findUnique({ where: { classId_userId: { classId: input.classId, userId: input.userId } }, select: { role: true } });
  if (!member) throw new ActionError("not_found", "That person is not in this class.");
  await db.classMember.delete({ where: { classId_userId: { classId: input.classId, userId: input.userId } } });
  return { removed: input.userId };
}

/**
 * Adds an existing instructor (or admin) account as a co-instructor; a learner already in the
 * class becomes an instructor of it only if their account is an instructor's.
 */
export async function addCoInstructor(user: ClassUser, input: { classId: string; email: string }, db: Db = getDb()): Promise<{ userId: string; name: string }> {
  await teachingAccess(user, input.classId, db);
  const email = input.email.trim().toLowerCase();
  const account = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  if (!account) throw fieldError("email", "No account has this email. Ask them to sign up first, then add them.", "not_found");
  if (!hasRole(account, STAFF_ROLES)) throw fieldError("email", "This account is a learner's. An admin can make it an instructor's on the Users page; then add it here.", "invalid");
  const existing = await db.classMember.findUnique({ where: { classId_userId: { classId: input.classId, userId: account.id } }, select: { role: true } });
  if (existing?.role === "instructor") throw fieldError("email", "This person already teaches the class.", "conflict");
  await db.classMember.upsert({
    where: { classId_userId: { classId: input.classId, userId: account.id } },
    create: { classId: input.classId, userId: account.id, role: "instructor" },
    update: { role: "instructor" },
  });
  return { userId: account.id, name: account.name ?? account.email };
}
