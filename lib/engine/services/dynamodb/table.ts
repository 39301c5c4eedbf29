import { Buffer } from "node:buffer";
import { compareScalars, itemSize, newItem, type AttributeValue, type Item } from "./attribute-value";
import { checkItem } from "./attribute-value";
import { validationError, type DynamoDbError, type Outcome } from "./errors";
import type { TableStream } from "./stream";

export type ScalarAttributeType = "S" | "N" | "B";

export interface KeyAttribute {
  name: string;
  type: ScalarAttributeType;
}

export interface TableKey {
  hash: KeyAttribute;
  range?: KeyAttribute;
}

/** Key size limits, messages as recorded by dynalite (db/index.js `checkKeySize`). */
const MAX_HASH_KEY_BYTES = 2048;
const MAX_RANGE_KEY_BYTES = 1024;

function keyBytes(value: AttributeValue): number {
  if ("S" in value) return Buffer.byteLength(value.S, "utf8");
  if ("B" in value) return Buffer.from(value.B, "base64").length;
  return 0; // "Numbers are always fine" for the key size limit.
}

function keyValue(value: AttributeValue | undefined, type: ScalarAttributeType): string | undefined {
  if (!value || !(type in value)) return undefined;
  return (value as Record<string, string>)[type];
}

/** One DynamoDB table: key schema, items by primary key, and the stream when one is enabled. */
export class Table {
  private readonly items = new Map<string, { item: Item; size: number }>();
  /** Σ itemSize of the stored items. */
  private heldBytes = 0;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly key: TableKey,
    readonly description: Record<string, unknown>,
    readonly stream: TableStream | undefined,
  ) {}

  keyAttributes(): KeyAttribute[] {
    return this.key.range ? [this.key.hash, this.key.range] : [this.key.hash];
  }

  isKeyAttribute(name: string): boolean {
    return name === this.key.hash.name || name === this.key.range?.name;
  }

  /** The primary-key attributes of an item, in key-schema order. */
  keyOf(item: Item): Item {
    const k = newItem();
    for (const attr of this.keyAttributes()) k[attr.name] = item[attr.name]!;
    return k;
  }

  /** Canonical text of a key: numbers and binaries are already canonical after validation. */
  private encode(item: Item): string {
    return JSON.stringify(this.keyAttributes().map((a) => keyValue(item[a.name], a.type)));
  }

  private checkKeyPiece(item: Item, attr: KeyAttribute, isHash: boolean): DynamoDbError | undefined {
    const v = keyValue(item[attr.name], attr.type)!;
    // Empty strings became legal for non-key attributes in 2020; key attributes still refuse them.
    if ((attr.type === "S" || attr.type === "B") && v === "") {
      return {
        type: "ValidationException",
        message: `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${attr.type === "S" ? "string" : "binary"} value. Key: ${attr.name}`,
      };
    }
    const bytes = keyBytes(item[attr.name]!);
    if (isHash && bytes > MAX_HASH_KEY_BYTES) {
      return { type: "ValidationException", message: "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes" };
    }
    if (!isHash && bytes > MAX_RANGE_KEY_BYTES) {
      return {
        type: "ValidationException",
        message: "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes",
      };
    }
    return undefined;
  }

  /**
   * A `Key` parameter (GetItem, UpdateItem, DeleteItem): exactly the key attributes with the
   * schema's types, else "The provided key element does not match the schema" (dynalite
   * db/index.js `validateKey`, AWS's wording).
   */
  checkKey(raw: unknown): Outcome<Item> {
    const checked = checkItem(raw, "Key");
    if (!checked.ok) return checked;
    const attrs = this.keyAttributes();
    if (Object.keys(checked.item).length !== attrs.length) return validationError("The provided key element does not match the schema");
    for (const [i, attr] of attrs.entries()) {
      if (keyValue(checked.item[attr.name], attr.type) === undefined) return validationError("The provided key element does not match the schema");
      const err = this.checkKeyPiece(checked.item, attr, i === 0);
      if (err) return { ok: false, error: err };
    }
    return { ok: true, output: checked.item };
  }

  /** A whole item (PutItem): it must carry every key attribute with the schema's type. */
  checkItemKey(item: Item): DynamoDbError | undefined {
    for (const [i, attr] of this.keyAttributes().entries()) {
      const value = item[attr.name];
      if (!value) return { type: "ValidationException", message: `One or more parameter values were invalid: Missing the key ${attr.name} in the item` };
      if (!(attr.type in value)) {
        return {
          type: "ValidationException",
          message: `One or more parameter values were invalid: Type mismatch for key ${attr.name} expected: ${attr.type} actual: ${Object.keys(value)[0]}`,
        };
      }
      const err = this.checkKeyPiece(item, attr, i === 0);
      if (err) return err;
    }
    return undefined;
  }

  get(key: Item): Item | undefined {
    return this.items.get(this.encode(key))?.item;
  }

  /** Stores an item; `size` is its itemSize when the caller already computed it. */
  put(item: Item, size = itemSize(item)): void {
    const k = this.encode(item);
    const previous = this.items.get(k);
    if (previous) this.heldBytes -= previous.size;
    this.items.set(k, { item, size });
    this.heldBytes += size;
  }

  delete(key: Item): void {
    const k = this.encode(key);
    const previous = this.items.get(k);
    if (previous) this.heldBytes -= previous.size;
    this.items.delete(k);
  }

  /** Bytes held by items and by the stream's retained records. */
  storedBytes(now: number): number {
    return this.heldBytes + (this.stream?.retainedBytes(now) ?? 0);
  }

  get itemCount(): number {
    return this.items.size;
  }

  /** Items in key order (hash key, then range key): how the trace lists them. Read-only views. */
  sortedItems(): Item[] {
    const attrs = this.keyAttributes();
    return [...this.items.values()]
      .map((entry) => entry.item)
      .sort((a, b) => {
        for (const attr of attrs) {
          const c = compareScalars(a[attr.name]!, b[attr.name]!) ?? 0;
          if (c !== 0) return c;
        }
        return 0;
      });
  }
}
