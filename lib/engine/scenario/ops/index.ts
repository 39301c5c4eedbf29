import type { z } from "zod";
import { dynamoDbOperations, kinesisOperations } from "./data";
import { lambdaOperations } from "./lambda";
import { eventBridgeOperations, snsOperations, sqsOperations } from "./messaging";
import { faultOperations, iamOperations } from "./platform";

/** Which AWS service an operation belongs to (the SDK stand-ins may only call their own service's). */
export type ServiceName = "lambda" | "sqs" | "sns" | "dynamodb" | "kinesis" | "eventbridge" | "iam" | "fault";

const families = {
  lambda: lambdaOperations,
  sqs: sqsOperations,
  sns: snsOperations,
  eventbridge: eventBridgeOperations,
  dynamodb: dynamoDbOperations,
  kinesis: kinesisOperations,
  iam: iamOperations,
  fault: faultOperations,
} as const;

type Families = typeof families;
type AllOps = { [S in keyof Families]: Families[S] }[keyof Families];
type Merge<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type OperationSchemas = Merge<AllOps>;
export type OperationName = keyof OperationSchemas & string;
/** The validated input of an operation, after zod transforms (scalars → text where AWS wants text). */
export type OperationInput<N extends OperationName> = z.output<OperationSchemas[N] & z.ZodType>;

export const operationSchemas: Record<string, z.ZodType> = {};
export const operationService: Record<string, ServiceName> = {};
for (const [service, ops] of Object.entries(families) as [ServiceName, Record<string, z.ZodType>][]) {
  for (const [name, schema] of Object.entries(ops)) {
    operationSchemas[name] = schema;
    operationService[name] = service;
  }
}

export const operationNames: readonly string[] = Object.keys(operationSchemas).sort();

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operationSchemas, name);
}
