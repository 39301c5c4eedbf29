import { attributeType, cloneItem, cloneValue, valuesEqual, type AttributeValue, type Item } from "../attribute-value";
import { addDecimal, checkDynamoRange, formatDecimal, parseDecimal, subtractDecimal, type Decimal } from "../decimal";
import { raiseValidation } from "../errors";
import type { Operand, PathElement, UpdateExpression } from "./ast";
import { getPath, readSlot, slotOf, type Slot } from "./document-path";

const INVALID_PATH = "The document path provided in the update expression is invalid for update";
const WRONG_TYPE = "An operand in the update expression has an incorrect data type";
const MISSING = "The provided expression refers to an attribute that does not exist in the item";

/**
 * Applies a checked update expression to a copy of `original` and returns the new item.
 * Every operand is read from the item as it was BEFORE the update (all SET values are computed
 * first), and list positions in REMOVE refer to the original list — so `REMOVE a[0], a[1]`
 * removes the first two elements (DynamoDB Developer Guide, "Update expressions").
 * Failures raise a DynamoDbFailure (ValidationException), caught by the operation.
 */
export function applyUpdate(original: Item, update: UpdateExpression): Item {
  const item = cloneItem(original);
  const values = update.actions.map((a) => (a.kind === "SET" ? resolve(a.value, original) : undefined));
  const removals: PathElement[][] = [];
  const sparseLists = new Set<AttributeValue[]>();

  update.actions.forEach((action, i) => {
    const elements = action.path.elements!;
    if (action.kind === "REMOVE") {
      removals.push(elements);
      return;
    }
    const slot = slotOf(item, elements);
    if (!slot) raiseValidation(INVALID_PATH);
    const existing = readSlot(slot);
    if (action.kind === "SET") {
      write(slot, values[i]!, sparseLists);
      return;
    }
    const operand = action.value.value!;
    const next = action.kind === "ADD" ? add(existing, operand) : remove(existing, operand);
    if (next) write(slot, next, sparseLists);
    else if (existing) erase(slot);
  });

  // Find every REMOVE slot before erasing anything, then erase list positions from the highest
  // down, so that each position still means what it meant in the original list.
  const slots = removals.map((elements) => slotOf(item, elements) ?? raiseValidation(INVALID_PATH));
  for (const slot of slots) if (slot.kind === "map") erase(slot);
  const listSlots = slots.filter((s): s is Extract<Slot, { kind: "list" }> => s.kind === "list").sort((a, b) => b.index - a.index);
  for (const slot of listSlots) erase(slot);
  // SET a[10] on a 3-element list appends: squeeze the holes out.
  for (const list of sparseLists) {
    const dense = list.filter((v) => v !== undefined);
    list.splice(0, list.length, ...dense);
  }
  return item;
}

function write(slot: Slot, value: AttributeValue, sparseLists: Set<AttributeValue[]>): void {
  if (slot.kind === "map") {
    slot.map[slot.key] = value;
    return;
  }
  if (slot.index > slot.list.length) sparseLists.add(slot.list);
  slot.list[slot.index] = value;
}

function erase(slot: Slot): void {
  if (slot.kind === "map") delete slot.map[slot.key];
  else if (slot.index < slot.list.length) slot.list.splice(slot.index, 1);
}

function number(text: string): Decimal {
  return parseDecimal(text)!;
}

function checkedNumber(result: Decimal): AttributeValue {
  const problem = checkDynamoRange(result);
  if (problem) raiseValidation(problem);
  return { N: formatDecimal(result) };
}

function resolve(operand: Operand, item: Item): AttributeValue {
  switch (operand.kind) {
    case "path": {
      const v = getPath(item, operand.elements!);
      if (!v) raiseValidation(MISSING);
      return cloneValue(v);
    }
    case "value":
      return cloneValue(operand.value!);
    case "arithmetic": {
      const a = resolve(operand.left, item);
      const b = resolve(operand.right, item);
      if (!("N" in a) || !("N" in b)) raiseValidation(WRONG_TYPE);
      const result = operand.op === "+" ? addDecimal(number(a.N), number(b.N)) : subtractDecimal(number(a.N), number(b.N));
      return checkedNumber(result);
    }
    case "function": {
      if (operand.name === "if_not_exists") {
        const target = operand.args[0]!;
        const current = target.kind === "path" ? getPath(item, target.elements!) : undefined;
        return current ? cloneValue(current) : resolve(operand.args[1]!, item);
      }
      // list_append(a, b): both lists, a's elements first.
      const a = resolve(operand.args[0]!, item);
      const b = resolve(operand.args[1]!, item);
      if (!("L" in a) || !("L" in b)) raiseValidation(WRONG_TYPE);
      return { L: [...a.L, ...b.L] };
    }
  }
}

/**
 * ADD: a number is added (a missing attribute counts as 0); a set gets the new members
 * (a missing attribute becomes the set). Anything else is the wrong type.
 */
function add(existing: AttributeValue | undefined, operand: AttributeValue): AttributeValue {
  const type = attributeType(operand);
  if (existing && attributeType(existing) !== type) raiseValidation(WRONG_TYPE);
  if ("N" in operand) {
    const base = existing && "N" in existing ? existing.N : "0";
    return checkedNumber(addDecimal(number(base), number(operand.N)));
  }
  if (!existing) return cloneValue(operand);
  const current = setMembers(existing);
  const merged = [...current];
  for (const m of setMembers(operand)) {
    if (!merged.some((x) => valuesEqual(wrap(type, x), wrap(type, m)))) merged.push(m);
  }
  return { [type]: merged } as AttributeValue;
}

/** DELETE: removes members from a set; an emptied set disappears (sets cannot be empty). */
function remove(existing: AttributeValue | undefined, operand: AttributeValue): AttributeValue | undefined {
  if (!existing) return undefined;
  const type = attributeType(operand);
  if (attributeType(existing) !== type) raiseValidation(WRONG_TYPE);
  const gone = setMembers(operand);
  const kept = setMembers(existing).filter((m) => !gone.some((g) => valuesEqual(wrap(type, m), wrap(type, g))));
  return kept.length > 0 ? ({ [type]: kept } as AttributeValue) : undefined;
}

function setMembers(v: AttributeValue): string[] {
  if ("SS" in v) return v.SS;
  if ("NS" in v) return v.NS;
  if ("BS" in v) return v.BS;
  return raiseValidation(WRONG_TYPE);
}

function wrap(setType: string, member: string): AttributeValue {
  return (setType === "NS" ? { N: member } : setType === "BS" ? { B: member } : { S: member }) as AttributeValue;
}
