"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button, FormError, type ButtonVariant } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Any server action (lib/actions serverAction), whatever its input and result: it is only run
 * with form fields here and its result only read for ok / error.
 */
export type AnyServerAction = (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * One button that runs a server action with fixed fields (rotate a code, remove a member, delete
 * an assignment…), asks for confirmation first when told to, then refreshes or goes elsewhere.
 */
export function ActionButton({
  action,
  fields,
  label,
  confirm,
  variant = "secondary",
  redirectTo,
  formLabel,
}: {
  action: AnyServerAction;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  variant?: ButtonVariant;
  redirectTo?: string;
  formLabel?: string;
}) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action as unknown as ServerAction<never, unknown>, null);
  useEffect(() => {
    if (!result?.ok) return;
    if (redirectTo) router.push(redirectTo);
    else router.refresh();
  }, [result, redirectTo, router]);
  return (
    <form
      action={formAction}
      aria-label={formLabel ?? label}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} pending={pending}>
        {label}
      </Button>
      <FormError result={result} />
    </form>
  );
}
