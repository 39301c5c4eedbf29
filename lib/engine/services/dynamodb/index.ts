/** Simulated DynamoDB (with DynamoDB Streams) for the Lambda engine. See ../README-streams.md. */
export { DynamoDbService, type TableSnapshot } from "./service";
export type { DynamoDbServiceOptions } from "./state";
export type { DynamoDbError, Outcome } from "./errors";
export type { AttributeValue, Item } from "./attribute-value";
export type { CreateTableOutput } from "./create-table";
export type { PutItemOutput } from "./put-item";
export type { GetItemOutput } from "./get-item";
export type { UpdateItemOutput } from "./update-item";
export type { DeleteItemOutput } from "./delete-item";
export { TableStream, type DynamoDbStreamEvent, type DynamoDbStreamRecord, type StreamViewType } from "./stream";
