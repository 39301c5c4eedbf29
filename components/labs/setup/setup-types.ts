/**
 * What describeSetup (describe-setup.ts) returns: the setup of a lab as cards, arrows and rows.
 * Plain data, so the server renders it and tests compare it.
 */
import type { ResourceRef } from "../format";

export interface Setting {
  label: string;
  value: string;
  /** False when the lab changed the engine's default. */
  isDefault: boolean;
}

export interface CodeRevision {
  rev: number;
  source: string;
  /** When this code arrived (virtual ms) and by which operation. */
  since: number;
  sinceOp: string;
  /** "version 1", … — the published versions that froze this code. */
  usedBy: string[];
  /**
   * When this code stopped being $LATEST's (the next UpdateFunctionCode); absent while it still
   * is at the end. Equal to `since` when it was replaced at once and never ran on $LATEST.
   */
  latestUntil?: number;
}

export interface FunctionVersion {
  version: string;
  codeRev: number;
  publishedAt: number;
  description?: string;
  /** The configuration the version froze (versions are immutable snapshots). */
  timeoutSeconds: number;
  memoryMb: number;
  environment: Array<[string, string]>;
  deletedAt?: number;
}

export interface AliasInfo {
  name: string;
  version: string;
  /** Extra versions and the share of traffic they get (the rest goes to `version`). */
  weights: Array<{ version: string; weight: number }>;
}

export interface AsyncConfig {
  /** The qualifier the config belongs to ("$LATEST" when none was given). */
  qualifier: string;
  maximumRetryAttempts: number;
  retriesIsDefault: boolean;
  maximumEventAgeSeconds: number;
  ageIsDefault: boolean;
  onSuccess?: ResourceRef;
  onFailure?: ResourceRef;
}

export interface Change {
  at: number;
  stepId: string;
  op: string;
  summary: string;
}

export interface FunctionCard {
  name: string;
  createdAt: number;
  runtime: string;
  handler: string;
  timeoutSeconds: number;
  timeoutIsDefault: boolean;
  memoryMb: number;
  memoryIsDefault: boolean;
  /** null: the engine's default role, which allows every action (docs/scenario-format.md "IAM"). */
  role: ResourceRef | null;
  description?: string;
  environment: Array<[string, string]>;
  reservedConcurrency: number | null;
  provisioned: Array<{ qualifier: string; count: number }>;
  asyncConfigs: AsyncConfig[];
  dlq?: ResourceRef;
  versions: FunctionVersion[];
  aliases: AliasInfo[];
  code: CodeRevision[];
  /** Fault injections aimed at this function (InjectFault). */
  faults: string[];
  /** Configuration changes made during the run (after the setup). */
  changes: Change[];
}

export interface QueueCard {
  name: string;
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  visibilityIsDefault: boolean;
  attributes: Array<[string, string]>;
  redrive?: { target: ResourceRef; maxReceiveCount: number };
}

export interface TopicCard {
  name: string;
}

export interface StreamCard {
  name: string;
  shards: number;
}

export interface TableCard {
  name: string;
  keys: string[];
  stream?: string;
  /** Items written during the setup (PutItem before the first call). */
  items: unknown[];
}

export interface RoleCard {
  name: string;
  allow: string[];
}

export type WireKind = "mapping" | "subscription" | "on-success" | "on-failure" | "dlq" | "redrive" | "mapping-on-failure";

/** An arrow from one resource to another: how events flow. */
export interface Wire {
  kind: WireKind;
  from: ResourceRef;
  to: ResourceRef;
  label: string;
  details: string[];
  since: number;
}

export interface CallRow {
  stepId: string;
  at: number;
  op: string;
  repeat?: { times: number; everyMs: number };
  /** The resource the call goes to, when it has one. */
  target?: ResourceRef;
  params: Array<{ label: string; value: string }>;
}

export interface SetupDescription {
  functions: FunctionCard[];
  queues: QueueCard[];
  topics: TopicCard[];
  streams: StreamCard[];
  tables: TableCard[];
  buses: string[];
  roles: RoleCard[];
  wiring: Wire[];
  calls: CallRow[];
  settings: Setting[];
  /** Fault injections not aimed at one function. */
  faults: string[];
  /** The run is cut here (ms), when the scenario says so. */
  until?: number;
}
