/**
 * The trace: what happened in a scenario run, exactly as docs/scenario-format.md describes it.
 * Engine records use camelCase; AWS payloads inside them keep AWS's own casing. Fields may be
 * added, never renamed or dropped.
 */

export type Trigger = "sync" | "async" | "sqs" | "kinesis" | "dynamodb" | "sns" | "destination" | "handler";
export type InvocationStatus = "success" | "error" | "timeout" | "crash";

export interface StepRecord {
  id: string;
  op: string;
  at: number;
  /** When the response arrived (synchronous Invoke: when the handler finished). */
  completedAt?: number;
  response?: unknown;
  /** `reference`: the step's input named an earlier step's answer that could not be had (scenario step references). */
  error?: { type: string; message: string; reason?: string; reference?: string };
  /** The run stopped (`until`) before this call returned. */
  pending?: true;
}

export interface InvocationRecord {
  requestId: string;
  function: string;
  invokedArn: string;
  executedVersion: string;
  trigger: Trigger;
  /** The step that set this invocation in motion (for retries and fan-out: the original step). */
  step: string | null;
  attempt: number;
  environmentId: string;
  coldStart: boolean;
  initMs: number;
  start: number;
  end: number | null;
  status: InvocationStatus | "running";
  errorType?: string;
  errorMessage?: string;
  response: unknown;
  event: unknown;
}

export interface ThrottleRecord {
  at: number;
  function: string;
  trigger: Trigger;
  reason: string;
  step: string | null;
}

export type ReclaimReason = "idle" | "retired" | "deleted" | "provisioning-removed";

export interface EnvironmentRecord {
  id: string;
  function: string;
  version: string;
  provisioned: boolean;
  createdAt: number;
  readyAt: number | null;
  reclaimedAt: number | null;
  reclaimReason: ReclaimReason | null;
  resets: number;
  invocations: number;
  logStream: string;
}

export interface QueueMessageRecord {
  MessageId: string;
  Body: unknown;
  SentAt: number;
  ReceiveCount: number;
  MessageAttributes?: Record<string, unknown>;
  MessageGroupId?: string;
}

export interface QueueRecord {
  arn: string;
  url: string;
  fifo: boolean;
  /** What is still in the queue at the end (visible, in flight or delayed). */
  messages: QueueMessageRecord[];
  /** How many messages were ever sent here (a dead-letter queue counts the messages moved in). */
  sent: number;
  /** Messages deleted by a consumer (DeleteMessage, Lambda after a success) or dropped by Lambda. */
  deleted: number;
  /** Messages SQS moved to the redrive dead-letter queue (not counted in `deleted`). */
  movedToDeadLetterQueue: number;
  /** Messages SQS deleted at the end of their retention period. sent = deleted + movedToDeadLetterQueue + expired + messages.length. */
  expired: number;
}

export type DeliveryKind = "on-success" | "on-failure" | "dlq";

export interface DeliveryRecord {
  at: number;
  function: string;
  kind: DeliveryKind;
  target: string;
  condition: string;
  requestId: string;
  record: unknown;
  /** Present when the target could not take the record (it does not exist, FIFO, …). */
  failed?: string;
}

export interface AsyncEventRecord {
  requestId: string;
  function: string;
  invokedArn: string;
  trigger: Trigger;
  step: string | null;
  enqueuedAt: number;
  /** Attempts that ran handler code (throttles do not count). */
  attempts: number;
  throttles: number;
  /** success | failure (retries exhausted / too old / zero concurrency) | pending at the end of the run. */
  outcome: "success" | "failure" | "pending";
  condition: string | null;
  endedAt: number | null;
  /** A second copy of an event delivered through the DuplicateDelivery fault. */
  duplicate?: true;
}

export interface LogRecord {
  at: number;
  function: string;
  stream: string;
  line: string;
}

export interface FunctionRecord {
  versions: string[];
  aliases: Record<string, { FunctionVersion: string; RoutingConfig?: { AdditionalVersionWeights: Record<string, number> } }>;
  provisionedConcurrency: Record<string, { Requested: number; Allocated: number; Status: string; StatusReason?: string }>;
  reservedConcurrency: number | null;
  deleted?: true;
}

export interface TimelineEntry {
  at: number;
  kind: string;
  ref: string;
}

export interface Trace {
  name: string | null;
  seed: number;
  region: string;
  accountId: string;
  endedAt: number;
  steps: StepRecord[];
  invocations: InvocationRecord[];
  throttles: ThrottleRecord[];
  environments: EnvironmentRecord[];
  queues: Record<string, QueueRecord>;
  deliveries: DeliveryRecord[];
  asyncEvents: AsyncEventRecord[];
  streams: Record<string, unknown>;
  topics: Record<string, unknown>;
  buses: Record<string, unknown>;
  tables: Record<string, unknown>;
  logs: LogRecord[];
  functions: Record<string, FunctionRecord>;
  eventSourceMappings: unknown[];
  timeline: TimelineEntry[];
  /** Present when a safety cap stopped the run early. */
  truncated?: { reason: string; at: number };
}
