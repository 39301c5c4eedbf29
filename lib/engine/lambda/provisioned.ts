import type { Simulation } from "../simulation";
import type { ExecutionEnvironment } from "./invocation/execution-environment";
import type { LambdaFunction, ProvisionedConcurrencyConfig } from "./model";

/**
 * Provisioned concurrency (§5): environments of a published version, initialised ahead of
 * time. Status goes IN_PROGRESS → READY once every environment finished Init, or FAILED with
 * FUNCTION_ERROR_INIT_FAILURE when module scope throws. Allocation takes the Init duration
 * here (AWS takes longer, typically a minute or two; the order of events is what labs ask about).
 * Traffic beyond the ready environments spills over to on-demand environments.
 */
export class ProvisionedConcurrency {
  constructor(private readonly sim: Simulation) {}

  allocate(fn: LambdaFunction, pc: ProvisionedConcurrencyConfig): void {
    const sim = this.sim;
    const version = sim.lambda.store.version(fn, pc.version);
    if (!version) return;
    pc.status = "IN_PROGRESS";
    delete pc.statusReason;
    for (let i = 0; i < pc.requested; i++) {
      const env = sim.lambda.assignment.create(fn, pc.version, version.config, pc);
      pc.environments.push(env);
      this.initialise(pc, env);
    }
    if (pc.requested === 0) this.updateStatus(pc);
  }

  /** Runs Init on a provisioned environment (at allocation, and again after a reset). */
  initialise(pc: ProvisionedConcurrencyConfig, env: ExecutionEnvironment): void {
    const sim = this.sim;
    env.initializing = true;
    const turn = sim.lambda.invoker.initRuntime(env, "provisioned-concurrency");
    const readyAt = sim.clock.now + sim.settings.coldStartMs;
    sim.clock.at(readyAt, () => {
      env.initializing = false;
      if (env.dead) return;
      if (turn.kind === "threw" || turn.kind === "crashed") {
        sim.lambda.assignment.reclaim(env, "provisioning-removed");
        pc.status = "FAILED";
        pc.statusReason = "FUNCTION_ERROR_INIT_FAILURE";
        return;
      }
      env.ready = true;
      env.record.readyAt = sim.clock.now;
      env.idleSince = sim.clock.now;
      sim.recorder.timeline(sim.clock.now, "environment-ready", env.id);
      this.updateStatus(pc);
    });
  }

  private updateStatus(pc: ProvisionedConcurrencyConfig): void {
    if (pc.status === "FAILED") return;
    const ready = pc.environments.filter((e) => e.ready && !e.dead).length;
    if (ready >= pc.requested) pc.status = "READY";
  }

  allocated(pc: ProvisionedConcurrencyConfig): number {
    return pc.environments.filter((e) => e.ready && !e.dead).length;
  }

  /** Removes a config's environments (busy ones finish their invocation first). */
  release(pc: ProvisionedConcurrencyConfig): void {
    for (const env of [...pc.environments]) {
      if (env.busy) env.retireReason = "provisioning-removed";
      else this.sim.lambda.assignment.reclaim(env, "provisioning-removed");
    }
  }
}
