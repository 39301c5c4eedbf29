import type { AttributeValue, Item } from "../attribute-value";
import type { PathElement } from "./ast";

/**
 * Document paths (DynamoDB Developer Guide, "Specifying item attributes"): `a.b[0].c` walks a
 * map key, a list index, then a map key. A path that runs into a missing element or the wrong
 * kind of container simply does not exist — conditions see "attribute does not exist".
 */
export function getPath(item: Item, elements: readonly PathElement[]): AttributeValue | undefined {
  const [head, ...rest] = elements;
  if (typeof head !== "string") return undefined;
  let current: AttributeValue | undefined = Object.hasOwn(item, head) ? item[head] : undefined;
  for (const e of rest) {
    if (!current) return undefined;
    if (typeof e === "number") current = "L" in current ? current.L[e] : undefined;
    else current = "M" in current && Object.hasOwn(current.M, e) ? current.M[e] : undefined;
  }
  return current;
}

/** The container that holds the last element of a path, for SET / REMOVE / ADD / DELETE. */
export type Slot =
  | { kind: "map"; map: Item; key: string }
  | { kind: "list"; list: AttributeValue[]; index: number };

/**
 * The slot a path addresses, or undefined when its parent does not exist or is not the right kind
 * of container ("The document path provided in the update expression is invalid for update").
 */
export function slotOf(item: Item, elements: readonly PathElement[]): Slot | undefined {
  const last = elements.at(-1);
  if (last === undefined) return undefined;
  if (elements.length === 1) return typeof last === "string" ? { kind: "map", map: item, key: last } : undefined;
  const parent = getPath(item, elements.slice(0, -1));
  if (!parent) return undefined;
  if (typeof last === "number") return "L" in parent ? { kind: "list", list: parent.L, index: last } : undefined;
  return "M" in parent ? { kind: "map", map: parent.M, key: last } : undefined;
}

export function readSlot(slot: Slot): AttributeValue | undefined {
  if (slot.kind === "map") return Object.hasOwn(slot.map, slot.key) ? slot.map[slot.key] : undefined;
  return slot.list[slot.index];
}
