import { Buffer } from "node:buffer";
import { checkDynamoRange, compareDecimal, formatDecimal, parseDecimal, significantDigitsOf } from "./decimal";
import type { DynamoDbError } from "./errors";

/** DynamoDB's attribute-value JSON, as the low-level API and `@aws-sdk/client-dynamodb` speak it. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: Item }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

export type Item = Record<string, AttributeValue>;
export type AttributeType = "S" | "N" | "B" | "BOOL" | "NULL" | "M" | "L" | "SS" | "NS" | "BS";

const ATTRIBUTE_TYPES: readonly AttributeType[] = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"];

/**
 * DynamoDB allows 32 levels of nesting ("Supported data types": "DynamoDB supports nested
 * attributes up to 32 levels deep"); the limit also keeps a hostile handler from blowing the stack.
 */
const MAX_DEPTH = 32;

/** A prototype-free record: attribute names such as "__proto__" stay plain keys. */
export function newItem(): Item {
  return Object.create(null) as Item;
}

export function attributeType(value: AttributeValue): AttributeType {
  for (const t of ATTRIBUTE_TYPES) if (t in value) return t;
  /* c8 ignore next */
  throw new Error("not an attribute value");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

type Checked = { ok: true; value: AttributeValue } | { ok: false; error: DynamoDbError };

const serialization = (message: string): Checked => ({ ok: false, error: { type: "SerializationException", message } });
const invalid = (message: string): Checked => ({ ok: false, error: { type: "ValidationException", message } });

function toBase64(raw: unknown, where: string): { ok: true; value: string } | { ok: false; error: DynamoDbError } {
  if (raw instanceof Uint8Array) return { ok: true, value: Buffer.from(raw).toString("base64") };
  if (typeof raw !== "string") {
    return { ok: false, error: { type: "SerializationException", message: `${where}: expected base64 text or bytes for a Binary value` } };
  }
  if (raw.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) {
    return {
      ok: false,
      error: { type: "SerializationException", message: `'${raw}' can not be converted to a Blob: it is not valid base64` },
    };
  }
  return { ok: true, value: Buffer.from(raw, "base64").toString("base64") };
}

function checkNumber(raw: unknown, where: string): { ok: true; value: string } | { ok: false; error: DynamoDbError } {
  if (typeof raw !== "string") {
    return { ok: false, error: { type: "SerializationException", message: `${where}: a Number is sent as a string, e.g. {"N": "42"}` } };
  }
  // Messages as recorded against DynamoDB by dynalite (validations/index.js `checkNum`).
  if (raw === "") return { ok: false, error: { type: "ValidationException", message: "The parameter cannot be converted to a numeric value" } };
  // Fast path: a plain integer of at most 38 digits is in range and canonical already.
  if (/^-?(0|[1-9]\d{0,37})$/.test(raw)) return { ok: true, value: raw === "-0" ? "0" : raw };
  const d = parseDecimal(raw);
  if (!d) return { ok: false, error: { type: "ValidationException", message: `The parameter cannot be converted to a numeric value: ${raw}` } };
  const rangeError = checkDynamoRange(d);
  if (rangeError) return { ok: false, error: { type: "ValidationException", message: rangeError } };
  return { ok: true, value: formatDecimal(d) };
}

function duplicates(values: string[], key: (v: string) => string): boolean {
  const seen = new Set<string>();
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/**
 * Checks one attribute value and returns a canonical deep copy (numbers normalised, binary
 * re-encoded). `where` names the attribute for messages that are ours rather than AWS's.
 */
export function checkAttributeValue(raw: unknown, where: string, depth = 0): Checked {
  if (depth > MAX_DEPTH) return invalid("Nesting Levels have exceeded supported limits");
  if (!isPlainObject(raw)) {
    return serialization(`${where}: expected an attribute value such as {"S": "text"} or {"N": "1"}, got ${JSON.stringify(raw) ?? String(raw)}`);
  }
  const present = ATTRIBUTE_TYPES.filter((t) => raw[t] !== undefined && raw[t] !== null);
  // Unknown members are ignored by the service, so {"X": 1} reads as an empty value.
  if (present.length === 0) return invalid("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  if (present.length > 1) {
    return invalid("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
  }
  const type = present[0]!;
  const v = raw[type];
  switch (type) {
    case "S":
      return typeof v === "string" ? { ok: true, value: { S: v } } : serialization(`${where}: S must be a string`);
    case "N": {
      const n = checkNumber(v, where);
      return n.ok ? { ok: true, value: { N: n.value } } : n;
    }
    case "B": {
      const b = toBase64(v, where);
      return b.ok ? { ok: true, value: { B: b.value } } : b;
    }
    case "BOOL":
      return typeof v === "boolean" ? { ok: true, value: { BOOL: v } } : serialization(`${where}: BOOL must be true or false`);
    case "NULL":
      if (typeof v !== "boolean") return serialization(`${where}: NULL must be true`);
      return v ? { ok: true, value: { NULL: true } } : invalid("One or more parameter values were invalid: Null attribute value types must have the value of true");
    case "SS": {
      if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) return serialization(`${where}: SS must be a list of strings`);
      const ss = v as string[];
      if (ss.length === 0) return invalid("One or more parameter values were invalid: An string set  may not be empty");
      if (duplicates(ss, (s) => s)) return invalid(`One or more parameter values were invalid: Input collection [${ss.join(", ")}] contains duplicates.`);
      return { ok: true, value: { SS: [...ss] } };
    }
    case "NS": {
      if (!Array.isArray(v)) return serialization(`${where}: NS must be a list of number strings`);
      if (v.length === 0) return invalid("One or more parameter values were invalid: An number set  may not be empty");
      const ns: string[] = [];
      for (const member of v) {
        const n = checkNumber(member, where);
        if (!n.ok) return n;
        ns.push(n.value);
      }
      if (duplicates(ns, (s) => s)) return invalid("Input collection contains duplicates");
      return { ok: true, value: { NS: ns } };
    }
    case "BS": {
      if (!Array.isArray(v)) return serialization(`${where}: BS must be a list of base64 values`);
      if (v.length === 0) return invalid("One or more parameter values were invalid: Binary sets should not be empty");
      const bs: string[] = [];
      for (const member of v) {
        const b = toBase64(member, where);
        if (!b.ok) return b;
        bs.push(b.value);
      }
      if (duplicates(bs, (s) => s)) return invalid(`One or more parameter values were invalid: Input collection [${bs.join(", ")}]of type BS contains duplicates.`);
      return { ok: true, value: { BS: bs } };
    }
    case "L": {
      if (!Array.isArray(v)) return serialization(`${where}: L must be a list of attribute values`);
      const list: AttributeValue[] = [];
      for (let i = 0; i < v.length; i++) {
        const child = checkAttributeValue(v[i], `${where}[${i}]`, depth + 1);
        if (!child.ok) return child;
        list.push(child.value);
      }
      return { ok: true, value: { L: list } };
    }
    case "M": {
      if (!isPlainObject(v)) return serialization(`${where}: M must be a map of attribute values`);
      const m = checkItem(v, where, depth + 1);
      return m.ok ? { ok: true, value: { M: m.item } } : m;
    }
  }
}

/** Checks a whole item (a map of attribute name → value) and returns a canonical copy. */
export function checkItem(
  raw: unknown,
  where: string,
  depth = 0,
): { ok: true; item: Item } | { ok: false; error: DynamoDbError } {
  if (!isPlainObject(raw)) return { ok: false, error: { type: "SerializationException", message: `${where}: expected a map of attribute values` } };
  const item = newItem();
  for (const name of Object.keys(raw)) {
    const checked = checkAttributeValue(raw[name], where ? `${where}.${name}` : name, depth);
    if (!checked.ok) return checked;
    item[name] = checked.value;
  }
  return { ok: true, item };
}

export function cloneValue(value: AttributeValue): AttributeValue {
  if ("M" in value) return { M: cloneItem(value.M) };
  if ("L" in value) return { L: value.L.map(cloneValue) };
  if ("SS" in value) return { SS: [...value.SS] };
  if ("NS" in value) return { NS: [...value.NS] };
  if ("BS" in value) return { BS: [...value.BS] };
  return { ...value } as AttributeValue;
}

export function cloneItem(item: Item): Item {
  const copy = newItem();
  for (const name of Object.keys(item)) copy[name] = cloneValue(item[name]!);
  return copy;
}

/** Code-point order, which is UTF-8 byte order: how DynamoDB orders strings. */
function compareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

function compareBinary(a: string, b: string): -1 | 0 | 1 {
  const c = Buffer.compare(Buffer.from(a, "base64"), Buffer.from(b, "base64"));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

function compareNumbers(a: string, b: string): -1 | 0 | 1 {
  // Stored and expression numbers are canonical, so equal text means equal value (the common case).
  if (a === b) return 0;
  return compareDecimal(parseDecimal(a)!, parseDecimal(b)!);
}

/** Ordering for the scalar types DynamoDB can order (S, N, B); undefined for anything else or mixed types. */
export function compareScalars(a: AttributeValue, b: AttributeValue): -1 | 0 | 1 | undefined {
  if ("N" in a && "N" in b) return compareNumbers(a.N, b.N);
  if ("S" in a && "S" in b) return compareStrings(a.S, b.S);
  if ("B" in a && "B" in b) return compareBinary(a.B, b.B);
  return undefined;
}

function sameSet(a: string[], b: string[], equal: (x: string, y: string) => boolean): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => equal(x, y)));
}

/** DynamoDB equality: same type and same value; sets compare without order, numbers by value. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const ta = attributeType(a);
  if (ta !== attributeType(b)) return false;
  switch (ta) {
    case "S":
      return (a as { S: string }).S === (b as { S: string }).S;
    case "N":
      return compareNumbers((a as { N: string }).N, (b as { N: string }).N) === 0;
    case "B":
      return compareBinary((a as { B: string }).B, (b as { B: string }).B) === 0;
    case "BOOL":
      return (a as { BOOL: boolean }).BOOL === (b as { BOOL: boolean }).BOOL;
    case "NULL":
      return true;
    case "SS":
      return sameSet((a as { SS: string[] }).SS, (b as { SS: string[] }).SS, (x, y) => x === y);
    case "NS":
      return sameSet((a as { NS: string[] }).NS, (b as { NS: string[] }).NS, (x, y) => compareNumbers(x, y) === 0);
    case "BS":
      return sameSet((a as { BS: string[] }).BS, (b as { BS: string[] }).BS, (x, y) => compareBinary(x, y) === 0);
    case "L": {
      const la = (a as { L: AttributeValue[] }).L;
      const lb = (b as { L: AttributeValue[] }).L;
      return la.length === lb.length && la.every((x, i) => valuesEqual(x, lb[i]!));
    }
    case "M":
      return itemsEqual((a as { M: Item }).M, (b as { M: Item }).M);
  }
}

export function itemsEqual(a: Item, b: Item): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && valuesEqual(a[k]!, b[k]!));
}

const utf8Length = (s: string): number => Buffer.byteLength(s, "utf8");

/**
 * Approximate stored size, per the DynamoDB Developer Guide "Item sizes and formats": strings are
 * their UTF-8 length; a number is about 1 byte per two significant digits plus 1; binary is its
 * byte length; BOOL and NULL are 1 byte; a list or map has 3 bytes of overhead plus 1 byte per
 * element; sets are the sum of their members. Attribute names count their UTF-8 length.
 */
function attributeValueSize(value: AttributeValue): number {
  if ("S" in value) return utf8Length(value.S);
  if ("N" in value) return Math.ceil(significantDigitsOf(value.N) / 2) + 1;
  if ("B" in value) return Buffer.from(value.B, "base64").length;
  if ("BOOL" in value || "NULL" in value) return 1;
  if ("SS" in value) return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if ("NS" in value) return value.NS.reduce((sum, n) => sum + attributeValueSize({ N: n }), 0);
  if ("BS" in value) return value.BS.reduce((sum, b) => sum + attributeValueSize({ B: b }), 0);
  if ("L" in value) return 3 + value.L.reduce((sum, v) => sum + 1 + attributeValueSize(v), 0);
  return 3 + Object.keys(value.M).reduce((sum, k) => sum + 1 + utf8Length(k) + attributeValueSize(value.M[k]!), 0);
}

export function itemSize(item: Item): number {
  return Object.keys(item).reduce((sum, k) => sum + utf8Length(k) + attributeValueSize(item[k]!), 0);
}
