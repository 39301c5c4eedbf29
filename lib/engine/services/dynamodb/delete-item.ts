import { checkItem, cloneItem, newItem, type Item } from "./attribute-value";
import type { Outcome } from "./errors";
import { evaluateCondition } from "./expressions/evaluate-condition";
import { prepareExpressions } from "./expressions/prepare";
import { asRecord, refuseLegacyParameters, checkReturnValues, conditionFailed, requireMember } from "./item-request";
import { commitWrite, findTable, type DynamoDbState } from "./state";

export interface DeleteItemOutput {
  Attributes?: Item;
}

/** DeleteItem: removes the item with that key; deleting a missing item succeeds and changes nothing. */
export function deleteItem(state: DynamoDbState, raw: unknown, now: number): Outcome<DeleteItemOutput> {
  const input = asRecord(raw);
  const legacy = refuseLegacyParameters(input);
  if (legacy) return legacy;
  const missing = requireMember(input, "TableName") ?? requireMember(input, "Key");
  if (missing) return missing;
  const checkedKey = checkItem(input.Key, "Key");
  if (!checkedKey.ok) return checkedKey;
  const returnValues = checkReturnValues(input.ReturnValues, ["NONE", "ALL_OLD"]);
  if (!returnValues.ok) return returnValues;
  const expressions = prepareExpressions(input, false);
  if (!expressions.ok) return expressions;
  const found = findTable(state, input.TableName);
  if (!found.ok) return found;
  const table = found.output;
  const key = table.checkKey(input.Key);
  if (!key.ok) return key;

  const existing = table.get(key.output);
  const condition = expressions.output.condition;
  if (condition && !evaluateCondition(condition, existing ?? newItem())) return conditionFailed(input, existing);

  const refused = commitWrite(state, table, key.output, existing, undefined, now);
  if (refused) return refused;
  return { ok: true, output: returnValues.value === "ALL_OLD" && existing ? { Attributes: cloneItem(existing) } : {} };
}
