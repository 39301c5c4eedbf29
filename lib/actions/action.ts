import type { z } from "zod";
import { runProcedure, type Procedure } from "./procedure";
import { nextRequestContext } from "./request-context";
import type { ActionResult } from "./result";

/**
 * A server action from a procedure. Works both with a form (React's useActionState passes the
 * previous result and the FormData) and when called directly with an input object:
 *
 *   // app/(app)/admin/users/actions.ts
 *   "use server";
 *   export const changeRole = serverAction(changeRoleProcedure);
 *
 *   const [result, formAction] = useActionState(changeRole, null);   // <form action={formAction}>
 *   await changeRole({ userId, role: "instructor" });                 // or from code
 */
export type ServerAction<I, R> = (
  previousOrInput: ActionResult<R> | null | I,
  formData?: FormData,
) => Promise<ActionResult<R>>;

/** FormData → plain object; a repeated name (checkbox group) becomes an array. Files are kept as is. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next.js's own bookkeeping fields
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function serverAction<S extends z.ZodType, R, Public extends boolean>(
  procedure: Procedure<S, R, Public>,
): ServerAction<z.input<S>, R> {
  return (async (first: unknown, second?: unknown) => {
    const raw = second instanceof FormData ? formDataToObject(second) : first;
    return runProcedure(procedure, raw, await nextRequestContext());
  }) as ServerAction<z.input<S>, R>;
}
