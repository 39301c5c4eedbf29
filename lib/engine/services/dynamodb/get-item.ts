import { cloneItem, type Item } from "./attribute-value";
import { fail, validationError, type Outcome } from "./errors";
import { checkExpressionLimits } from "./expressions/prepare";
import { parseProjection, projectPaths } from "./expressions/projection";
import { asRecord, refuseLegacyParameters, requireMember } from "./item-request";
import { findTable, type DynamoDbState } from "./state";

export interface GetItemOutput {
  Item?: Item;
}

/**
 * GetItem: the item with that key, or an output without `Item` when there is none.
 * ProjectionExpression (with ExpressionAttributeNames) selects attributes. Reads are always
 * consistent in the engine — there is one copy of the data — so ConsistentRead changes nothing.
 */
export function getItem(state: DynamoDbState, raw: unknown, _now: number): Outcome<GetItemOutput> {
  const input = asRecord(raw);
  const legacy = refuseLegacyParameters(input);
  if (legacy) return legacy;
  const missing = requireMember(input, "TableName") ?? requireMember(input, "Key");
  if (missing) return missing;

  let paths: ReturnType<typeof parseProjection> | undefined;
  const names = input.ExpressionAttributeNames;
  if (input.ExpressionAttributeValues != null) {
    return validationError("ExpressionAttributeValues can only be specified when using expressions: ProjectionExpression is null");
  }
  if (input.ProjectionExpression != null) {
    if (typeof input.ProjectionExpression !== "string") return fail("SerializationException", "ProjectionExpression must be a string");
    if (names != null && (typeof names !== "object" || Array.isArray(names))) return fail("SerializationException", "ExpressionAttributeNames must be a map");
    const limit = checkExpressionLimits("ProjectionExpression", input.ProjectionExpression);
    if (limit) return validationError(limit);
    if (Object.values(names ?? {}).some((v) => typeof v !== "string")) return fail("SerializationException", "ExpressionAttributeNames values must be strings");
    const used = new Set<string>();
    paths = parseProjection(input.ProjectionExpression, names as Record<string, string> | undefined, used);
    if (!paths.ok) return validationError(`Invalid ProjectionExpression: ${paths.message}`);
    const unused = Object.keys(names ?? {}).filter((k) => !used.has(k));
    if (unused.length > 0) return validationError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unused.join(", ")}}`);
  } else if (names != null) {
    return validationError("ExpressionAttributeNames can only be specified when using expressions");
  }

  const found = findTable(state, input.TableName);
  if (!found.ok) return found;
  const key = found.output.checkKey(input.Key);
  if (!key.ok) return key;
  const item = found.output.get(key.output);
  if (!item) return { ok: true, output: {} };
  const projected = paths?.ok ? projectPaths(item, paths.paths) : cloneItem(item);
  return { ok: true, output: { Item: projected } };
}
