import type { Item } from "./attribute-value";

/**
 * An error as the DynamoDB API returns it: the exception name (`__type` without its namespace)
 * and the message. User mistakes are values, never throws: the engine records them on the step
 * (or rejects the SDK promise inside the sandbox) and the run goes on.
 */
export interface DynamoDbError {
  type: string;
  message: string;
  /** ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure: ALL_OLD carries the item. */
  Item?: Item;
}

export type Outcome<T> = { ok: true; output: T } | { ok: false; error: DynamoDbError };

export function ok<T>(output: T): Outcome<T> {
  return { ok: true, output };
}

export function fail(type: string, message: string): { ok: false; error: DynamoDbError } {
  return { ok: false, error: { type, message } };
}

export function validationError(message: string): { ok: false; error: DynamoDbError } {
  return fail("ValidationException", message);
}

/** Thrown only inside this folder to unwind a deep expression walk; always caught and turned into a value. */
export class DynamoDbFailure extends Error {
  constructor(readonly error: DynamoDbError) {
    super(error.message);
  }
}

export function raiseValidation(message: string): never {
  throw new DynamoDbFailure({ type: "ValidationException", message });
}

/** AWS's constraint-violation wording: "1 validation error detected: Value … at '…' failed to satisfy constraint: …". */
export function constraintErrors(violations: string[]): { ok: false; error: DynamoDbError } | undefined {
  if (violations.length === 0) return undefined;
  const n = violations.length;
  return validationError(`${n} validation error${n > 1 ? "s" : ""} detected: ${violations.join("; ")}`);
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return `'${value}'`;
  if (Array.isArray(value)) return `'[${value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}]'`;
  return `'${typeof value === "object" ? JSON.stringify(value) : String(value)}'`;
}
