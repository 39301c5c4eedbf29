/**
 * "Instructors' labs and quizzes are visible to their classes": a private lab or quiz is open to
 * every member of a class its owner teaches (as instructor or co-instructor). The labs and quiz
 * services ask here after their own rule (public, owner, admin) says no.
 */
import { getDb, type Db } from "@/lib/db";

/** The ids of everyone who teaches a class `userId` belongs to (either role). */
export async function teachersOf(userId: string, db: Db = getDb()): Promise<Set<string>> {
  const rows = await db.classMember.findMany({
    where: { role: "instructor", class: { members: { some: { userId } } } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return new Set(rows.map((r) => r.userId));
}

/** Whether `ownerId` teaches a class that `userId` belongs to. */
export async function sharesClassWithTeacher(userId: string, ownerId: string | null, db: Db = getDb()): Promise<boolean> {
  if (!ownerId || ownerId === userId) return false;
  const n = await db.classMember.count({ where: { userId: ownerId, role: "instructor", class: { members: { some: { userId } } } } });
  return n > 0;
}
