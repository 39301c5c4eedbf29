/** Messages per form field, e.g. { email: ["An account with this email already exists."] }. */
export type FieldErrors = Record<string, string[]>;

export type FailureCode =
  | "unauthenticated" // no session → sign in
  | "forbidden" // signed in, but the role does not allow it
  | "invalid" // the input failed validation → see fieldErrors
  | "conflict" // e.g. the email is taken
  | "not_found"
  | "rate_limited" // see retryAfterSec
  | "internal"; // our fault; details are in the server log, never in the result

export type ActionFailure = {
  ok: false;
  code: FailureCode;
  /** One sentence for the top of the form. */
  error: string;
  /** Messages to show next to each field (may be empty). */
  fieldErrors: FieldErrors;
  /** The submitted (non-secret) text values, so a form can keep what the user typed. */
  values?: Record<string, string>;
  retryAfterSec?: number;
};

/** What every server action and JSON route returns. */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** HTTP status for each failure, used by JSON routes (lib/http/route.ts). */
export const STATUS_BY_CODE: Record<FailureCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 422,
  conflict: 409,
  not_found: 404,
  rate_limited: 429,
  internal: 500,
};
