import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/db";
import { cachedAccountUser } from "./account-cache";
import { findAccountUser, type AccountUser } from "./accounts";
import { auth } from "./auth";

/**
 * The signed-in user (role included, from the database — at most a few seconds old, and fresh at
 * once after a role change made by this process: lib/auth/account-cache.ts), or null when signed
 * out, when the cookie is invalid, or when the account was deleted. Once per request (React cache).
 */
export const getCurrentUser = cache(async (): Promise<AccountUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? cachedAccountUser(id, findAccountUser) : null;
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(returnTo?: string): Promise<AccountUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For pages: the user if their role is allowed, else the 403 page (app/forbidden.tsx). */
export async function requireRole(roles: readonly Role[], returnTo?: string): Promise<AccountUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
