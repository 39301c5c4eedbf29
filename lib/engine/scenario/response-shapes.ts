/**
 * What each operation answers, as far as a step reference (`{ $ref: "<step>.response.<path>" }`,
 * see references.ts) may point into it: field names as the engine's responses carry them, so a
 * misspelt reference is refused when the scenario is checked, with its line and column. A field
 * listed here may still be absent from one particular answer (`FunctionError` of a successful
 * Invoke); that is found when the step runs.
 *
 * - `"value"`: a scalar (text, number, boolean, null);
 * - `"any"`: a JSON value whose inside depends on the data (a Payload, an Item, a map of
 *   environment variables): any path below it is accepted;
 * - `{ … }`: an object with these fields; `[shape]`: a list of such elements.
 *
 * conformance.test.ts checks every response of every conformance case against this table, so a
 * field the engine starts returning cannot go unlisted.
 */
export type ResponseShape = "value" | "any" | { readonly [field: string]: ResponseShape } | readonly [ResponseShape];

const V = "value" as const;
const ANY = "any" as const;

const destinationConfig = { OnSuccess: { Destination: V }, OnFailure: { Destination: V } };

const functionConfiguration = {
  FunctionName: V,
  FunctionArn: V,
  Runtime: V,
  Role: V,
  Handler: V,
  CodeSize: V,
  Description: V,
  Timeout: V,
  MemorySize: V,
  LastModified: V,
  CodeSha256: V,
  Version: V,
  Environment: { Variables: ANY },
  DeadLetterConfig: { TargetArn: V },
  TracingConfig: { Mode: V },
  RevisionId: V,
  State: V,
  StateReason: V,
  StateReasonCode: V,
  LastUpdateStatus: V,
  LastUpdateStatusReason: V,
  LastUpdateStatusReasonCode: V,
  PackageType: V,
  Architectures: [V],
  EphemeralStorage: { Size: V },
  SnapStart: { ApplyOn: V, OptimizationStatus: V },
  RuntimeVersionConfig: { RuntimeVersionArn: V },
  LoggingConfig: { LogFormat: V, LogGroup: V },
} as const;

const alias = { AliasArn: V, Name: V, FunctionVersion: V, Description: V, RevisionId: V, RoutingConfig: { AdditionalVersionWeights: ANY } } as const;

const eventSourceMapping = {
  UUID: V,
  BatchSize: V,
  MaximumBatchingWindowInSeconds: V,
  EventSourceArn: V,
  FunctionArn: V,
  LastModified: V,
  State: V,
  StateTransitionReason: V,
  FunctionResponseTypes: [V],
  EventSourceMappingArn: V,
  StartingPosition: V,
  StartingPositionTimestamp: V,
  ParallelizationFactor: V,
  DestinationConfig: destinationConfig,
  MaximumRecordAgeInSeconds: V,
  BisectBatchOnFunctionError: V,
  MaximumRetryAttempts: V,
  TumblingWindowInSeconds: V,
  LastProcessingResult: V,
  ScalingConfig: { MaximumConcurrency: V },
} as const;

const eventInvokeConfig = { FunctionArn: V, LastModified: V, MaximumRetryAttempts: V, MaximumEventAgeInSeconds: V, DestinationConfig: destinationConfig } as const;

const provisionedConcurrency = {
  RequestedProvisionedConcurrentExecutions: V,
  AvailableProvisionedConcurrentExecutions: V,
  AllocatedProvisionedConcurrentExecutions: V,
  Status: V,
  StatusReason: V,
  LastModified: V,
} as const;

const tableDescription = {
  TableName: V,
  TableArn: V,
  TableId: V,
  TableStatus: V,
  CreationDateTime: V,
  ItemCount: V,
  TableSizeBytes: V,
  DeletionProtectionEnabled: V,
  AttributeDefinitions: [{ AttributeName: V, AttributeType: V }],
  KeySchema: [{ AttributeName: V, KeyType: V }],
  BillingModeSummary: { BillingMode: V, LastUpdateToPayPerRequestDateTime: V },
  ProvisionedThroughput: { NumberOfDecreasesToday: V, ReadCapacityUnits: V, WriteCapacityUnits: V },
  StreamSpecification: { StreamEnabled: V, StreamViewType: V },
  LatestStreamArn: V,
  LatestStreamLabel: V,
} as const;

const EMPTY = {} as const;

export const RESPONSE_SHAPES: Readonly<Record<string, ResponseShape>> = {
  // Lambda: functions and versions
  CreateFunction: functionConfiguration,
  UpdateFunctionCode: functionConfiguration,
  UpdateFunctionConfiguration: functionConfiguration,
  GetFunctionConfiguration: functionConfiguration,
  PublishVersion: functionConfiguration,
  GetFunction: { Configuration: functionConfiguration, Code: { RepositoryType: V, Location: V }, Tags: ANY, Concurrency: { ReservedConcurrentExecutions: V } },
  ListVersionsByFunction: { Versions: [functionConfiguration] },
  DeleteFunction: EMPTY,
  // aliases
  CreateAlias: alias,
  UpdateAlias: alias,
  GetAlias: alias,
  ListAliases: { Aliases: [alias] },
  DeleteAlias: EMPTY,
  // concurrency
  PutFunctionConcurrency: { ReservedConcurrentExecutions: V },
  GetFunctionConcurrency: { ReservedConcurrentExecutions: V },
  DeleteFunctionConcurrency: EMPTY,
  PutProvisionedConcurrencyConfig: provisionedConcurrency,
  GetProvisionedConcurrencyConfig: provisionedConcurrency,
  DeleteProvisionedConcurrencyConfig: EMPTY,
  GetAccountSettings: {
    AccountLimit: { TotalCodeSize: V, CodeSizeUnzipped: V, CodeSizeZipped: V, ConcurrentExecutions: V, UnreservedConcurrentExecutions: V },
    AccountUsage: { TotalCodeSize: V, FunctionCount: V },
  },
  // asynchronous invocation configuration
  PutFunctionEventInvokeConfig: eventInvokeConfig,
  UpdateFunctionEventInvokeConfig: eventInvokeConfig,
  GetFunctionEventInvokeConfig: eventInvokeConfig,
  DeleteFunctionEventInvokeConfig: EMPTY,
  PutFunctionRecursionConfig: { RecursiveLoop: V },
  GetFunctionRecursionConfig: { RecursiveLoop: V },
  // event source mappings
  CreateEventSourceMapping: eventSourceMapping,
  UpdateEventSourceMapping: eventSourceMapping,
  DeleteEventSourceMapping: eventSourceMapping,
  GetEventSourceMapping: eventSourceMapping,
  ListEventSourceMappings: { EventSourceMappings: [eventSourceMapping] },
  // Invoke (Payload is whatever the handler answered)
  Invoke: { StatusCode: V, ExecutedVersion: V, FunctionError: V, LogResult: V, Payload: ANY },
  // SQS
  CreateQueue: { QueueUrl: V },
  GetQueueUrl: { QueueUrl: V },
  SendMessage: { MessageId: V, MD5OfMessageBody: V, SequenceNumber: V },
  SendMessageBatch: {
    Successful: [{ Id: V, MessageId: V, MD5OfMessageBody: V, SequenceNumber: V }],
    Failed: [{ Id: V, SenderFault: V, Code: V, Message: V }],
  },
  ReceiveMessage: { Messages: [{ MessageId: V, ReceiptHandle: V, MD5OfBody: V, Body: V, Attributes: ANY, MessageAttributes: ANY }] },
  DeleteMessage: EMPTY,
  GetQueueAttributes: { Attributes: ANY },
  SetQueueAttributes: EMPTY,
  // SNS
  CreateTopic: { TopicArn: V },
  Subscribe: { SubscriptionArn: V },
  Publish: { MessageId: V },
  // EventBridge
  CreateEventBus: { EventBusArn: V },
  PutEvents: { FailedEntryCount: V, Entries: [{ EventId: V, ErrorCode: V, ErrorMessage: V }] },
  // DynamoDB (items are the data's own attribute maps)
  CreateTable: { TableDescription: tableDescription },
  PutItem: { Attributes: ANY },
  UpdateItem: { Attributes: ANY },
  DeleteItem: { Attributes: ANY },
  GetItem: { Item: ANY },
  // Kinesis
  CreateStream: EMPTY,
  PutRecord: { ShardId: V, SequenceNumber: V },
  PutRecords: { FailedRecordCount: V, Records: [{ ShardId: V, SequenceNumber: V, ErrorCode: V, ErrorMessage: V }] },
  // IAM-lite and faults
  CreateRole: { Role: { Path: V, RoleName: V, RoleId: V, Arn: V, CreateDate: V } },
  PutRolePolicy: EMPTY,
  InjectFault: { Kind: V, FunctionName: V, Count: V },
};

/** What a failed step records (StepRecord.error), for `<step>.error.<field>` references. */
export const ERROR_SHAPE: ResponseShape = { type: V, message: V, reason: V };

/** Every field path a value reaches, as `a.b[].c` (for checking responses against their shape). */
export function shapeViolations(shape: ResponseShape, value: unknown, path = ""): string[] {
  if (shape === ANY) return [];
  if (value === null || value === undefined) return [];
  if (shape === V) return typeof value === "object" ? [`${path || "(response)"} is ${Array.isArray(value) ? "a list" : "an object"}, listed as a scalar`] : [];
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${path || "(response)"} is not a list`];
    return value.flatMap((v) => shapeViolations(shape[0] as ResponseShape, v, `${path}[]`));
  }
  if (typeof value !== "object" || Array.isArray(value)) return [`${path || "(response)"} is not an object`];
  const fields = shape as Record<string, ResponseShape>;
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const sub = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : undefined;
    return sub === undefined ? [`${path ? `${path}.` : ""}${k} is not listed`] : shapeViolations(sub, v, path ? `${path}.${k}` : k);
  });
}
