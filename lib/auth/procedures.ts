import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldError } from "@/lib/actions/errors";
import { defineProcedure } from "@/lib/actions/procedure";
import { Role } from "@/lib/db";
import { rateLimitedError, registerWithPassword } from "./accounts";
import { signIn, signOut } from "./auth";
import { changeRoleSchema, safeCallbackPath, signInSchema, signUpSchema } from "./schemas";
import { changeUserRole } from "./users";

/** Sign-up: field errors for a bad or taken email and a short password; nothing is written then. */
export const signUpProcedure = defineProcedure({
  name: "auth.signUp",
  public: true,
  input: signUpSchema,
  // Each sign-up costs an argon2 hash and a row. A whole class may sign up at once from one school
  // address, so the budget is per address and sized for a classroom, not for one person.
  rateLimit: { name: "ip", points: 60, durationSec: 60 * 60, by: "ip" },
  handler: (input) => registerWithPassword(input),
});

/** Signs in through Auth.js (which enforces the sign-in limits), then redirects. */
export async function signInWithPassword(email: string, password: string, callbackUrl?: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = String((error as { code?: string }).code ?? "");
      if (code.startsWith("rate_limited")) throw rateLimitedError(Number(code.split(":")[1]) || 900);
      throw fieldError("password", "Wrong email or password.");
    }
    throw error;
  }
  redirect(safeCallbackPath(callbackUrl));
}

export const signInProcedure = defineProcedure({
  name: "auth.signIn",
  public: true,
  input: signInSchema,
  handler: ({ email, password, callbackUrl }) => signInWithPassword(email, password, callbackUrl),
});

export const signOutProcedure = defineProcedure({
  name: "auth.signOut",
  public: true,
  input: z.looseObject({}),
  handler: async () => {
    await signOut({ redirectTo: "/" });
    return null;
  },
});

/** Admins change roles (admin users page and PATCH /api/admin/users/{id}). */
export const changeRoleProcedure = defineProcedure({
  name: "admin.changeUserRole",
  input: changeRoleSchema,
  roles: [Role.admin],
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  // An admin may demote themself while another admin exists; changeUserRole refuses the last one.
  handler: ({ userId, role }) => changeUserRole(userId, role),
});
