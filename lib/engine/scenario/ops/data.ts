import { z } from "zod";
import { jsonValue, num, scalarText, str } from "./common";

/**
 * DynamoDB and Kinesis inputs. The item/expression semantics belong to the simulated stores
 * (services/dynamodb, services/kinesis); here only the request envelope is checked.
 */
const attributeMap = z.record(z.string(), jsonValue);
const expressionFields = {
  ConditionExpression: z.optional(str),
  ExpressionAttributeNames: z.optional(z.record(z.string(), str)),
  ExpressionAttributeValues: z.optional(attributeMap),
  ReturnValues: z.optional(str),
  ReturnValuesOnConditionCheckFailure: z.optional(str),
};

export const dynamoDbOperations = {
  CreateTable: z.strictObject({
    TableName: str,
    KeySchema: z.array(z.strictObject({ AttributeName: str, KeyType: z.enum(["HASH", "RANGE"]) })),
    AttributeDefinitions: z.array(z.strictObject({ AttributeName: str, AttributeType: z.enum(["S", "N", "B"]) })),
    BillingMode: z.optional(z.enum(["PROVISIONED", "PAY_PER_REQUEST"])),
    ProvisionedThroughput: z.optional(z.strictObject({ ReadCapacityUnits: num, WriteCapacityUnits: num })),
    StreamSpecification: z.optional(
      z.strictObject({
        StreamEnabled: z.boolean(),
        StreamViewType: z.optional(z.enum(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"])),
      }),
    ),
  }),
  PutItem: z.strictObject({ TableName: str, Item: attributeMap, ...expressionFields }),
  UpdateItem: z.strictObject({ TableName: str, Key: attributeMap, UpdateExpression: z.optional(str), ...expressionFields }),
  DeleteItem: z.strictObject({ TableName: str, Key: attributeMap, ...expressionFields }),
  GetItem: z.strictObject({
    TableName: str,
    Key: attributeMap,
    ConsistentRead: z.optional(z.boolean()),
    ProjectionExpression: z.optional(str),
    ExpressionAttributeNames: z.optional(z.record(z.string(), str)),
  }),
} as const;

const streamRef = { StreamName: z.optional(str), StreamARN: z.optional(str) };
const record = { Data: jsonValue, PartitionKey: scalarText, ExplicitHashKey: z.optional(scalarText) };

export const kinesisOperations = {
  CreateStream: z.strictObject({
    StreamName: str,
    ShardCount: z.optional(num),
    StreamModeDetails: z.optional(z.strictObject({ StreamMode: z.enum(["PROVISIONED", "ON_DEMAND"]) })),
  }),
  PutRecord: z.strictObject({ ...streamRef, ...record, SequenceNumberForOrdering: z.optional(scalarText) }),
  PutRecords: z.strictObject({ ...streamRef, Records: z.array(z.strictObject(record)) }),
} as const;
