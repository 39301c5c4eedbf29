import { DEFAULT_MAX_STORED_BYTES, storageLimitMessage, type StreamRecordAppended } from "../kinesis/shard-log";
import { itemSize, itemsEqual, type Item } from "./attribute-value";
import { fail, type DynamoDbError, type Outcome } from "./errors";
import type { Table } from "./table";

export interface DynamoDbServiceOptions {
  region: string;
  accountId: string;
  /** Wall-clock epoch (ms) that virtual time 0 stands for: ARNs, CreationDateTime, stream timestamps. */
  epochMs: number;
  /** Seeded random in [0, 1): TableId and stream shard ids. Never Math.random. */
  random: () => number;
  /** Called after every stream record is appended (to wake event source mapping pollers). */
  onStreamRecord?: (event: StreamRecordAppended) => void;
  /** Engine memory cap for items + retained stream records (default 64 MiB). */
  maxStoredBytes?: number;
}

/** What every operation module works on: the options and the tables by name. */
export interface DynamoDbState {
  readonly options: DynamoDbServiceOptions;
  readonly tables: Map<string, Table>;
}

/** DynamoDB's item size limit (400 KB). */
export const MAX_ITEM_BYTES = 400 * 1024;

export function findTable(state: DynamoDbState, name: unknown): Outcome<Table> {
  if (typeof name !== "string" || name === "") {
    return fail("ValidationException", "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  }
  const table = state.tables.get(name);
  // Item operations on a missing table answer "Requested resource not found" (no table name).
  return table ? { ok: true, output: table } : fail("ResourceNotFoundException", "Requested resource not found");
}

/**
 * Stores the result of a successful write and appends its stream record. DynamoDB Streams writes
 * no record when the write changed nothing: "If you perform a PutItem or UpdateItem operation that
 * does not change any data in an item, then DynamoDB Streams will not write a stream record for
 * that operation" (DynamoDB Developer Guide, Streams); a DeleteItem of a missing item changes
 * nothing either.
 */
export function commitWrite(
  state: DynamoDbState,
  table: Table,
  key: Item,
  oldItem: Item | undefined,
  newItem: Item | undefined,
  now: number,
): { ok: false; error: DynamoDbError } | undefined {
  if (newItem) {
    const cap = state.options.maxStoredBytes ?? DEFAULT_MAX_STORED_BYTES;
    const newSize = itemSize(newItem);
    const oldSize = oldItem ? itemSize(oldItem) : 0;
    // Worst case: the item grows and its stream record carries both images.
    const growth = newSize - oldSize + (table.stream ? newSize + oldSize : 0);
    let held = 0;
    for (const t of state.tables.values()) held += t.storedBytes(now);
    if (growth > 0 && held + growth > cap) return fail("LimitExceededException", storageLimitMessage("DynamoDB", cap));
    table.put(newItem, newSize);
  }
  else table.delete(key);
  const changed = oldItem && newItem ? !itemsEqual(oldItem, newItem) : oldItem !== newItem;
  if (changed && table.stream) table.stream.append(key, oldItem, newItem, now);
  return undefined;
}

export function randomUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
