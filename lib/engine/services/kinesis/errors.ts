/** An error as the Kinesis API returns it: exception name and message. Values, never throws. */
export interface KinesisError {
  type: string;
  message: string;
}

export type KinesisOutcome<T> = { ok: true; output: T } | { ok: false; error: KinesisError };

export function kinesisFail(type: string, message: string): { ok: false; error: KinesisError } {
  return { ok: false, error: { type, message } };
}

/** "N validation error(s) detected: Value … at '…' failed to satisfy constraint: …" */
export function kinesisConstraints(violations: string[]): { ok: false; error: KinesisError } | undefined {
  if (violations.length === 0) return undefined;
  const n = violations.length;
  return kinesisFail("ValidationException", `${n} validation error${n > 1 ? "s" : ""} detected: ${violations.join("; ")}`);
}

export function violation(value: unknown, field: string, constraint: string): string {
  const shown = value === undefined || value === null ? "null" : `'${typeof value === "string" ? value : JSON.stringify(value)}'`;
  return `Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`;
}
