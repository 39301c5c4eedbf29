/**
 * The setup of a lab, read off its (variant-substituted, validated) scenario so a learner takes
 * it in at a glance: one card per function, the resources, the wiring between them (event source
 * mappings, subscriptions, destinations, dead-letter queues, redrive) and the calls on the
 * timeline. Pure: the same scenario always gives the same description; nothing is run.
 *
 * "Setup" is the state built by the steps before the first call that makes traffic (Invoke,
 * SendMessage, Publish, PutRecord, …) or waits for the clock (`at` > 0). Everything from there on
 * is a call on the timeline; a configuration change among them is also listed on its function's
 * card, so the card shows the starting state and what changes later.
 *
 * AWS defaults shown when a step leaves a field out (each from docs/lambda-semantics.md):
 * Timeout 3 s and memory 128 MB [RuntimeEnv]; async MaximumRetryAttempts 2 and
 * MaximumEventAgeInSeconds 21600 [AsyncCfg]; SQS VisibilityTimeout 30 s
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html);
 * mapping BatchSize 10 for SQS and 100 for streams [Arch:with-sqs.md], [Arch:with-kinesis.md].
 */
import type { Scenario } from "@/lib/labs/types";
import { compactJson, formatDuration, type ResourceRef } from "../format";
import { aliasSummary, callSummary, configSummary, isRead, weightsOf } from "./call-summary";
import type { AliasInfo, AsyncConfig, FunctionCard, QueueCard, RoleCard, Setting, SetupDescription, TableCard } from "./setup-types";
import { envPairs, functionRef, num, obj, str, targetOf, type Input } from "./step-input";

export type * from "./setup-types";

// Operations that send traffic into the account: the first one ends the setup.
const TRAFFIC_OPS = new Set(["Invoke", "SendMessage", "SendMessageBatch", "Publish", "PutRecord", "PutRecords", "PutEvents", "UpdateItem", "DeleteItem"]);

const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_MEMORY_MB = 128;
const DEFAULT_ASYNC_RETRIES = 2;
const DEFAULT_EVENT_AGE_S = 21_600;
const DEFAULT_VISIBILITY_S = 30;

function describeSettings(scenario: Scenario): Setting[] {
  const s = scenario.settings;
  // Defaults: lib/engine/scenario/types.ts DEFAULT_SETTINGS (the engine's, not AWS's, knobs).
  return [
    { label: "Cold start (Init)", value: formatDuration(s.coldStartMs), isDefault: s.coldStartMs === 100 },
    { label: "Warm start overhead", value: formatDuration(s.warmStartMs), isDefault: s.warmStartMs === 1 },
    { label: "Handler run time (no waits)", value: formatDuration(s.defaultDurationMs), isDefault: s.defaultDurationMs === 5 },
    { label: "Idle environment reclaimed after", value: formatDuration(s.idleReclaimMs), isDefault: s.idleReclaimMs === 600_000 },
    { label: "Account concurrency", value: String(s.accountConcurrency), isDefault: s.accountConcurrency === 1000 },
  ];
}

class SetupBuilder {
  readonly out: SetupDescription;
  private readonly fns = new Map<string, FunctionCard & { nextVersion: number; currentRev: number }>();
  private readonly tables = new Map<string, TableCard>();
  private readonly roles = new Map<string, RoleCard>();
  private setupDone = false;

  constructor(scenario: Scenario) {
    this.out = {
      functions: [],
      queues: [],
      topics: [],
      streams: [],
      tables: [],
      buses: [],
      roles: [],
      wiring: [],
      calls: [],
      settings: describeSettings(scenario),
      faults: [],
      ...(scenario.until !== undefined ? { until: scenario.until } : {}),
    };
  }

  step(op: string, input: Input, at: number, stepId: string, repeat?: { times: number; everyMs: number }): void {
    if (!this.setupDone && (at > 0 || TRAFFIC_OPS.has(op))) this.setupDone = true;
    const drawn = this.configure(op, input, at, stepId);
    // Setup steps the cards draw are not repeated as calls; reads (a question may ask about their
    // response) and steps the cards cannot draw (SetQueueAttributes, …) always are.
    if (this.setupDone || !drawn || isRead(op)) this.out.calls.push({ stepId, at, op, ...(repeat ? { repeat } : {}), ...callSummary(op, input) });
  }

  private fn(name: unknown) {
    return this.fns.get(functionRef(name).name);
  }

  private change(card: FunctionCard | undefined, at: number, stepId: string, op: string, summary: string): void {
    if (card && this.setupDone) card.changes.push({ at, stepId, op, summary });
  }

  /** Applies a configuration step; returns false for operations this view does not model. */
  private configure(op: string, input: Input, at: number, stepId: string): boolean {
    switch (op) {
      case "CreateFunction":
        this.createFunction(input, at);
        return true;
      case "UpdateFunctionCode": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        card.currentRev = card.code.length + 1;
        card.code.push({ rev: card.currentRev, source: str(input.ZipFile) ?? "", since: at, sinceOp: "UpdateFunctionCode", usedBy: [] });
        this.change(card, at, stepId, op, "new handler code on $LATEST");
        if (input.Publish === true) this.publish(card, at, undefined);
        return true;
      }
      case "UpdateFunctionConfiguration": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        if (this.setupDone) this.change(card, at, stepId, op, configSummary(input));
        else this.applyConfig(card, input);
        return true;
      }
      case "PublishVersion": {
        const card = this.fn(input.FunctionName);
        if (card) {
          const v = this.publish(card, at, str(input.Description));
          this.change(card, at, stepId, op, `publishes version ${v}`);
        }
        return true;
      }
      case "DeleteFunction": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        const q = str(input.Qualifier) ?? functionRef(input.FunctionName).qualifier;
        const version = q ? card.versions.find((v) => v.version === q) : undefined;
        if (version) version.deletedAt = at;
        // A delete always changes what later calls find, so it is listed even during the setup.
        card.changes.push({ at, stepId, op, summary: q ? `deletes version ${q}` : "deletes the function" });
        return true;
      }
      case "CreateAlias":
      case "UpdateAlias": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        const name = str(input.Name) ?? "?";
        if (this.setupDone) {
          this.change(card, at, stepId, op, `alias ${name} → ${aliasSummary(input)}`);
          return true;
        }
        const existing = card.aliases.find((a) => a.name === name);
        const alias: AliasInfo = { name, version: str(input.FunctionVersion) ?? existing?.version ?? "?", weights: weightsOf(input) ?? existing?.weights ?? [] };
        if (existing) Object.assign(existing, alias);
        else card.aliases.push(alias);
        return true;
      }
      case "DeleteAlias": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        if (this.setupDone) this.change(card, at, stepId, op, `deletes alias ${str(input.Name)}`);
        else card.aliases = card.aliases.filter((a) => a.name !== str(input.Name));
        return true;
      }
      case "PutFunctionConcurrency":
      case "DeleteFunctionConcurrency": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        const value = op === "PutFunctionConcurrency" ? (num(input.ReservedConcurrentExecutions) ?? null) : null;
        if (this.setupDone) this.change(card, at, stepId, op, value === null ? "removes reserved concurrency" : `reserved concurrency → ${value}`);
        else card.reservedConcurrency = value;
        return true;
      }
      case "PutProvisionedConcurrencyConfig":
      case "DeleteProvisionedConcurrencyConfig": {
        const card = this.fn(input.FunctionName);
        if (!card) return true;
        const qualifier = str(input.Qualifier) ?? "?";
        const count = op === "PutProvisionedConcurrencyConfig" ? (num(input.ProvisionedConcurrentExecutions) ?? 0) : 0;
        if (this.setupDone) {
          this.change(card, at, stepId, op, count ? `provisioned concurrency on ${qualifier} → ${count}` : `removes provisioned concurrency on ${qualifier}`);
          return true;
        }
        card.provisioned = card.provisioned.filter((p) => p.qualifier !== qualifier);
        if (count) card.provisioned.push({ qualifier, count });
        return true;
      }
      case "PutFunctionEventInvokeConfig":
      case "UpdateFunctionEventInvokeConfig":
      case "DeleteFunctionEventInvokeConfig":
        this.eventInvokeConfig(op, input, at, stepId);
        return true;
      case "CreateEventSourceMapping":
        this.mapping(input, at);
        return true;
      case "UpdateEventSourceMapping":
      case "DeleteEventSourceMapping":
        // Mappings are named by a UUID the engine makes up; the call row says what changed.
        return false;
      case "CreateQueue":
        this.queue(input, at);
        return true;
      case "CreateTopic":
        this.out.topics.push({ name: str(input.Name) ?? "?" });
        return true;
      case "Subscribe": {
        const protocol = str(input.Protocol) ?? "?";
        this.out.wiring.push({
          kind: "subscription",
          from: targetOf(input.TopicArn, "topic"),
          to: targetOf(input.Endpoint, protocol === "lambda" ? "function" : protocol === "sqs" ? "queue" : "unknown"),
          label: `subscription (${protocol})`,
          details: obj(input.Attributes)?.RawMessageDelivery === "true" ? ["raw message delivery"] : [],
          since: at,
        });
        return true;
      }
      case "CreateStream":
        this.out.streams.push({ name: str(input.StreamName) ?? "?", shards: num(input.ShardCount) ?? 1 });
        return true;
      case "CreateTable": {
        const spec = obj(input.StreamSpecification);
        const keys = (Array.isArray(input.KeySchema) ? input.KeySchema : []).map((k) => `${str(obj(k)?.AttributeName)} (${obj(k)?.KeyType === "RANGE" ? "sort" : "partition"} key)`);
        const table: TableCard = { name: str(input.TableName) ?? "?", keys, items: [], ...(spec?.StreamEnabled === true ? { stream: str(spec.StreamViewType) ?? "enabled" } : {}) };
        this.tables.set(table.name, table);
        this.out.tables.push(table);
        return true;
      }
      case "PutItem": {
        if (this.setupDone) return true;
        const table = this.tables.get(str(input.TableName) ?? "");
        if (table) table.items.push(input.Item);
        return true;
      }
      case "CreateEventBus":
        this.out.buses.push(str(input.Name) ?? "?");
        return true;
      case "CreateRole":
      case "PutRolePolicy": {
        const name = str(input.RoleName) ?? "?";
        const allow = (obj(input.Policy)?.Allow as unknown[] | undefined)?.map((a) => str(a) ?? "?") ?? [];
        const role = this.roles.get(name);
        if (role) role.allow = [...new Set([...role.allow, ...allow])];
        else {
          const card = { name, allow };
          this.roles.set(name, card);
          this.out.roles.push(card);
        }
        return true;
      }
      case "InjectFault": {
        const kind = str(input.Kind) ?? "?";
        const count = num(input.Count) ?? 1;
        const text =
          kind === "DuplicateDelivery"
            ? `the next ${count === 1 ? "async event is" : `${count} async events are`} delivered twice (at-least-once delivery)`
            : kind === "CrashEnvironment"
              ? "the next invocation's environment crashes mid-run (Runtime.ExitError)"
              : kind;
        const card = input.FunctionName !== undefined ? this.fn(input.FunctionName) : undefined;
        if (card) card.faults.push(text);
        else this.out.faults.push(text);
        return true;
      }
      default:
        return false;
    }
  }

  private createFunction(input: Input, at: number): void {
    const name = str(input.FunctionName) ?? "?";
    const timeout = num(input.Timeout);
    const memory = num(input.MemorySize);
    const dlqArn = str(obj(input.DeadLetterConfig)?.TargetArn);
    const role = str(input.Role);
    const description = str(input.Description);
    const card = {
      name,
      createdAt: at,
      runtime: str(input.Runtime) ?? "nodejs20.x",
      handler: str(input.Handler) ?? "index.handler",
      timeoutSeconds: timeout ?? DEFAULT_TIMEOUT_S,
      timeoutIsDefault: timeout === undefined,
      memoryMb: memory ?? DEFAULT_MEMORY_MB,
      memoryIsDefault: memory === undefined,
      role: role ? targetOf(role, "role") : null,
      ...(description ? { description } : {}),
      environment: envPairs(input.Environment),
      reservedConcurrency: null,
      provisioned: [],
      asyncConfigs: [],
      ...(dlqArn ? { dlq: targetOf(dlqArn, "queue") } : {}),
      versions: [],
      aliases: [],
      code: [{ rev: 1, source: str(obj(input.Code)?.ZipFile) ?? "", since: at, sinceOp: "CreateFunction", usedBy: [] }],
      faults: [],
      changes: [],
      nextVersion: 1,
      currentRev: 1,
    };
    this.fns.set(name, card);
    this.out.functions.push(card);
    if (dlqArn) this.out.wiring.push({ kind: "dlq", from: { kind: "function", name }, to: targetOf(dlqArn, "queue"), label: "dead-letter queue", details: ["async events that fail every attempt"], since: at });
    if (input.Publish === true) this.publish(card, at, undefined);
  }

  private applyConfig(card: FunctionCard, input: Input): void {
    const timeout = num(input.Timeout);
    if (timeout !== undefined) Object.assign(card, { timeoutSeconds: timeout, timeoutIsDefault: false });
    const memory = num(input.MemorySize);
    if (memory !== undefined) Object.assign(card, { memoryMb: memory, memoryIsDefault: false });
    if (input.Environment !== undefined) card.environment = envPairs(input.Environment);
    if (str(input.Runtime)) card.runtime = str(input.Runtime)!;
    if (str(input.Handler)) card.handler = str(input.Handler)!;
    if (str(input.Role)) card.role = targetOf(input.Role, "role");
    const dlqArn = str(obj(input.DeadLetterConfig)?.TargetArn);
    if (dlqArn) {
      card.dlq = targetOf(dlqArn, "queue");
      this.out.wiring.push({ kind: "dlq", from: { kind: "function", name: card.name }, to: card.dlq, label: "dead-letter queue", details: ["async events that fail every attempt"], since: 0 });
    }
  }

  private publish(card: FunctionCard & { nextVersion: number; currentRev: number }, at: number, description: string | undefined): string {
    // Version numbers only grow; a deleted number is never reused [Arch:configuration-versions.md].
    const version = String(card.nextVersion++);
    card.versions.push({
      version,
      codeRev: card.currentRev,
      publishedAt: at,
      ...(description ? { description } : {}),
      timeoutSeconds: card.timeoutSeconds,
      memoryMb: card.memoryMb,
      environment: [...card.environment],
    });
    return version;
  }

  private eventInvokeConfig(op: string, input: Input, at: number, stepId: string): void {
    const card = this.fn(input.FunctionName);
    if (!card) return;
    const qualifier = str(input.Qualifier) ?? functionRef(input.FunctionName).qualifier ?? "$LATEST";
    if (this.setupDone) {
      this.change(card, at, stepId, op, op === "DeleteFunctionEventInvokeConfig" ? `removes the async config of ${qualifier}` : `async config of ${qualifier}: ${configSummary(input)}`);
      return;
    }
    const index = card.asyncConfigs.findIndex((c) => c.qualifier === qualifier);
    if (op === "DeleteFunctionEventInvokeConfig") {
      if (index >= 0) card.asyncConfigs.splice(index, 1);
      return;
    }
    // Put replaces the whole config; Update changes only the fields it names [AsyncCfg].
    const base = op === "UpdateFunctionEventInvokeConfig" && index >= 0 ? card.asyncConfigs[index]! : undefined;
    const retries = num(input.MaximumRetryAttempts);
    const age = num(input.MaximumEventAgeInSeconds);
    const dest = obj(input.DestinationConfig);
    const success = str(obj(dest?.OnSuccess)?.Destination);
    const failure = str(obj(dest?.OnFailure)?.Destination);
    const config: AsyncConfig = {
      qualifier,
      maximumRetryAttempts: retries ?? base?.maximumRetryAttempts ?? DEFAULT_ASYNC_RETRIES,
      retriesIsDefault: retries === undefined && (base?.retriesIsDefault ?? true),
      maximumEventAgeSeconds: age ?? base?.maximumEventAgeSeconds ?? DEFAULT_EVENT_AGE_S,
      ageIsDefault: age === undefined && (base?.ageIsDefault ?? true),
      ...(success ? { onSuccess: targetOf(success, "unknown") } : base?.onSuccess && !dest ? { onSuccess: base.onSuccess } : {}),
      ...(failure ? { onFailure: targetOf(failure, "unknown") } : base?.onFailure && !dest ? { onFailure: base.onFailure } : {}),
    };
    if (index >= 0) card.asyncConfigs[index] = config;
    else card.asyncConfigs.push(config);
    const from: ResourceRef = { kind: "function", name: card.name, ...(qualifier !== "$LATEST" ? { qualifier } : {}) };
    this.out.wiring = this.out.wiring.filter((w) => !((w.kind === "on-success" || w.kind === "on-failure") && w.from.name === card.name && (w.from.qualifier ?? "$LATEST") === qualifier));
    if (config.onSuccess) this.out.wiring.push({ kind: "on-success", from, to: config.onSuccess, label: "on success", details: ["async invocations that succeed"], since: at });
    if (config.onFailure) this.out.wiring.push({ kind: "on-failure", from, to: config.onFailure, label: "on failure", details: ["async events that fail every attempt or grow too old"], since: at });
  }

  private mapping(input: Input, at: number): void {
    const source = targetOf(input.EventSourceArn, "unknown");
    const isStream = source.kind === "stream" || source.kind === "table-stream";
    const batch = num(input.BatchSize);
    const details: string[] = [`batch size ${batch ?? (isStream ? 100 : 10)}${batch === undefined ? " (default)" : ""}`];
    const window = num(input.MaximumBatchingWindowInSeconds);
    if (window) details.push(`batching window ${formatDuration(window * 1000)}`);
    if (str(input.StartingPosition)) details.push(`starts at ${str(input.StartingPosition)}`);
    const types = Array.isArray(input.FunctionResponseTypes) ? input.FunctionResponseTypes.map(String) : [];
    if (types.includes("ReportBatchItemFailures")) details.push("reports batch item failures");
    if (input.BisectBatchOnFunctionError === true) details.push("bisects a failing batch");
    const retries = num(input.MaximumRetryAttempts);
    if (retries !== undefined) details.push(retries === -1 ? "retries until the record expires" : `at most ${retries} ${retries === 1 ? "retry" : "retries"}`);
    const age = num(input.MaximumRecordAgeInSeconds);
    if (age !== undefined) details.push(age === -1 ? "no record age limit" : `records older than ${formatDuration(age * 1000)} are skipped`);
    const pf = num(input.ParallelizationFactor);
    if (pf && pf > 1) details.push(`parallelization factor ${pf}`);
    const maxConcurrency = num(obj(input.ScalingConfig)?.MaximumConcurrency);
    if (maxConcurrency) details.push(`at most ${maxConcurrency} concurrent batches`);
    if (input.Enabled === false) details.push("disabled");
    const fn = functionRef(input.FunctionName);
    this.out.wiring.push({ kind: "mapping", from: source, to: fn, label: "event source mapping", details, since: at });
    const failure = str(obj(obj(input.DestinationConfig)?.OnFailure)?.Destination);
    if (failure) this.out.wiring.push({ kind: "mapping-on-failure", from: source, to: targetOf(failure, "unknown"), label: "mapping on failure", details: [`batches ${fn.name} gives up on`], since: at });
  }

  private queue(input: Input, at: number): void {
    const name = str(input.QueueName) ?? "?";
    const attrs = obj(input.Attributes) ?? {};
    const visibility = num(attrs.VisibilityTimeout);
    let redrive: QueueCard["redrive"];
    const raw = attrs.RedrivePolicy;
    let policy: Input | undefined = obj(raw);
    if (!policy && typeof raw === "string") {
      try {
        policy = obj(JSON.parse(raw));
      } catch {
        policy = undefined;
      }
    }
    if (policy && str(policy.deadLetterTargetArn)) {
      redrive = { target: targetOf(policy.deadLetterTargetArn, "queue"), maxReceiveCount: num(policy.maxReceiveCount) ?? 0 };
    }
    const shown = Object.entries(attrs)
      .filter(([k]) => !["VisibilityTimeout", "RedrivePolicy", "FifoQueue"].includes(k))
      .map(([k, v]): [string, string] => [k, str(v) ?? compactJson(v)]);
    const fifo = attrs.FifoQueue === true || attrs.FifoQueue === "true" || name.endsWith(".fifo");
    this.out.queues.push({ name, fifo, visibilityTimeoutSeconds: visibility ?? DEFAULT_VISIBILITY_S, visibilityIsDefault: visibility === undefined, attributes: shown, ...(redrive ? { redrive } : {}) });
    if (redrive) {
      this.out.wiring.push({ kind: "redrive", from: { kind: "queue", name }, to: redrive.target, label: "redrive", details: [`after ${redrive.maxReceiveCount} ${redrive.maxReceiveCount === 1 ? "receive" : "receives"}`], since: at });
    }
  }

  finish(): SetupDescription {
    for (const card of this.fns.values()) {
      // Who runs each code revision: $LATEST runs each one until the next arrives, and each
      // published version the one it froze.
      card.code.forEach((rev, i) => {
        rev.usedBy = card.versions.filter((v) => v.codeRev === rev.rev).map((v) => `version ${v.version}`);
        const next = card.code[i + 1];
        if (next) rev.latestUntil = next.since;
      });
      delete (card as Partial<typeof card>).nextVersion;
      delete (card as Partial<typeof card>).currentRev;
    }
    return this.out;
  }
}

export function describeSetup(scenario: Scenario): SetupDescription {
  const builder = new SetupBuilder(scenario);
  let t = 0;
  for (const step of scenario.steps) {
    // Same clock as the engine (lib/engine/run.ts scheduleSteps): a step without `at` runs when the
    // previous one (its last repetition) did.
    if (step.at !== undefined) t = step.at;
    builder.step(step.op, step.input, t, step.id, step.repeat);
    if (step.repeat) t += (step.repeat.times - 1) * step.repeat.everyMs;
  }
  return builder.finish();
}
