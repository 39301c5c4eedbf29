import type { Item } from "./attribute-value";
import { createTable, type CreateTableOutput } from "./create-table";
import { deleteItem, type DeleteItemOutput } from "./delete-item";
import { fail, type Outcome } from "./errors";
import { getItem, type GetItemOutput } from "./get-item";
import { asRecord } from "./item-request";
import { putItem, type PutItemOutput } from "./put-item";
import type { DynamoDbServiceOptions, DynamoDbState } from "./state";
import type { DynamoDbStreamRecord, TableStream } from "./stream";
import type { Table } from "./table";
import { updateItem, type UpdateItemOutput } from "./update-item";

/** A table in the trace: its items in key order, and what is still in its stream. */
export interface TableSnapshot {
  items: Item[];
  stream?: {
    arn: string;
    viewType: string;
    shards: { ShardId: string; records: Array<Record<string, unknown>> }[];
  };
}

/**
 * The simulated DynamoDB of one scenario run: tables, items and streams on virtual time.
 * Every operation takes the AWS input as the API/SDK takes it and the virtual time `now` (ms),
 * and returns `{ ok: true, output }` or `{ ok: false, error: { type, message } }` — user
 * mistakes never throw.
 */
export class DynamoDbService {
  private readonly state: DynamoDbState;

  constructor(options: DynamoDbServiceOptions) {
    this.state = { options, tables: new Map() };
  }

  createTable(input: unknown, now: number): Outcome<CreateTableOutput> {
    return createTable(this.state, input, now);
  }

  describeTable(input: unknown, _now: number): Outcome<{ Table: Record<string, unknown> }> {
    const name = asRecord(input).TableName;
    const table = typeof name === "string" ? this.state.tables.get(name) : undefined;
    if (!table) return fail("ResourceNotFoundException", `Requested resource not found: Table: ${String(name)} not found`);
    return { ok: true, output: { Table: { ...structuredClone(table.description), ItemCount: table.itemCount } } };
  }

  putItem(input: unknown, now: number): Outcome<PutItemOutput> {
    return putItem(this.state, input, now);
  }

  getItem(input: unknown, now: number): Outcome<GetItemOutput> {
    return getItem(this.state, input, now);
  }

  updateItem(input: unknown, now: number): Outcome<UpdateItemOutput> {
    return updateItem(this.state, input, now);
  }

  deleteItem(input: unknown, now: number): Outcome<DeleteItemOutput> {
    return deleteItem(this.state, input, now);
  }

  /** Dispatch by AWS operation name, for scenario steps and the SDK stand-ins (`SdkCall.command`). */
  call(operation: string, input: unknown, now: number): Outcome<unknown> {
    switch (operation) {
      case "CreateTable":
        return this.createTable(input, now);
      case "DescribeTable":
        return this.describeTable(input, now);
      case "PutItem":
        return this.putItem(input, now);
      case "GetItem":
        return this.getItem(input, now);
      case "UpdateItem":
        return this.updateItem(input, now);
      case "DeleteItem":
        return this.deleteItem(input, now);
      default:
        return fail("UnknownOperationException", `The engine's DynamoDB does not model the operation ${operation}`);
    }
  }

  table(name: string): Table | undefined {
    return this.state.tables.get(name);
  }

  /** What is still retained in a table's stream (oldest first); empty when the table has no stream. */
  streamRecords(tableName: string, now: number): readonly DynamoDbStreamRecord[] {
    return this.state.tables.get(tableName)?.stream?.retained(now) ?? [];
  }

  /** The stream with that ARN (`LatestStreamArn`), for event source mappings; undefined = "Stream not found". */
  streamSource(streamArn: string): TableStream | undefined {
    for (const table of this.state.tables.values()) if (table.stream?.streamArn === streamArn) return table.stream;
    return undefined;
  }

  /** The trace's `tables`: every table by name (sorted), items in key order, retained stream records. */
  snapshot(now: number): Record<string, TableSnapshot> {
    const out: Record<string, TableSnapshot> = {};
    for (const name of [...this.state.tables.keys()].sort()) {
      const table = this.state.tables.get(name)!;
      // A JSON round trip: plain objects for the trace, detached from the live items.
      const snap: TableSnapshot = { items: JSON.parse(JSON.stringify(table.sortedItems())) as Item[] };
      if (table.stream) {
        const stream = table.stream;
        snap.stream = {
          arn: stream.streamArn,
          viewType: stream.viewType,
          shards: [
            {
              ShardId: stream.shardId,
              records: stream.retained(now).map((r) => ({
                eventID: r.event.eventID,
                eventName: r.event.eventName,
                SequenceNumber: r.sequenceNumber,
                ArrivedAt: r.arrivalMs,
                ...stream.lambdaRecord(r).dynamodb as Record<string, unknown>,
              })),
            },
          ],
        };
      }
      out[name] = snap;
    }
    return out;
  }
}
