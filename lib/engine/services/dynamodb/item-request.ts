import { cloneItem, type Item } from "./attribute-value";
import { fail, validationError, type DynamoDbError } from "./errors";

export type Raw = Record<string, unknown>;

export function isRecord(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A request body as a map; anything else reads as an empty request (and fails its required members). */
export function asRecord(v: unknown): Raw {
  return isRecord(v) ? v : {};
}

export const RETURN_VALUES = ["ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"] as const;
export type ReturnValue = (typeof RETURN_VALUES)[number];

/**
 * ReturnValues: any value outside the API's enum is a constraint violation; an enum value the
 * operation does not support (PutItem/DeleteItem take only NONE and ALL_OLD) is
 * "Return values set to invalid value".
 */
export function checkReturnValues(raw: unknown, allowed: readonly ReturnValue[]): { ok: true; value: ReturnValue } | { ok: false; error: DynamoDbError } {
  if (raw === undefined || raw === null) return { ok: true, value: "NONE" };
  if (typeof raw !== "string" || !(RETURN_VALUES as readonly string[]).includes(raw)) {
    return validationError(
      `1 validation error detected: Value '${String(raw)}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [${RETURN_VALUES.join(", ")}]`,
    );
  }
  if (!allowed.includes(raw as ReturnValue)) return validationError("Return values set to invalid value");
  return { ok: true, value: raw as ReturnValue };
}

/**
 * The pre-expression parameters (Expected, AttributeUpdates, …) still work on AWS but are not
 * modelled: refusing them loudly beats silently ignoring a condition a handler relies on.
 */
const LEGACY_PARAMETERS = ["Expected", "ConditionalOperator", "AttributeUpdates", "AttributesToGet"];

export function refuseLegacyParameters(input: Raw): { ok: false; error: DynamoDbError } | undefined {
  const used = LEGACY_PARAMETERS.find((p) => input[p] !== undefined && input[p] !== null);
  if (!used) return undefined;
  return validationError(`The engine's DynamoDB does not model the legacy parameter ${used}; use ConditionExpression, UpdateExpression or ProjectionExpression`);
}

export function requireMember(input: Raw, member: string): { ok: false; error: DynamoDbError } | undefined {
  if (input[member] === undefined || input[member] === null) {
    const field = member[0]!.toLowerCase() + member.slice(1);
    return validationError(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return undefined;
}

/**
 * ConditionalCheckFailedException; with ReturnValuesOnConditionCheckFailure: ALL_OLD the error
 * carries the item as it is (DynamoDB API, "ReturnValuesOnConditionCheckFailure").
 */
export function conditionFailed(input: Raw, existing: Item | undefined): { ok: false; error: DynamoDbError } {
  const failure = fail("ConditionalCheckFailedException", "The conditional request failed");
  if (input.ReturnValuesOnConditionCheckFailure === "ALL_OLD" && existing) failure.error.Item = cloneItem(existing);
  return failure;
}
