import type { ExecutionEnvironment } from "./invocation/execution-environment";

/**
 * Lambda's resources as the API sees them (docs/lambda-semantics.md §4). `$LATEST` is the one
 * mutable version; `PublishVersion` snapshots its code and version-specific configuration
 * (env vars, handler, runtime, memory, timeout, role, DLQ) into an immutable numbered version.
 */
export interface VersionConfig {
  runtime: string;
  handler: string;
  /** Seconds (AWS: default 3, max 900). */
  timeout: number;
  memorySize: number;
  environment: Record<string, string>;
  role: string;
  /** DeadLetterConfig.TargetArn — version-locked, unlike destinations. */
  deadLetterTargetArn?: string;
  description: string;
  code: string;
  codeSha256: string;
  codeSize: number;
  ephemeralStorageMb: number;
  architectures: string[];
  lastModified: string;
  revisionId: string;
  /** Bumped by every change to $LATEST's code or configuration (publish "nothing changed" check, environment retirement). */
  internalRevision: number;
}

export interface FunctionVersion {
  /** "$LATEST" or "1", "2", … */
  version: string;
  /** Qualified ARN `…:function:name:version`. */
  arn: string;
  config: VersionConfig;
}

export interface AliasRouting {
  version: string;
  weight: number;
}

export interface Alias {
  name: string;
  arn: string;
  functionVersion: string;
  description: string;
  routing?: AliasRouting;
  revisionId: string;
}

/** PutFunctionEventInvokeConfig, stored per qualifier ($LATEST, version or alias). */
export interface EventInvokeConfig {
  qualifier: string;
  maximumRetryAttempts?: number;
  maximumEventAgeInSeconds?: number;
  onSuccess?: string;
  onFailure?: string;
  lastModified: string;
}

export type ProvisionedStatus = "IN_PROGRESS" | "READY" | "FAILED";

export interface ProvisionedConcurrencyConfig {
  /** The alias or version the config was put on. */
  qualifier: string;
  /** The published version whose environments are provisioned. */
  version: string;
  requested: number;
  status: ProvisionedStatus;
  statusReason?: string;
  lastModified: string;
  environments: ExecutionEnvironment[];
}

export interface FunctionFaults {
  /** DuplicateDelivery: the next N async events are delivered twice. */
  duplicateDeliveries: number;
  /** CrashEnvironment: the next N invocations crash their environment. */
  crashes: number;
}

export interface LambdaFunction {
  name: string;
  /** Unqualified ARN. */
  arn: string;
  latest: FunctionVersion;
  /** Published versions by number (as text), in publish order. */
  versions: Map<string, FunctionVersion>;
  nextVersion: number;
  /** internalRevision of $LATEST when the last version was published. */
  lastPublishedRevision: number | null;
  aliases: Map<string, Alias>;
  reservedConcurrency: number | null;
  eventInvokeConfigs: Map<string, EventInvokeConfig>;
  provisioned: Map<string, ProvisionedConcurrencyConfig>;
  tags: Record<string, string>;
  faults: FunctionFaults;
  /** On-demand environments currently running an invocation (Init included). */
  busyOnDemand: number;
  /** Provisioned environments allocated (busy or idle): they hold concurrency all the time. */
  provisionedEnvironments: number;
  /** Creation times of recent on-demand environments, for the 1,000-per-10-s scaling rate. */
  recentEnvironmentStarts: number[];
  deleted: boolean;
  /** §5 recursive loop detection: Terminate (default) or Allow (PutFunctionRecursionConfig). */
  recursiveLoop: "Terminate" | "Allow";
  /** §6: State is Pending until this time (the creation instant), then Active. */
  activeAt: number;
}
