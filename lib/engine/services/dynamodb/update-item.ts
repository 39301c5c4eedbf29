import { checkItem, cloneItem, itemSize, newItem, type Item } from "./attribute-value";
import { DynamoDbFailure, validationError, type Outcome } from "./errors";
import { applyUpdate } from "./expressions/apply-update";
import type { PathElement } from "./expressions/ast";
import { evaluateCondition } from "./expressions/evaluate-condition";
import { prepareExpressions } from "./expressions/prepare";
import { projectPaths } from "./expressions/projection";
import { asRecord, refuseLegacyParameters, checkReturnValues, conditionFailed, requireMember } from "./item-request";
import { commitWrite, findTable, MAX_ITEM_BYTES, type DynamoDbState } from "./state";

export interface UpdateItemOutput {
  Attributes?: Item;
}

/**
 * UpdateItem: edits the item with that key in place, creating it (key attributes plus the
 * update) when it does not exist — an "upsert". `SET balance = balance + :amount` read-modify-
 * writes atomically on the server, but a retried call adds twice; `SET balance = :total` is
 * idempotent. Numbers are exact decimals.
 */
export function updateItem(state: DynamoDbState, raw: unknown, now: number): Outcome<UpdateItemOutput> {
  const input = asRecord(raw);
  const legacy = refuseLegacyParameters(input);
  if (legacy) return legacy;
  const missing = requireMember(input, "TableName") ?? requireMember(input, "Key");
  if (missing) return missing;
  const checkedKey = checkItem(input.Key, "Key");
  if (!checkedKey.ok) return checkedKey;
  const returnValues = checkReturnValues(input.ReturnValues, ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]);
  if (!returnValues.ok) return returnValues;
  const expressions = prepareExpressions(input, true);
  if (!expressions.ok) return expressions;
  const found = findTable(state, input.TableName);
  if (!found.ok) return found;
  const table = found.output;
  const key = table.checkKey(input.Key);
  if (!key.ok) return key;

  const update = expressions.output.update;
  const paths: PathElement[][] = update?.actions.map((a) => a.path.elements!) ?? [];
  // The key identifies the item; it cannot be changed by an update (dynalite db/index.js `validateUpdates`).
  for (const path of paths) {
    const head = path[0] as string;
    if (!table.isKeyAttribute(head)) continue;
    return validationError(
      path.length === 1
        ? `One or more parameter values were invalid: Cannot update attribute ${head}. This attribute is part of the key`
        : `Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: ${head}`,
    );
  }

  const existing = table.get(key.output);
  const condition = expressions.output.condition;
  if (condition && !evaluateCondition(condition, existing ?? newItem())) return conditionFailed(input, existing);

  let updated: Item;
  try {
    updated = update ? applyUpdate(existing ?? key.output, update) : cloneItem(existing ?? key.output);
  } catch (e) {
    if (e instanceof DynamoDbFailure) return { ok: false, error: e.error };
    throw e;
  }
  if (itemSize(updated) > MAX_ITEM_BYTES) return validationError("Item size to update has exceeded the maximum allowed size");

  const refused = commitWrite(state, table, key.output, existing, updated, now);
  if (refused) return refused;

  switch (returnValues.value) {
    case "ALL_OLD":
      return { ok: true, output: existing ? { Attributes: cloneItem(existing) } : {} };
    case "ALL_NEW":
      return { ok: true, output: { Attributes: cloneItem(updated) } };
    case "UPDATED_OLD":
    case "UPDATED_NEW": {
      const source = returnValues.value === "UPDATED_OLD" ? existing : updated;
      const attributes = source ? projectPaths(source, paths) : newItem();
      return { ok: true, output: Object.keys(attributes).length > 0 ? { Attributes: attributes } : {} };
    }
    default:
      return { ok: true, output: {} };
  }
}
