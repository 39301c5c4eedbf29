import { Buffer } from "node:buffer";
import { attributeType, compareScalars, valuesEqual, type AttributeValue, type Item } from "../attribute-value";
import { compareDecimal, parseDecimal } from "../decimal";
import type { Condition, Operand } from "./ast";
import { getPath } from "./document-path";

/**
 * Evaluates a checked condition against an item (an empty item when none exists yet), following
 * the DynamoDB Developer Guide "Comparison operator and function reference":
 * - `=` needs both operands present and of the same type; `<>` is true whenever `=` is not
 *   (so `status <> :done` holds for an item without `status`);
 * - `<` `<=` `>` `>=` and BETWEEN compare only S, N (by value) and B of the same type;
 * - a missing attribute makes every comparison false except `<>`.
 */
export function evaluateCondition(condition: Condition, item: Item): boolean {
  switch (condition.kind) {
    case "and":
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case "or":
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case "not":
      return !evaluateCondition(condition.operand, item);
    case "compare": {
      const a = operandValue(condition.left, item);
      const b = operandValue(condition.right, item);
      if (condition.op === "=") return !!a && !!b && valuesEqual(a, b);
      if (condition.op === "<>") return !(a && b && valuesEqual(a, b));
      if (!a || !b) return false;
      const c = compareScalars(a, b);
      if (c === undefined) return false;
      return condition.op === "<" ? c < 0 : condition.op === "<=" ? c <= 0 : condition.op === ">" ? c > 0 : c >= 0;
    }
    case "between": {
      const v = operandValue(condition.subject, item);
      const low = operandValue(condition.low, item);
      const high = operandValue(condition.high, item);
      if (!v || !low || !high) return false;
      const lo = compareScalars(v, low);
      const hi = compareScalars(v, high);
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case "in": {
      const v = operandValue(condition.subject, item);
      return !!v && condition.list.some((o) => {
        const candidate = operandValue(o, item);
        return !!candidate && valuesEqual(v, candidate);
      });
    }
    case "call":
      return callCondition(condition.call.name, condition.call.args, item);
  }
}

function operandValue(operand: Operand, item: Item): AttributeValue | undefined {
  switch (operand.kind) {
    case "path":
      return getPath(item, operand.elements!);
    case "value":
      return operand.value;
    case "function": {
      // Only size() yields a value inside a condition (the checker refused the rest).
      const target = operandValue(operand.args[0]!, item);
      const n = target ? sizeOf(target) : undefined;
      return n === undefined ? undefined : { N: String(n) };
    }
    case "arithmetic":
      return undefined;
  }
}

/**
 * size(path): string length, binary length in bytes, number of elements of a set, list or map
 * (Developer Guide, "Functions": size). String length is counted in characters (code points)
 * [unverified for non-ASCII text: AWS documents "the length of the string"].
 */
function sizeOf(v: AttributeValue): number | undefined {
  if ("S" in v) return [...v.S].length;
  if ("B" in v) return Buffer.from(v.B, "base64").length;
  if ("SS" in v) return v.SS.length;
  if ("NS" in v) return v.NS.length;
  if ("BS" in v) return v.BS.length;
  if ("L" in v) return v.L.length;
  if ("M" in v) return Object.keys(v.M).length;
  return undefined;
}

function callCondition(name: string, args: Operand[], item: Item): boolean {
  const [first, second] = args;
  switch (name) {
    case "attribute_exists":
      return operandValue(first!, item) !== undefined;
    case "attribute_not_exists":
      return operandValue(first!, item) === undefined;
    case "attribute_type": {
      const v = operandValue(first!, item);
      const t = operandValue(second!, item);
      return !!v && !!t && "S" in t && attributeType(v) === t.S;
    }
    case "begins_with": {
      const v = operandValue(first!, item);
      const prefix = operandValue(second!, item);
      if (!v || !prefix) return false;
      if ("S" in v && "S" in prefix) return v.S.startsWith(prefix.S);
      if ("B" in v && "B" in prefix) {
        const bytes = Buffer.from(v.B, "base64");
        const p = Buffer.from(prefix.B, "base64");
        return bytes.subarray(0, p.length).equals(p);
      }
      return false;
    }
    case "contains": {
      // "a String that contains a particular substring; a Set that contains a particular element;
      // a List that contains a particular element" (Developer Guide, contains).
      const v = operandValue(first!, item);
      const needle = operandValue(second!, item);
      if (!v || !needle) return false;
      if ("S" in v) return "S" in needle && v.S.includes(needle.S);
      if ("SS" in v) return "S" in needle && v.SS.includes(needle.S);
      if ("NS" in v) {
        if (!("N" in needle)) return false;
        const n = parseDecimal(needle.N)!;
        return v.NS.some((m) => compareDecimal(parseDecimal(m)!, n) === 0);
      }
      if ("BS" in v) return "B" in needle && v.BS.some((m) => valuesEqual({ B: m }, needle));
      if ("L" in v) return v.L.some((element) => valuesEqual(element, needle));
      return false;
    }
    default:
      return false;
  }
}
