/**
 * Classes: creating one (its creator becomes its first instructor), the list a person sees, and
 * renaming or deleting one.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import { generateJoinCode } from "../join-code";
import { requireStaff, teachingAccess, type ClassUser } from "./access";

export interface ClassListItem {
  id: string;
  name: string;
  term: string | null;
  as: "instructor" | "learner" | "admin";
  learners: number;
  instructors: string[];
  /** Open assignments due from now on (learners: not yet graded for them is computed on the class page). */
  upcoming: number;
}

/** A join code that no class uses and no class used before (retired codes keep their meaning). */
export async function freshJoinCode(db: Db = getDb()): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = generateJoinCode();
    const [live, retired] = await Promise.all([db.classroom.count({ where: { joinCode: code } }), db.retiredJoinCode.count({ where: { code } })]);
    if (!live && !retired) return code;
  }
  // 8 collisions in a row among 6.6 × 10^11 codes means the random source is broken.
  throw new Error("could not draw an unused join code");
}

export async function createClass(user: ClassUser, input: { name: string; term?: string | undefined }, db: Db = getDb()): Promise<{ id: string }> {
  requireStaff(user, "create classes");
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.classroom.create({
        data: {
          name: input.name,
          term: input.term ?? null,
          ownerId: user.id,
          joinCode: await freshJoinCode(db),
          members: { create: { userId: user.id, role: "instructor" } },
        },
        select: { id: true },
      });
      return row;
    } catch (error) {
      // Two classes drawing the same code at the same instant: draw again.
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export async function listClasses(user: ClassUser, opts: { all?: boolean } = {}, db: Db = getDb()): Promise<ClassListItem[]> {
  const now = new Date();
  const adminAll = opts.all === true && user.role === "admin";
  const rows = await db.classroom.findMany({
    where: adminAll ? {} : { members: { some: { userId: user.id } } },
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      term: true,
      members: { select: { userId: true, role: true, user: { select: { name: true, email: true } } } },
      _count: { select: { assignments: { where: { dueAt: { gte: now }, opensAt: { lte: now } } } } },
    },
  });
  return rows.map((r) => {
    const me = r.members.find((m) => m.userId === user.id);
    const instructors = r.members.filter((m) => m.role === "instructor");
    return {
      id: r.id,
      name: r.name,
      term: r.term,
      as: me ? (me.role === "instructor" && user.role !== "learner" ? "instructor" : "learner") : "admin",
      learners: r.members.filter((m) => m.role === "learner").length,
      instructors: instructors.map((m) => m.user.name ?? m.user.email),
      upcoming: r._count.assignments,
    };
  });
}

export async function updateClass(user: ClassUser, input: { classId: string; name: string; term?: string | undefined }, db: Db = getDb()): Promise<{ id: string }> {
  await teachingAccess(user, input.classId, db);
  await db.classroom.update({ where: { id: input.classId }, data: { name: input.name, term: input.term ?? null } });
  return { id: input.classId };
}

/** Deleting a class removes its roster and assignments; learners' attempts stay theirs. Owner or admin only. */
export async function deleteClass(user: ClassUser, classId: string, db: Db = getDb()): Promise<{ id: string }> {
  const access = await teachingAccess(user, classId, db);
  if (access.class.ownerId !== user.id && user.role !== "admin") throw new ActionError("forbidden", "Only the instructor who created the class (or an admin) can delete it.");
  await db.classroom.delete({ where: { id: classId } });
  return { id: classId };
}
