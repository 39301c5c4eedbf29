import { sha256, utf8Encode } from "../core/encoding";
import type { Simulation } from "../simulation";
import type { FunctionRecord } from "../trace/types";
import type { ResolvedRef } from "./function-store";
import { FunctionStore } from "./function-store";
import { Assignment } from "./invocation/assignment";
import { CountingService } from "./invocation/counting-service";
import { EventManager } from "./invocation/event-manager";
import type { ExecutionEnvironment } from "./invocation/execution-environment";
import { Invoker } from "./invocation/invoker";
import type { FunctionVersion } from "./model";
import { ProvisionedConcurrency } from "./provisioned";

/** The Lambda service: functions and the machinery that runs them. */
export class LambdaService {
  readonly store: FunctionStore;
  readonly counting: CountingService;
  readonly assignment: Assignment;
  readonly invoker: Invoker;
  readonly eventManager: EventManager;
  readonly provisioned: ProvisionedConcurrency;
  private readonly runtimeArns = new Map<string, string>();

  constructor(private readonly sim: Simulation) {
    this.store = new FunctionStore(sim.region, sim.accountId);
    this.counting = new CountingService(this.store, () => sim.settings.accountConcurrency);
    this.assignment = new Assignment(sim);
    this.invoker = new Invoker(sim);
    this.eventManager = new EventManager(sim);
    this.provisioned = new ProvisionedConcurrency(sim);
  }

  /**
   * The version an invocation runs (§4): the alias's version, or — with weighted routing —
   * the additional version with probability `weight`, drawn from the seeded routing stream.
   */
  route(ref: ResolvedRef): FunctionVersion {
    const fn = ref.fn;
    if (ref.alias) {
      const a = ref.alias;
      let version = a.functionVersion;
      if (a.routing && this.sim.routingRng.float() < a.routing.weight) version = a.routing.version;
      return this.store.version(fn, version) ?? fn.latest;
    }
    if (ref.qualifierKey === "$LATEST") return fn.latest;
    return fn.versions.get(ref.qualifierKey) ?? fn.latest;
  }

  /** `arn:aws:lambda:<region>::runtime:<64 hex>` — stable per runtime, as AWS prints on INIT_START. */
  runtimeVersionArn(runtime: string): string {
    let arn = this.runtimeArns.get(runtime);
    if (!arn) {
      const digest = sha256(utf8Encode(runtime));
      let hex = "";
      for (const b of digest) hex += b.toString(16).padStart(2, "0");
      arn = `arn:aws:lambda:${this.sim.region}::runtime:${hex}`;
      this.runtimeArns.set(runtime, arn);
    }
    return arn;
  }

  /** process.env inside the handler: the function's variables plus the ones Lambda sets (no credentials). */
  processEnvironment(env: ExecutionEnvironment, initType: "on-demand" | "provisioned-concurrency"): Record<string, string> {
    const c = env.config;
    return {
      ...c.environment,
      AWS_REGION: this.sim.region,
      AWS_DEFAULT_REGION: this.sim.region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${c.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: env.fn.name,
      AWS_LAMBDA_FUNCTION_VERSION: env.version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.memorySize),
      AWS_LAMBDA_INITIALIZATION_TYPE: initType,
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${env.fn.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: env.logStream,
      _HANDLER: c.handler,
      LAMBDA_TASK_ROOT: "/var/task",
      LAMBDA_RUNTIME_DIR: "/var/runtime",
      TZ: ":UTC",
      LANG: "en_US.UTF-8",
    };
  }

  /** The trace's `functions`. */
  snapshot(): Record<string, FunctionRecord> {
    const out: Record<string, FunctionRecord> = {};
    for (const fn of this.store.functions.values()) {
      const aliases: FunctionRecord["aliases"] = {};
      for (const a of fn.aliases.values()) {
        aliases[a.name] = a.routing
          ? { FunctionVersion: a.functionVersion, RoutingConfig: { AdditionalVersionWeights: { [a.routing.version]: a.routing.weight } } }
          : { FunctionVersion: a.functionVersion };
      }
      const provisioned: FunctionRecord["provisionedConcurrency"] = {};
      for (const [q, pc] of fn.provisioned) {
        provisioned[q] = { Requested: pc.requested, Allocated: this.provisioned.allocated(pc), Status: pc.status };
        if (pc.statusReason) provisioned[q].StatusReason = pc.statusReason;
      }
      const rec: FunctionRecord = {
        versions: ["$LATEST", ...fn.versions.keys()],
        aliases,
        provisionedConcurrency: provisioned,
        reservedConcurrency: fn.reservedConcurrency,
      };
      if (fn.deleted) rec.deleted = true;
      out[fn.name] = rec;
    }
    return out;
  }
}
