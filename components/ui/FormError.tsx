import type { ActionResult } from "@/lib/actions/result";
import { Alert } from "./Alert";

/**
 * The form-level message for a failed action (lib/actions) — only when no field shows it already.
 * With `fieldErrorsOf(result)` and `valuesOf(result)` it is all a form needs from an ActionResult.
 */
export function FormError({ result }: { result: ActionResult<unknown> | null | undefined }) {
  if (!result || result.ok) return null;
  if (Object.keys(result.fieldErrors).some((k) => k !== "_form")) return null;
  return <Alert tone="error">{result.error}</Alert>;
}

export function fieldErrorsOf(result: ActionResult<unknown> | null | undefined): Record<string, string[]> {
  return result && !result.ok ? result.fieldErrors : {};
}

export function valuesOf(result: ActionResult<unknown> | null | undefined): Record<string, string> {
  return result && !result.ok ? (result.values ?? {}) : {};
}
