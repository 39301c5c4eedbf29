import type { FailureCode, FieldErrors } from "./result";

/**
 * An expected failure a service reports to the user: thrown anywhere under a procedure, it becomes
 * `{ ok: false, code, error, fieldErrors }` (any other error becomes a generic "internal" failure).
 */
export class ActionError extends Error {
  override name = "ActionError";
  constructor(
    readonly code: Exclude<FailureCode, "internal">,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }
}

/** A failure about one field, shown next to it: `throw fieldError("email", "…", "conflict")`. */
export function fieldError(field: string, message: string, code: Exclude<FailureCode, "internal"> = "invalid"): ActionError {
  return new ActionError(code, message, { [field]: [message] });
}
