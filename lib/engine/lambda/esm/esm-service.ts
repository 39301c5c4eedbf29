import { parseArn } from "../../aws/arn";
import { AwsError, constraint, invalidParameter, resourceConflict } from "../../aws/errors";
import type { Simulation } from "../../simulation";
import type { EventSourceMapping, EventSourceType } from "./model";
import { pollerFactories, registerPoller, type Poller } from "./poller";
import { SqsPoller } from "./sqs-poller";
import { StreamPoller } from "./stream-poller";

registerPoller("sqs", (sim, esm) => new SqsPoller(sim, esm));
registerPoller("kinesis", (sim, esm) => new StreamPoller(sim, esm));
registerPoller("dynamodb", (sim, esm) => new StreamPoller(sim, esm));

const notFound = () => new AwsError("ResourceNotFoundException", "The resource you requested does not exist.", 404);

/** The managed policies' actions a mapping's function role must allow to read its source (§3.1, §3.2). */
const SOURCE_PERMISSIONS: Record<EventSourceType, { actions: string[]; service: string }> = {
  sqs: { actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], service: "SQS" },
  kinesis: { actions: ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListShards"], service: "Kinesis" },
  dynamodb: { actions: ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"], service: "DynamoDB" },
};

export interface EsmInput {
  FunctionName?: string;
  EventSourceArn?: string;
  Enabled?: boolean;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  FunctionResponseTypes?: string[];
  StartingPosition?: string;
  StartingPositionTimestamp?: number;
  MaximumRetryAttempts?: number;
  MaximumRecordAgeInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  ParallelizationFactor?: number;
  TumblingWindowInSeconds?: number;
  DestinationConfig?: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
  ScalingConfig?: { MaximumConcurrency?: number };
}

/**
 * The event source mapping control plane (§3): Create/Update/Delete/Get/List with AWS's
 * validation, defaults and errors, plus the running pollers (one per enabled mapping).
 * Sources call `notifySource(arn)` when data arrives.
 */
export class EsmService {
  readonly mappings = new Map<string, EventSourceMapping>();
  private readonly pollers = new Map<string, Poller>();
  private readonly bySource = new Map<string, Set<string>>();

  constructor(private readonly sim: Simulation) {}

  create(input: EsmInput & { FunctionName: string; EventSourceArn: string }): EventSourceMapping {
    const sim = this.sim;
    const sourceArn = input.EventSourceArn;
    const type = sourceType(sourceArn);
    if (!type) throw invalidParameter("Unrecognized event source.");
    const stream = type !== "sqs";
    if (stream && input.StartingPosition === undefined) {
      throw invalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
    }
    const target = this.resolveFunction(input.FunctionName);
    if (!this.sourceExists(type, sourceArn)) {
      throw invalidParameter(type === "sqs"
        ? "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it."
        : `Stream not found: ${sourceArn}`);
    }
    for (const m of this.mappings.values()) {
      if (m.eventSourceArn === sourceArn && m.functionArn === target.functionArn) {
        throw resourceConflict(type === "sqs"
          ? `An event source mapping with SQS arn (" ${sourceArn} ") and function (" ${target.name} ") already exists. Please update or delete the existing mapping with UUID ${m.uuid}`
          : `The event source arn (" ${sourceArn} ") and function (" ${target.name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${m.uuid}`);
      }
    }
    this.checkRole(type, target.role);
    if (type === "sqs") this.checkVisibility(sourceArn, target.timeout);
    const uuid = sim.ids.uuid();
    const esm: EventSourceMapping = {
      uuid,
      arn: `arn:aws:lambda:${sim.region}:${sim.accountId}:event-source-mapping:${uuid}`,
      eventSourceArn: sourceArn,
      sourceType: type,
      functionArn: target.functionArn,
      functionName: target.name,
      state: input.Enabled === false ? "Disabled" : "Enabled",
      stateTransitionReason: stream ? "User action" : "USER_INITIATED",
      batchSize: stream ? 100 : 10,
      maximumBatchingWindowInSeconds: 0,
      functionResponseTypes: [],
      lastModified: this.lastModified(),
      createdAt: sim.clock.now,
    };
    if (target.qualifier !== undefined) esm.qualifier = target.qualifier;
    if (stream) {
      esm.startingPosition = input.StartingPosition;
      esm.maximumRetryAttempts = -1;
      esm.maximumRecordAgeInSeconds = -1;
      esm.bisectBatchOnFunctionError = false;
      esm.parallelizationFactor = 1;
      esm.tumblingWindowInSeconds = 0;
      esm.lastProcessingResult = "No records processed";
    }
    this.apply(esm, input, true);
    this.mappings.set(uuid, esm);
    let set = this.bySource.get(sourceArn);
    if (!set) this.bySource.set(sourceArn, (set = new Set()));
    set.add(uuid);
    sim.recorder.timeline(sim.clock.now, "esm-created", uuid);
    if (esm.state === "Enabled") this.startPoller(esm);
    return esm;
  }

  update(uuid: string, input: EsmInput): EventSourceMapping {
    const esm = this.mappings.get(uuid);
    if (!esm) throw notFound();
    // every check runs before anything changes: a refused update leaves the mapping as it was
    const target = input.FunctionName !== undefined ? this.resolveFunction(input.FunctionName) : this.tryResolveFunction(esm.functionArn);
    if (input.FunctionName !== undefined && target && target.functionArn !== esm.functionArn) {
      for (const m of this.mappings.values()) {
        if (m !== esm && m.eventSourceArn === esm.eventSourceArn && m.functionArn === target.functionArn) {
          throw resourceConflict(`The event source arn (" ${esm.eventSourceArn} ") and function (" ${target.name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${m.uuid}`);
        }
      }
      // the new function's role reads the source from now on (§3)
      this.checkRole(esm.sourceType, target.role);
    }
    // "Lambda validates this requirement when you create or update an event source mapping"
    if (esm.sourceType === "sqs" && target) this.checkVisibility(esm.eventSourceArn, target.timeout);
    const draft: EventSourceMapping = { ...esm, functionResponseTypes: [...esm.functionResponseTypes] };
    this.apply(draft, input, false);
    Object.assign(esm, draft);
    if (input.FunctionName !== undefined && target) {
      esm.functionArn = target.functionArn;
      esm.functionName = target.name;
      if (target.qualifier !== undefined) esm.qualifier = target.qualifier;
      else delete esm.qualifier;
    }
    esm.lastModified = this.lastModified();
    if (input.Enabled !== undefined) {
      const wasEnabled = esm.state === "Enabled";
      esm.state = input.Enabled ? "Enabled" : "Disabled";
      if (input.Enabled && !wasEnabled) this.startPoller(esm);
      if (!input.Enabled && wasEnabled) this.stopPoller(esm);
    }
    this.pollers.get(uuid)?.wake();
    return esm;
  }

  delete(uuid: string): EventSourceMapping {
    const esm = this.mappings.get(uuid);
    if (!esm) throw notFound();
    this.stopPoller(esm);
    this.mappings.delete(uuid);
    this.bySource.get(esm.eventSourceArn)?.delete(uuid);
    this.sim.recorder.timeline(this.sim.clock.now, "esm-deleted", uuid);
    return esm;
  }

  get(uuid: string): EventSourceMapping {
    const esm = this.mappings.get(uuid);
    if (!esm) throw notFound();
    return esm;
  }

  /** New data at a source: wake its pollers. */
  notifySource(arn: string): void {
    const set = this.bySource.get(arn);
    if (!set) return;
    for (const uuid of set) this.pollers.get(uuid)?.wake();
  }

  /** A role's policy or a function's role changed: pollers that were refused may read again. */
  notifyPermissionsChanged(): void {
    for (const poller of this.pollers.values()) poller.wake();
  }

  /**
   * Whether the mapping's function role may still read its source (§3.1: a permission removed
   * after the mapping was created makes polling fail, not the mapping disappear [unverified]).
   * The poller records the problem and reads nothing until the role changes.
   */
  mayRead(esm: EventSourceMapping, roleArn: string): boolean {
    const { actions, service } = SOURCE_PERMISSIONS[esm.sourceType];
    const missing = actions.find((action) => !this.sim.iam.allows(roleArn, action));
    if (missing === undefined) return true;
    const problem = `PROBLEM: Lambda cannot read the ${service} source: the execution role does not have permissions to call ${missing.split(":")[1]} on ${service}`;
    if (esm.lastProcessingResult !== problem) {
      esm.lastProcessingResult = problem;
      this.sim.recorder.timeline(this.sim.clock.now, "esm-access-denied", esm.uuid);
    }
    return false;
  }

  /** The API shape of a mapping (GetEventSourceMapping). */
  describe(esm: EventSourceMapping, state = esm.state): Record<string, unknown> {
    const out: Record<string, unknown> = {
      UUID: esm.uuid,
      BatchSize: esm.batchSize,
      MaximumBatchingWindowInSeconds: esm.maximumBatchingWindowInSeconds,
      EventSourceArn: esm.eventSourceArn,
      FunctionArn: esm.functionArn,
      LastModified: esm.lastModified,
      State: state,
      StateTransitionReason: esm.stateTransitionReason,
      FunctionResponseTypes: esm.functionResponseTypes,
      EventSourceMappingArn: esm.arn,
    };
    if (esm.sourceType !== "sqs") {
      out.StartingPosition = esm.startingPosition;
      if (esm.startingPositionTimestamp !== undefined) out.StartingPositionTimestamp = esm.startingPositionTimestamp;
      out.ParallelizationFactor = esm.parallelizationFactor;
      out.DestinationConfig = { OnFailure: esm.onFailureDestination ? { Destination: esm.onFailureDestination } : {} };
      out.MaximumRecordAgeInSeconds = esm.maximumRecordAgeInSeconds;
      out.BisectBatchOnFunctionError = esm.bisectBatchOnFunctionError;
      out.MaximumRetryAttempts = esm.maximumRetryAttempts;
      out.TumblingWindowInSeconds = esm.tumblingWindowInSeconds;
      out.LastProcessingResult = esm.lastProcessingResult;
    }
    if (esm.maximumConcurrency !== undefined) out.ScalingConfig = { MaximumConcurrency: esm.maximumConcurrency };
    return out;
  }

  snapshot(): unknown[] {
    return [...this.mappings.values()].map((m) => this.describe(m));
  }

  private startPoller(esm: EventSourceMapping): void {
    let poller = this.pollers.get(esm.uuid);
    if (!poller) {
      const factory = pollerFactories[esm.sourceType];
      if (!factory) return; // no poller for this source type yet: the mapping exists but reads nothing
      poller = factory(this.sim, esm);
      this.pollers.set(esm.uuid, poller);
    }
    poller.start();
  }

  private stopPoller(esm: EventSourceMapping): void {
    this.pollers.get(esm.uuid)?.stop();
  }

  private lastModified(): number {
    return Math.floor((this.sim.epochMs + this.sim.clock.now) / 1000);
  }

  /** The mapping's function as it is now, or undefined if it was deleted (the mapping stays, §3). */
  private tryResolveFunction(functionArn: string): ReturnType<EsmService["resolveFunction"]> | undefined {
    try {
      return this.resolveFunction(functionArn);
    } catch (e) {
      if (e instanceof AwsError) return undefined;
      throw e;
    }
  }

  /** §3: the mapping may target unqualified, $LATEST, a version or an alias; `:$LATEST` is recorded unqualified. */
  private resolveFunction(functionName: string): { name: string; qualifier?: string; functionArn: string; role: string; timeout: number } {
    const store = this.sim.lambda.store;
    const p = store.parse(functionName);
    const fn = store.functions.get(p.name);
    if (!fn || fn.deleted) throw invalidParameter("Function does not exist");
    let qualifier = p.qualifier;
    if (qualifier === "$LATEST") qualifier = undefined;
    let config = fn.latest.config;
    if (qualifier !== undefined) {
      if (store.isAlias(qualifier)) {
        const alias = fn.aliases.get(qualifier);
        if (!alias) throw invalidParameter("Function does not exist");
        config = store.version(fn, alias.functionVersion)?.config ?? config;
      } else {
        const v = fn.versions.get(qualifier);
        if (!v) throw invalidParameter("Function does not exist");
        config = v.config;
      }
    }
    const out: { name: string; qualifier?: string; functionArn: string; role: string; timeout: number } = { name: fn.name, functionArn: store.arn(fn.name, qualifier), role: config.role, timeout: config.timeout };
    if (qualifier !== undefined) out.qualifier = qualifier;
    return out;
  }

  private sourceExists(type: EventSourceType, arn: string): boolean {
    if (type === "sqs") return this.sim.sqs.byArn(arn) !== undefined;
    return this.sim.streamSourceExists(type, arn);
  }

  /**
   * §3.1: the function's timeout must not exceed the queue's visibility timeout. AWS checks it
   * on CreateEventSourceMapping and UpdateEventSourceMapping: "Your function's timeout must be
   * less than or equal to the queue's visibility timeout. Lambda validates this requirement when
   * you create or update an event source mapping and will return an error if the function timeout
   * exceeds the queue's visibility timeout"
   * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html). The error is
   * InvalidParameterValueException "Queue visibility timeout: 30 seconds is less than Function
   * timeout: 60 seconds", as deployments report it (e.g. hashicorp/terraform-provider-aws#18099,
   * github-aws-runners/terraform-aws-github-runner#465, winglang/wing#1507).
   */
  private checkVisibility(queueArn: string, functionTimeoutS: number): void {
    const q = this.sim.sqs.byArn(queueArn);
    if (!q) return;
    const visibility = q.attributes.VisibilityTimeout;
    if (functionTimeoutS > visibility) {
      throw invalidParameter(`Queue visibility timeout: ${visibility} seconds is less than Function timeout: ${functionTimeoutS} seconds`);
    }
  }

  /** §3: the mapping reads with the function's execution role [message wording unverified]. */
  private checkRole(type: EventSourceType, roleArn: string): void {
    const { actions, service } = SOURCE_PERMISSIONS[type];
    for (const action of actions) {
      if (!this.sim.iam.allows(roleArn, action)) {
        throw invalidParameter(`The provided execution role does not have permissions to call ${action.split(":")[1]} on ${service}`);
      }
    }
  }

  /** Applies and validates the optional settings (§3.1 / §3.2 ranges and defaults). */
  private apply(esm: EventSourceMapping, input: EsmInput, creating: boolean): void {
    const sqs = esm.sourceType === "sqs";
    const fifo = sqs && esm.eventSourceArn.endsWith(".fifo");
    if (input.BatchSize !== undefined) {
      const max = sqs ? (fifo ? 10 : 10_000) : 10_000;
      if (!Number.isInteger(input.BatchSize) || input.BatchSize < 1) throw constraint(input.BatchSize, "batchSize", "Member must have value greater than or equal to 1");
      // [wording unverified] AWS refuses batch sizes over the source's maximum with InvalidParameterValueException
      if (input.BatchSize > max) throw invalidParameter(`BatchSize must be between 1 and ${max} for ${fifo ? "FIFO SQS queues" : sqs ? "SQS queues" : "streams"}, got ${input.BatchSize}.`);
      esm.batchSize = input.BatchSize;
    }
    if (input.MaximumBatchingWindowInSeconds !== undefined) {
      const w = input.MaximumBatchingWindowInSeconds;
      if (!Number.isInteger(w) || w < 0 || w > 300) throw constraint(w, "maximumBatchingWindowInSeconds", "Member must have value less than or equal to 300");
      esm.maximumBatchingWindowInSeconds = w;
    }
    if (sqs && esm.batchSize > 10 && esm.maximumBatchingWindowInSeconds === 0) {
      throw invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
    }
    if (input.FunctionResponseTypes !== undefined) {
      for (const t of input.FunctionResponseTypes) {
        if (t !== "ReportBatchItemFailures") throw constraint(`[${input.FunctionResponseTypes.join(", ")}]`, "functionResponseTypes", "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
      }
      esm.functionResponseTypes = [...input.FunctionResponseTypes];
    }
    if (input.ScalingConfig?.MaximumConcurrency !== undefined) {
      const c = input.ScalingConfig.MaximumConcurrency;
      if (!sqs) throw invalidParameter("Unsupported ScalingConfig parameter for given event source mapping type.");
      if (!Number.isInteger(c) || c < 2 || c > 1000) throw constraint(c, "scalingConfig.maximumConcurrency", "Member must have value greater than or equal to 2");
      esm.maximumConcurrency = c;
    }
    const streamOnly: (keyof EsmInput)[] = ["MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "ParallelizationFactor", "TumblingWindowInSeconds", "DestinationConfig"];
    if (sqs) {
      for (const k of streamOnly) if (input[k] !== undefined) throw invalidParameter(`Unsupported ${k} parameter for given event source mapping type.`);
      if (creating && input.StartingPosition !== undefined) throw invalidParameter("Unsupported StartingPosition parameter for given event source mapping type.");
      return;
    }
    if (input.StartingPosition !== undefined) {
      const allowed = esm.sourceType === "kinesis" ? ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"] : ["TRIM_HORIZON", "LATEST"];
      if (!allowed.includes(input.StartingPosition)) {
        if (input.StartingPosition === "AT_TIMESTAMP") throw invalidParameter(`Unsupported starting position for arn type: ${esm.eventSourceArn}`);
        throw constraint(input.StartingPosition, "startingPosition", "Member must satisfy enum value set: [AT_TIMESTAMP, LATEST, TRIM_HORIZON]");
      }
      if (!creating) throw invalidParameter("StartingPosition cannot be updated.");
      esm.startingPosition = input.StartingPosition;
      if (input.StartingPositionTimestamp !== undefined) esm.startingPositionTimestamp = input.StartingPositionTimestamp;
    }
    if (input.MaximumRetryAttempts !== undefined) {
      const v = input.MaximumRetryAttempts;
      if (!Number.isInteger(v) || v < -1 || v > 10_000) throw constraint(v, "maximumRetryAttempts", "Member must have value less than or equal to 10000");
      esm.maximumRetryAttempts = v;
    }
    if (input.MaximumRecordAgeInSeconds !== undefined) {
      const v = input.MaximumRecordAgeInSeconds;
      if (!Number.isInteger(v) || (v !== -1 && (v < 60 || v > 604_800))) throw constraint(v, "maximumRecordAgeInSeconds", "Member must have value less than or equal to 604800");
      esm.maximumRecordAgeInSeconds = v;
    }
    if (input.BisectBatchOnFunctionError !== undefined) esm.bisectBatchOnFunctionError = input.BisectBatchOnFunctionError;
    if (input.ParallelizationFactor !== undefined) {
      const v = input.ParallelizationFactor;
      if (!Number.isInteger(v) || v < 1 || v > 10) throw constraint(v, "parallelizationFactor", "Member must have value less than or equal to 10");
      esm.parallelizationFactor = v;
    }
    if (input.TumblingWindowInSeconds !== undefined) {
      const v = input.TumblingWindowInSeconds;
      if (!Number.isInteger(v) || v < 0 || v > 900) throw constraint(v, "tumblingWindowInSeconds", "Member must have value less than or equal to 900");
      esm.tumblingWindowInSeconds = v;
    }
    if (input.DestinationConfig !== undefined) {
      if (input.DestinationConfig.OnSuccess?.Destination) throw invalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
      const dest = input.DestinationConfig.OnFailure?.Destination;
      if (dest !== undefined) {
        const service = parseArn(dest)?.service;
        if (!service || !["sqs", "sns", "s3", "kafka"].includes(service)) throw invalidParameter(`The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${dest})) is invalid.`);
        esm.onFailureDestination = dest;
      }
    }
  }
}

function sourceType(arn: string): EventSourceType | undefined {
  const p = parseArn(arn);
  if (!p) return undefined;
  if (p.service === "sqs") return "sqs";
  if (p.service === "kinesis") return "kinesis";
  if (p.service === "dynamodb" && p.resource.includes("/stream/")) return "dynamodb";
  return undefined;
}
