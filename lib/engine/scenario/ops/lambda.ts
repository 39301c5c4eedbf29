import { z } from "zod";
import { bool, destinationConfig, jsonValue, num, scalarText, str, stringMap } from "./common";

const environment = z.strictObject({ Variables: z.optional(stringMap) });
const deadLetterConfig = z.strictObject({ TargetArn: z.optional(str) });
const functionRef = { FunctionName: str };
const qualified = { FunctionName: str, Qualifier: z.optional(scalarText) };

const configurationFields = {
  Runtime: z.optional(str),
  Handler: z.optional(str),
  Timeout: z.optional(num),
  MemorySize: z.optional(num),
  Environment: z.optional(environment),
  Role: z.optional(str),
  DeadLetterConfig: z.optional(deadLetterConfig),
  Description: z.optional(z.string()),
  EphemeralStorage: z.optional(z.strictObject({ Size: num })),
  Architectures: z.optional(z.array(str)),
};

const routingConfig = z.strictObject({
  AdditionalVersionWeights: z.optional(z.record(z.string(), num)),
});

const esmFields = {
  Enabled: z.optional(bool),
  BatchSize: z.optional(num),
  MaximumBatchingWindowInSeconds: z.optional(num),
  FunctionResponseTypes: z.optional(z.array(str)),
  MaximumRetryAttempts: z.optional(num),
  MaximumRecordAgeInSeconds: z.optional(num),
  BisectBatchOnFunctionError: z.optional(bool),
  ParallelizationFactor: z.optional(num),
  TumblingWindowInSeconds: z.optional(num),
  DestinationConfig: z.optional(destinationConfig),
  ScalingConfig: z.optional(z.strictObject({ MaximumConcurrency: z.optional(num) })),
};

/** Lambda operations (docs/scenario-format.md "Operations"). */
export const lambdaOperations = {
  CreateFunction: z.strictObject({
    FunctionName: str,
    Code: z.strictObject({ ZipFile: str }),
    Publish: z.optional(bool),
    Tags: z.optional(stringMap),
    ...configurationFields,
  }),
  UpdateFunctionCode: z.strictObject({ ...functionRef, ZipFile: str, Publish: z.optional(bool), RevisionId: z.optional(str) }),
  UpdateFunctionConfiguration: z.strictObject({ ...functionRef, RevisionId: z.optional(str), ...configurationFields }),
  DeleteFunction: z.strictObject(qualified),
  GetFunction: z.strictObject(qualified),
  GetFunctionConfiguration: z.strictObject(qualified),
  PublishVersion: z.strictObject({ ...functionRef, Description: z.optional(z.string()), CodeSha256: z.optional(str), RevisionId: z.optional(str) }),
  ListVersionsByFunction: z.strictObject(functionRef),
  CreateAlias: z.strictObject({
    ...functionRef,
    Name: str,
    FunctionVersion: scalarText,
    Description: z.optional(z.string()),
    RoutingConfig: z.optional(routingConfig),
  }),
  UpdateAlias: z.strictObject({
    ...functionRef,
    Name: str,
    FunctionVersion: z.optional(scalarText),
    Description: z.optional(z.string()),
    RoutingConfig: z.optional(routingConfig),
    RevisionId: z.optional(str),
  }),
  DeleteAlias: z.strictObject({ ...functionRef, Name: str }),
  GetAlias: z.strictObject({ ...functionRef, Name: str }),
  ListAliases: z.strictObject({ ...functionRef, FunctionVersion: z.optional(scalarText) }),
  PutFunctionConcurrency: z.strictObject({ ...functionRef, ReservedConcurrentExecutions: num }),
  DeleteFunctionConcurrency: z.strictObject(functionRef),
  GetFunctionConcurrency: z.strictObject(functionRef),
  PutProvisionedConcurrencyConfig: z.strictObject({ ...functionRef, Qualifier: scalarText, ProvisionedConcurrentExecutions: num }),
  DeleteProvisionedConcurrencyConfig: z.strictObject({ ...functionRef, Qualifier: scalarText }),
  GetProvisionedConcurrencyConfig: z.strictObject({ ...functionRef, Qualifier: scalarText }),
  PutFunctionEventInvokeConfig: z.strictObject({
    ...qualified,
    MaximumRetryAttempts: z.optional(num),
    MaximumEventAgeInSeconds: z.optional(num),
    DestinationConfig: z.optional(destinationConfig),
  }),
  UpdateFunctionEventInvokeConfig: z.strictObject({
    ...qualified,
    MaximumRetryAttempts: z.optional(num),
    MaximumEventAgeInSeconds: z.optional(num),
    DestinationConfig: z.optional(destinationConfig),
  }),
  DeleteFunctionEventInvokeConfig: z.strictObject(qualified),
  GetFunctionEventInvokeConfig: z.strictObject(qualified),
  CreateEventSourceMapping: z.strictObject({
    ...functionRef,
    EventSourceArn: str,
    StartingPosition: z.optional(str),
    StartingPositionTimestamp: z.optional(num),
    ...esmFields,
  }),
  UpdateEventSourceMapping: z.strictObject({ UUID: str, FunctionName: z.optional(str), ...esmFields }),
  DeleteEventSourceMapping: z.strictObject({ UUID: str }),
  GetEventSourceMapping: z.strictObject({ UUID: str }),
  ListEventSourceMappings: z.strictObject({ FunctionName: z.optional(str), EventSourceArn: z.optional(str) }),
  Invoke: z.strictObject({
    ...qualified,
    InvocationType: z.optional(z.enum(["RequestResponse", "Event", "DryRun"])),
    LogType: z.optional(z.enum(["None", "Tail"])),
    ClientContext: z.optional(str),
    Payload: z.optional(jsonValue),
  }),
  GetAccountSettings: z.strictObject({}),
  PutFunctionRecursionConfig: z.strictObject({ ...functionRef, RecursiveLoop: z.enum(["Allow", "Terminate"]) }),
  GetFunctionRecursionConfig: z.strictObject(functionRef),
} as const;
