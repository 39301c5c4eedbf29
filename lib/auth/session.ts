import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/db";
import { findAccountUser, type AccountUser } from "./accounts";
import { auth } from "./auth";

/**
 * The signed-in user, read fresh from the database (role included) once per request, or null
 * when signed out, when the cookie is invalid, or when the account was deleted.
 */
export const getCurrentUser = cache(async (): Promise<AccountUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findAccountUser(id) : null;
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
