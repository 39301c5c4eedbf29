/**
 * Joining a class with its code or invite link, and managing the code: rotate (the old code is
 * kept, so someone typing it hears it was replaced) and switch joining off and on.
 *
 * Three refusals, each saying plainly what happened (the brief's "bad input"): a code no class
 * ever had, a code that was rotated, a class whose joining is switched off. Guessing is stopped
 * by the rate limit on the join procedure (procedures.ts), not by vague messages.
 */
import { ActionError, fieldError } from "@/lib/actions/errors";
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import { formatJoinCode, normaliseJoinCode } from "../join-code";
import { teachingAccess, type ClassUser } from "./access";
import { freshJoinCode } from "./classes";

export const JOIN_MESSAGES = {
  unknown: "No class has this code. Check it with your instructor — codes look like K7XW-3MFD.",
  rotated: "This code was replaced by a new one. Ask your instructor for the class's current code or invite link.",
  disabled: "This class is not taking new members right now: its instructor has switched joining off.",
} as const;

export type JoinPreview = { status: "ok"; classId: string; name: string; term: string | null; instructors: string[]; alreadyMember: boolean; as: "instructor" | "learner" | null };

/** Finds the class behind a code, or throws the matching one of the three messages. */
async function classForCode(raw: string, db: Db) {
  const code = normaliseJoinCode(raw);
  if (!code) throw fieldError("code", JOIN_MESSAGES.unknown, "not_found");
  const cls = await db.classroom.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, term: true, joinEnabled: true, members: { where: { role: "instructor" }, select: { user: { select: { name: true, email: true } } } } },
  });
  if (!cls) {
    const retired = await db.retiredJoinCode.findUnique({ where: { code }, select: { code: true } });
    throw fieldError("code", retired ? JOIN_MESSAGES.rotated : JOIN_MESSAGES.unknown, retired ? "conflict" : "not_found");
  }
  if (!cls.joinEnabled) throw fieldError("code", JOIN_MESSAGES.disabled, "forbidden");
  return cls;
}

/** What the invite-link page shows before the person confirms (the class's name, who teaches it). */
export async function previewJoin(user: ClassUser, raw: string, db: Db = getDb()): Promise<JoinPreview> {
  const cls = await classForCode(raw, db);
  const me = await db.classMember.findUnique({ where: { classId_userId: { classId: cls.id, userId: user.id } }, select: { role: true } });
  return { status: "ok", classId: cls.id, name: cls.name, term: cls.term, instructors: cls.members.map((m) => m.user.name ?? m.user.email), alreadyMember: !!me, as: me?.role ?? null };
}

export async function joinClass(user: ClassUser, raw: string, db: Db = getDb()): Promise<{ classId: string; joined: boolean }> {
  const cls = await classForCode(raw, db);
  try {
    await db.classMember.create({ data: { classId: cls.id, userId: user.id, role: "learner" } });
    return { classId: cls.id, joined: true };
  } catch (error) {
    // Already a member (a second click, or an instructor of the class): nothing to do.
    if (isUniqueViolation(error)) return { classId: cls.id, joined: false };
    throw error;
  }
}

export async function rotateJoinCode(user: ClassUser, classId: string, db: Db = getDb()): Promise<{ joinCode: string; display: string }> {
  const { class: cls } = await teachingAccess(user, classId, db);
  for (let attempt = 0; ; attempt++) {
    const code = await freshJoinCode(db);
    try {
      await db.$transaction([
        db.retiredJoinCode.create({ data: { code: cls.joinCode, classId } }),
        db.classroom.update({ where: { id: classId }, data: { joinCode: code } }),
      ]);
      return { joinCode: code, display: formatJoinCode(code) };
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) {
        // Rotated twice at once: the old code is already retired — read the class again.
        const now = await db.classroom.findUnique({ where: { id: classId }, select: { joinCode: true } });
        if (now && now.joinCode !== cls.joinCode) return { joinCode: now.joinCode, display: formatJoinCode(now.joinCode) };
        continue;
      }
      throw error;
    }
  }
}

export async function setJoinEnabled(user: ClassUser, classId: string, enabled: boolean, db: Db = getDb()): Promise<{ joinEnabled: boolean }> {
  await teachingAccess(user, classId, db);
  await db.classroom.update({ where: { id: classId }, data: { joinEnabled: enabled } });
  return { joinEnabled: enabled };
}

/** A learner leaves a class (instructors are removed by another instructor instead). */
export async function leaveClass(user: ClassUser, classId: string, db: Db = getDb()): Promise<{ left: boolean }> {
  const member = await db.classMember.findUnique({ where: { classId_userId: { classId, userId: user.id } }, select: { role: true } });
  if (!member) throw new ActionError("not_found", "There is no such class, or you are not in it.");
  if (member.role !== "learner") throw new ActionError("forbidden", "Instructors leave a class by being removed by another instructor.");
  await db.classMember.delete({ where: { classId_userId: { classId, userId: user.id } } });
  return { left: true };
}
