import { fieldError, ActionError } from "@/lib/actions/errors";
import { getDb, isNotFound, Role } from "@/lib/db";
import { forgetAccountUser } from "./account-cache";
import type { AccountUser } from "./accounts";

export interface UserListItem extends AccountUser {
  createdAt: Date;
  signsInWith: ("password" | "oidc")[];
}

/** Everyone, oldest first (the admin users page). */
export async function listUsers(): Promise<UserListItem[]> {
  const users = await getDb().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true, passwordHash: true, accounts: { select: { provider: true } } },
  });
  return users.map(({ passwordHash, accounts, ...u }) => ({
    ...u,
    signsInWith: [...(passwordHash ? (["password"] as const) : []), ...(accounts.length ? (["oidc"] as const) : [])],
  }));
}

const WRITE_CONFLICT = "P2034";

/**
 * Changes a user's role. Refuses to demote the last admin (nobody could manage roles afterwards).
 * Serializable, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function changeUserRole(userId: string, role: Role): Promise<AccountUser> {
  const db = getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      const changed = await db.$transaction(
        async (tx) => {
          const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
          if (!target) throw new ActionError("not_found", "That user no longer exists.");
          if (target.role === Role.admin && role !== Role.admin) {
            const admins = await tx.user.count({ where: { role: Role.admin } });
            if (admins <= 1) throw fieldError("role", "This is the only admin. Make someone else admin first.", "conflict");
          }
          return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, email: true, name: true, role: true } });
        },
        { isolationLevel: "Serializable" },
      );
      // Signed-in requests read the role through a short cache: this one must see the change now.
      forgetAccountUser(userId);
      return changed;
    } catch (error) {
      if (isNotFound(error)) throw new ActionError("not_found", "That user no longer exists.");
      if ((error as { code?: string }).code === WRITE_CONFLICT && attempt < 5) continue;
      throw error;
    }
  }
}
