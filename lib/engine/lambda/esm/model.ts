/** An event source mapping (§3) — the Lambda-side poller's configuration. */
export type EventSourceType = "sqs" | "kinesis" | "dynamodb";

export type EsmState = "Creating" | "Enabled" | "Disabled" | "Enabling" | "Disabling" | "Updating" | "Deleting";

export interface EventSourceMapping {
  uuid: string;
  arn: string;
  eventSourceArn: string;
  sourceType: EventSourceType;
  /** As AWS records it: qualified for a version or alias, unqualified otherwise (`:$LATEST` is dropped). */
  functionArn: string;
  functionName: string;
  qualifier?: string;
  state: EsmState;
  stateTransitionReason: string;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  functionResponseTypes: string[];
  /** Streams only. */
  startingPosition?: string;
  startingPositionTimestamp?: number;
  maximumRetryAttempts?: number;
  maximumRecordAgeInSeconds?: number;
  bisectBatchOnFunctionError?: boolean;
  parallelizationFactor?: number;
  tumblingWindowInSeconds?: number;
  onFailureDestination?: string;
  maximumConcurrency?: number;
  lastModified: number;
  lastProcessingResult?: string;
  createdAt: number;
}
