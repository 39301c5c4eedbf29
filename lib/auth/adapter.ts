import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { getDb } from "@/lib/db";
import { claimFirstAdmin } from "./first-admin";
import { normaliseEmail } from "./schemas";

/**
 * Auth.js's Prisma adapter, used only for OpenID Connect sign-ins (it creates the User and links
 * the Account on first sign-in; sessions stay JWTs). Two additions: emails are stored normalised,
 * like password accounts, and an OIDC user can be the instance's first admin too.
 */
export function lambdaLabAdapter(): Adapter {
  // Resolve the client per call: getDb() follows DATABASE_URL (tests switch it).
  const prisma = () => PrismaAdapter(getDb() as never);
  return {
    async createUser(user: AdapterUser) {
      if (!user.email) throw new Error("The OpenID Connect provider sent no email: allow the 'email' scope for Lambda Lab");
      const created = await prisma().createUser!({ ...user, email: normaliseEmail(user.email) });
      if (await claimFirstAdmin(created.id)) return { ...created, role: "admin" } as AdapterUser;
      return created;
    },
    getUser: (id) => prisma().getUser!(id),
    getUserByEmail: (email) => prisma().getUserByEmail!(normaliseEmail(email)),
    getUserByAccount: (account) => prisma().getUserByAccount!(account),
    updateUser: (user) => prisma().updateUser!(user),
    linkAccount: (account) => prisma().linkAccount!(account),
    unlinkAccount: (account) => prisma().unlinkAccount!(account),
    deleteUser: (id) => prisma().deleteUser!(id),
  };
}
