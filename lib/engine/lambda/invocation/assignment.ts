import { logStreamDate } from "../../core/time";
import type { EnvironmentRecord, ReclaimReason } from "../../trace/types";
import type { Simulation } from "../../simulation";
import type { LambdaFunction, ProvisionedConcurrencyConfig, VersionConfig } from "../model";
import type { ThrottleReason } from "./counting-service";
import { ExecutionEnvironment } from "./execution-environment";
import type { InvokeRequest } from "./invocation";

export type Acquired = { env: ExecutionEnvironment } | { throttle: ThrottleReason };

/**
 * Which environment serves an invocation (LocalStack's `invocation/assignment`):
 * a ready provisioned environment of the invoked qualifier first; otherwise the most recently
 * used idle on-demand environment of the version (warm start); otherwise a new one (cold start),
 * subject to the concurrency and scaling checks.
 */
export class Assignment {
  /** Idle on-demand environments per function version (keyed by the version object), most recently freed last. */
  private readonly idle = new WeakMap<object, ExecutionEnvironment[]>();
  /** Every live environment per function ARN (for retirement and deletion). */
  private readonly live = new Map<string, Set<ExecutionEnvironment>>();

  constructor(private readonly sim: Simulation) {}

  acquire(req: InvokeRequest): Acquired {
    const { fn, version } = req;
    const pc = fn.provisioned.get(req.qualifierKey);
    if (pc && pc.version === version.version) {
      for (const env of pc.environments) if (!env.busy && !env.dead && env.ready) return { env };
    }
    const lambda = this.sim.lambda;
    const throttle = lambda.counting.onDemandThrottle(fn);
    if (throttle) return { throttle };
    const stack = this.idle.get(version);
    while (stack && stack.length > 0) {
      const env = stack.pop()!;
      if (env.dead || env.retireReason) continue;
      if (env.config !== version.config) {
        // configuration changed since this environment started: it retires instead of serving
        this.reclaim(env, "retired");
        continue;
      }
      return { env };
    }
    const now = this.sim.clock.now;
    if (!lambda.counting.canStartEnvironment(fn, now)) return { throttle: "FunctionInvocationRateLimitExceeded" };
    lambda.counting.noteEnvironmentStart(fn, now);
    return { env: this.create(fn, version.version, version.config, null) };
  }

  create(fn: LambdaFunction, version: string, config: VersionConfig, provisioned: ProvisionedConcurrencyConfig | null): ExecutionEnvironment {
    const sim = this.sim;
    const now = sim.clock.now;
    const id = sim.ids.environment();
    const logStream = `${logStreamDate(sim.epochMs, now)}/[${version}]${sim.ids.hex(32)}`;
    const record: EnvironmentRecord = {
      id,
      function: fn.name,
      version,
      provisioned: provisioned !== null,
      createdAt: now,
      readyAt: null,
      reclaimedAt: null,
      reclaimReason: null,
      resets: 0,
      invocations: 0,
      logStream,
    };
    sim.recorder.trace.environments.push(record);
    sim.recorder.timeline(now, "environment-created", id);
    const env = new ExecutionEnvironment(id, fn, version, config, logStream, provisioned, record);
    let set = this.live.get(fn.arn);
    if (!set) this.live.set(fn.arn, (set = new Set()));
    set.add(env);
    if (provisioned) fn.provisionedEnvironments++;
    return env;
  }

  /** The environment finished its invocation: back to the idle pool, or retired. */
  release(env: ExecutionEnvironment): void {
    if (env.dead) return;
    if (env.retireReason) {
      this.reclaim(env, env.retireReason);
      return;
    }
    const now = this.sim.clock.now;
    env.idleSince = now;
    if (env.provisioned) {
      // provisioned environments stay until their config goes away; after a reset Lambda initialises them again
      if (env.needsInit) this.sim.lambda.provisioned.initialise(env.provisioned, env);
      return;
    }
    const version = this.versionOf(env);
    if (!version) {
      this.reclaim(env, "deleted");
      return;
    }
    let stack = this.idle.get(version);
    if (!stack) this.idle.set(version, (stack = []));
    stack.push(env);
    this.scheduleIdleReclaim(env);
  }

  /** One pending reclaim check per environment, re-armed lazily, so warm reuse adds no heap traffic. */
  private scheduleIdleReclaim(env: ExecutionEnvironment): void {
    if (env.reclaimEvent) return;
    const sim = this.sim;
    const check = () => {
      env.reclaimEvent = undefined;
      if (env.dead || env.busy) return;
      const due = env.idleSince + sim.settings.idleReclaimMs;
      if (due <= sim.clock.now) this.reclaim(env, "idle");
      else env.reclaimEvent = sim.clock.at(due, check, true);
    };
    env.reclaimEvent = sim.clock.at(env.idleSince + sim.settings.idleReclaimMs, check, true);
  }

  reclaim(env: ExecutionEnvironment, reason: ReclaimReason): void {
    if (env.dead) return;
    const sim = this.sim;
    env.dead = true;
    sim.clock.cancel(env.reclaimEvent);
    env.reclaimEvent = undefined;
    try {
      env.runtime?.dispose();
    } catch {
      // a sandbox that fails to free is recycled with its worker; nothing to record here
    }
    env.runtime = null;
    env.record.reclaimedAt = sim.clock.now;
    env.record.reclaimReason = reason;
    this.live.get(env.fn.arn)?.delete(env);
    if (env.provisioned) {
      env.fn.provisionedEnvironments--;
      const i = env.provisioned.environments.indexOf(env);
      if (i >= 0) env.provisioned.environments.splice(i, 1);
    }
    const version = this.versionOf(env);
    const stack = version ? this.idle.get(version) : undefined;
    if (stack) {
      const i = stack.indexOf(env);
      if (i >= 0) stack.splice(i, 1);
    }
    sim.recorder.timeline(sim.clock.now, "environment-reclaimed", env.id);
  }

  /**
   * Code or configuration of a version changed (or the function/version is gone): idle
   * environments go now, busy ones finish their invocation first (AWS lets in-flight
   * invocations complete; §7 notes LocalStack differs).
   */
  retire(fn: LambdaFunction, version: string | null, reason: ReclaimReason, includeProvisioned = false): void {
    const set = this.live.get(fn.arn);
    if (!set) return;
    for (const env of [...set]) {
      if (version !== null && env.version !== version) continue;
      if (env.provisioned && !includeProvisioned) continue;
      if (env.busy) env.retireReason = reason;
      else this.reclaim(env, reason);
    }
  }

  private versionOf(env: ExecutionEnvironment): object | undefined {
    return env.version === "$LATEST" ? env.fn.latest : env.fn.versions.get(env.version);
  }

  /** All live environments (for the end of the run). */
  all(): ExecutionEnvironment[] {
    const out: ExecutionEnvironment[] = [];
    for (const set of this.live.values()) for (const env of set) out.push(env);
    return out;
  }
}

