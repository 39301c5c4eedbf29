"use server";

import { z } from "zod";
import { ActionError, defineProcedure, serverAction, type ActionResult } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import type { AccountUser } from "@/lib/auth/accounts";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { signInProcedure, signInWithPassword, signOutProcedure, signUpProcedure } from "@/lib/auth/procedures";
import { safeCallbackPath } from "@/lib/auth/schemas";

export const signInAction = serverAction(signInProcedure);
export const signOutAction = serverAction(signOutProcedure);

const register = serverAction(signUpProcedure);

/** Creates the account, then signs straight in and goes to the dashboard. */
export async function signUpAction(previous: ActionResult<AccountUser> | null, formData: FormData): Promise<ActionResult<AccountUser>> {
  const result = await register(previous, formData);
  if (!result.ok) return result;
  try {
    return await signInWithPassword(result.data.email, String(formData.get("password") ?? ""), "/dashboard");
  } catch (error) {
    // The account exists; if signing in right away fails (e.g. a rate limit), say so plainly.
    if (error instanceof ActionError) {
      return { ok: false, code: error.code, error: `Your account was created, but signing in failed: ${error.message}`, fieldErrors: {} };
    }
    throw error;
  }
}

const oidcProcedure = defineProcedure({
  name: "auth.signInWithOidc",
  public: true,
  input: z.object({ callbackUrl: z.string().optional() }),
  handler: async ({ callbackUrl }) => signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(callbackUrl) }),
});

export const signInWithOidcAction = serverAction(oidcProcedure);
