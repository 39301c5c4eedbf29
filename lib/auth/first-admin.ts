import { getDb, isUniqueViolation, Role } from "@/lib/db";
import { forgetAccountUser } from "./account-cache";

const FIRST_ADMIN = "first-admin";

/**
 * Makes `userId` the admin if no account has claimed that yet. The claim is one row whose primary
 * key is fixed: of any number of simultaneous sign-ups — on any number of instances sharing a
 * database — exactly one insert succeeds. Returns whether this user won.
 */
export async function claimFirstAdmin(userId: string): Promise<boolean> {
  const db = getDb();
  try {
    // One transaction: a crash between the two writes cannot leave a claim without an admin.
    await db.$transaction([
      db.setting.create({ data: { key: FIRST_ADMIN, value: userId } }),
      db.user.update({ where: { id: userId }, data: { role: Role.admin } }),
    ]);
    forgetAccountUser(userId);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
