import { checkItem, cloneItem, itemSize, newItem, type Item } from "./attribute-value";
import { validationError, type Outcome } from "./errors";
import { evaluateCondition } from "./expressions/evaluate-condition";
import { prepareExpressions } from "./expressions/prepare";
import { asRecord, refuseLegacyParameters, checkReturnValues, conditionFailed, requireMember } from "./item-request";
import { commitWrite, findTable, MAX_ITEM_BYTES, type DynamoDbState } from "./state";

export interface PutItemOutput {
  Attributes?: Item;
}

/**
 * PutItem: replaces the whole item with that key (or creates it). With a ConditionExpression the
 * write happens only if the condition holds on the item as it is — `attribute_not_exists(id)` is
 * the idempotent "create once" of the idempotency labs.
 */
export function putItem(state: DynamoDbState, raw: unknown, now: number): Outcome<PutItemOutput> {
  const input = asRecord(raw);
  const legacy = refuseLegacyParameters(input);
  if (legacy) return legacy;
  const missing = requireMember(input, "TableName") ?? requireMember(input, "Item");
  if (missing) return missing;
  const checked = checkItem(input.Item, "");
  if (!checked.ok) return checked;
  const returnValues = checkReturnValues(input.ReturnValues, ["NONE", "ALL_OLD"]);
  if (!returnValues.ok) return returnValues;
  const expressions = prepareExpressions(input, false);
  if (!expressions.ok) return expressions;
  const found = findTable(state, input.TableName);
  if (!found.ok) return found;
  const table = found.output;

  const item = checked.item;
  const keyError = table.checkItemKey(item);
  if (keyError) return { ok: false, error: keyError };
  if (itemSize(item) > MAX_ITEM_BYTES) return validationError("Item size has exceeded the maximum allowed size");

  const key = table.keyOf(item);
  const existing = table.get(key);
  const condition = expressions.output.condition;
  if (condition && !evaluateCondition(condition, existing ?? newItem())) return conditionFailed(input, existing);

  const refused = commitWrite(state, table, key, existing, item, now);
  if (refused) return refused;
  return { ok: true, output: returnValues.value === "ALL_OLD" && existing ? { Attributes: cloneItem(existing) } : {} };
}
