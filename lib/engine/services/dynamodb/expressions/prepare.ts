import { Buffer } from "node:buffer";
import { checkAttributeValue, type AttributeValue } from "../attribute-value";
import { validationError, type DynamoDbError } from "../errors";
import { isRecord } from "../item-request";
import type { Condition, UpdateExpression } from "./ast";
import { checkCondition, checkUpdate, type ExpressionContext } from "./check";
import { parseCondition } from "./condition-parser";
import { parseUpdate } from "./update-parser";

export interface ExpressionInput {
  ConditionExpression?: unknown;
  UpdateExpression?: unknown;
  ExpressionAttributeNames?: unknown;
  ExpressionAttributeValues?: unknown;
}

export interface PreparedExpressions {
  condition?: Condition;
  update?: UpdateExpression;
}

type Prepared = { ok: true; output: PreparedExpressions } | { ok: false; error: DynamoDbError };

/** "The maximum length of any expression string is 4 KB" (DynamoDB quotas, expression parameters). */
const MAX_EXPRESSION_BYTES = 4096;
/**
 * An engine limit, far above anything a real expression needs: the parser is recursive, and a
 * 4 KB string of parentheses must end as a ValidationException, not as a stack overflow.
 */
const MAX_NESTING = 256;

/** Size and nesting checks shared by every expression parameter; `label` is e.g. "ConditionExpression". */
export function checkExpressionLimits(label: string, text: string): string | undefined {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_EXPRESSION_BYTES) return `Invalid ${label}: Expression size has exceeded the maximum allowed size; expression size: ${bytes}`;
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === "(" || c === "[") deepest = Math.max(deepest, ++depth);
    else if (c === ")" || c === "]") depth--;
  }
  const nots = text.match(/\bNOT\b/gi)?.length ?? 0;
  if (deepest > MAX_NESTING || nots > MAX_NESTING) return `Invalid ${label}: The expression nests more than ${MAX_NESTING} levels, which the engine does not support`;
  return undefined;
}

/**
 * Validates the expression parameters of one request, in DynamoDB's order (as reproduced by
 * dynalite validations/index.js `validateExpressionParams` / `validateExpressions`): names and
 * values maps, then each expression (parse, then semantic checks), then unused names and values.
 * `usesUpdate` says whether the operation takes an UpdateExpression (UpdateItem).
 */
export function prepareExpressions(input: ExpressionInput, usesUpdate: boolean): Prepared {
  const { ConditionExpression: condition, UpdateExpression: update, ExpressionAttributeNames: rawNames, ExpressionAttributeValues: rawValues } = input;
  const hasCondition = condition !== undefined && condition !== null;
  const hasUpdate = usesUpdate && update !== undefined && update !== null;

  if (rawNames != null && !hasCondition && !hasUpdate) {
    return validationError("ExpressionAttributeNames can only be specified when using expressions");
  }
  if (rawValues != null && !hasCondition && !hasUpdate) {
    return validationError(
      usesUpdate
        ? "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null"
        : "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
    );
  }

  let names: Record<string, string> | undefined;
  if (rawNames != null) {
    if (!isRecord(rawNames)) return { ok: false, error: { type: "SerializationException", message: "ExpressionAttributeNames must be a map of #name to attribute name" } };
    const keys = Object.keys(rawNames);
    if (keys.length === 0) return validationError("ExpressionAttributeNames must not be empty");
    names = Object.create(null) as Record<string, string>;
    for (const key of keys) {
      if (!/^#[0-9a-zA-Z_]+$/.test(key)) return validationError(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
      const value = rawNames[key];
      if (typeof value !== "string") return { ok: false, error: { type: "SerializationException", message: `ExpressionAttributeNames.${key} must be a string` } };
      names[key] = value;
    }
  }

  let values: Record<string, AttributeValue> | undefined;
  if (rawValues != null) {
    if (!isRecord(rawValues)) return { ok: false, error: { type: "SerializationException", message: "ExpressionAttributeValues must be a map of :value to attribute value" } };
    const keys = Object.keys(rawValues);
    if (keys.length === 0) return validationError("ExpressionAttributeValues must not be empty");
    values = Object.create(null) as Record<string, AttributeValue>;
    for (const key of keys) {
      if (!/^:[0-9a-zA-Z_]+$/.test(key)) return validationError(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
    }
    for (const key of keys) {
      const checked = checkAttributeValue(rawValues[key], `ExpressionAttributeValues.${key}`);
      if (!checked.ok) {
        return checked.error.type === "ValidationException"
          ? validationError(`ExpressionAttributeValues contains invalid value: ${checked.error.message} for key ${key}`)
          : checked;
      }
      values[key] = checked.value;
    }
  }

  const context: ExpressionContext = { names, values, usedNames: new Set(), usedValues: new Set() };
  const output: PreparedExpressions = {};

  if (hasUpdate) {
    if (typeof update !== "string") return { ok: false, error: { type: "SerializationException", message: "UpdateExpression must be a string" } };
    if (update === "") return validationError("Invalid UpdateExpression: The expression can not be empty;");
    const limit = checkExpressionLimits("UpdateExpression", update);
    if (limit) return validationError(limit);
    const parsed = parseUpdate(update);
    if (!parsed.ok) return validationError(`Invalid UpdateExpression: ${parsed.message}`);
    const problem = checkUpdate(parsed.ast, context);
    if (problem) return validationError(`Invalid UpdateExpression: ${problem}`);
    output.update = parsed.ast;
  }

  if (hasCondition) {
    if (typeof condition !== "string") return { ok: false, error: { type: "SerializationException", message: "ConditionExpression must be a string" } };
    if (condition === "") return validationError("Invalid ConditionExpression: The expression can not be empty;");
    const limit = checkExpressionLimits("ConditionExpression", condition);
    if (limit) return validationError(limit);
    const parsed = parseCondition(condition);
    if (!parsed.ok) return validationError(`Invalid ConditionExpression: ${parsed.message}`);
    const problem = checkCondition(parsed.ast, context);
    if (problem) return validationError(`Invalid ConditionExpression: ${problem}`);
    output.condition = parsed.ast;
  }

  const unusedNames = Object.keys(names ?? {}).filter((k) => !context.usedNames.has(k));
  if (unusedNames.length > 0) return validationError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(", ")}}`);
  const unusedValues = Object.keys(values ?? {}).filter((k) => !context.usedValues.has(k));
  if (unusedValues.length > 0) return validationError(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(", ")}}`);

  return { ok: true, output };
}
