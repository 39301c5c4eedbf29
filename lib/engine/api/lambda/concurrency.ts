import { lambdaDate } from "../../core/time";
import { AwsError, constraint, invalidParameter, resourceConflict, resourceNotFound } from "../../aws/errors";
import type { LambdaFunction, ProvisionedConcurrencyConfig } from "../../lambda/model";
import type { Simulation } from "../../simulation";
import type { OperationTable } from "../context";

/**
 * Reserved and provisioned concurrency (§5). Reserved concurrency is function-level, taken
 * from the account pool, which must keep ≥ 100 unreserved. Provisioned concurrency is per
 * published version or alias (never $LATEST), one config per version, and must fit in the
 * reservation when there is one.
 */
export const concurrencyOperations: OperationTable = {
  PutFunctionConcurrency(ctx, input) {
    const sim = ctx.sim;
    const fn = functionOnly(sim, input.FunctionName);
    const n = input.ReservedConcurrentExecutions;
    if (!Number.isInteger(n) || n < 0) throw constraint(n, "reservedConcurrentExecutions", "Member must have value greater than or equal to 0");
    const counting = sim.lambda.counting;
    const min = counting.minimumUnreserved();
    const unreserved = counting.unreservedConcurrentExecutions() - counting.unreservedProvisioned() + (fn.reservedConcurrency ?? provisionedSum(fn));
    if (unreserved - n < min) {
      throw invalidParameter(`Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${min}].`);
    }
    const pc = provisionedSum(fn);
    if (pc > n) throw invalidParameter(` ReservedConcurrentExecutions  ${n} should not be lower than function's total provisioned concurrency [${pc}].`);
    fn.reservedConcurrency = n;
    sim.recorder.timeline(sim.clock.now, "concurrency-reserved", fn.name);
    return { ReservedConcurrentExecutions: n };
  },

  DeleteFunctionConcurrency(ctx, input) {
    const fn = functionOnly(ctx.sim, input.FunctionName);
    fn.reservedConcurrency = null;
    return {};
  },

  GetFunctionConcurrency(ctx, input) {
    const fn = functionOnly(ctx.sim, input.FunctionName);
    return fn.reservedConcurrency === null ? {} : { ReservedConcurrentExecutions: fn.reservedConcurrency };
  },

  PutProvisionedConcurrencyConfig(ctx, input) {
    const sim = ctx.sim;
    const n = input.ProvisionedConcurrentExecutions;
    if (!Number.isInteger(n) || n < 1) throw constraint(n, "provisionedConcurrentExecutions", "Member must have value greater than or equal to 1");
    const { fn, qualifier, version } = provisionedTarget(sim, input.FunctionName, input.Qualifier);
    const others = provisionedSum(fn) - (fn.provisioned.get(qualifier)?.requested ?? 0);
    if (fn.reservedConcurrency !== null && fn.reservedConcurrency < others + n) {
      throw invalidParameter("Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
    }
    if (fn.reservedConcurrency === null) {
      const counting = sim.lambda.counting;
      const unreserved = counting.unreservedConcurrentExecutions() - counting.unreservedProvisioned({ fn, qualifier });
      if (n > sim.settings.accountConcurrency) {
        throw invalidParameter(`Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [${unreserved}].`);
      }
      if (unreserved - n < counting.minimumUnreserved()) {
        throw invalidParameter(`Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${counting.minimumUnreserved()}].`);
      }
    }
    const store = sim.lambda.store;
    if (store.isAlias(qualifier)) {
      if (fn.provisioned.has(version)) throw resourceConflict("Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
    } else {
      for (const a of fn.aliases.values()) {
        if (a.functionVersion === qualifier && fn.provisioned.has(a.name)) throw resourceConflict("Version is pointed by a Provisioned Concurrency alias");
      }
    }
    const old = fn.provisioned.get(qualifier);
    if (old) sim.lambda.provisioned.release(old);
    const pc: ProvisionedConcurrencyConfig = {
      qualifier,
      version,
      requested: n,
      status: "IN_PROGRESS",
      lastModified: lambdaDate(sim.epochMs, sim.clock.now),
      environments: [],
    };
    fn.provisioned.set(qualifier, pc);
    sim.recorder.timeline(sim.clock.now, "provisioned-concurrency-requested", `${fn.name}:${qualifier}`);
    sim.lambda.provisioned.allocate(fn, pc);
    return {
      RequestedProvisionedConcurrentExecutions: n,
      AvailableProvisionedConcurrentExecutions: 0,
      AllocatedProvisionedConcurrentExecutions: 0,
      Status: "IN_PROGRESS",
      LastModified: pc.lastModified,
    };
  },

  GetProvisionedConcurrencyConfig(ctx, input) {
    const sim = ctx.sim;
    if (input.Qualifier === "$LATEST") throw invalidParameter("The function resource provided must be an alias or a published version.");
    const { fn, qualifier } = provisionedTarget(sim, input.FunctionName, input.Qualifier);
    const pc = fn.provisioned.get(qualifier);
    if (!pc) throw new AwsError("ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function", 404);
    const allocated = sim.lambda.provisioned.allocated(pc);
    const free = pc.environments.filter((e) => e.ready && !e.dead && !e.busy).length;
    const out: Record<string, unknown> = {
      RequestedProvisionedConcurrentExecutions: pc.requested,
      AvailableProvisionedConcurrentExecutions: free,
      AllocatedProvisionedConcurrentExecutions: allocated,
      Status: pc.status,
    };
    if (pc.statusReason) out.StatusReason = pc.statusReason;
    out.LastModified = pc.lastModified;
    return out;
  },

  DeleteProvisionedConcurrencyConfig(ctx, input) {
    const sim = ctx.sim;
    if (input.Qualifier === "$LATEST") throw invalidParameter("The function resource provided must be an alias or a published version.");
    const { fn, qualifier } = provisionedTarget(sim, input.FunctionName, input.Qualifier);
    const pc = fn.provisioned.get(qualifier);
    if (pc) {
      sim.lambda.provisioned.release(pc);
      fn.provisioned.delete(qualifier);
    }
    return {};
  },
};

function provisionedSum(fn: LambdaFunction): number {
  let sum = 0;
  for (const pc of fn.provisioned.values()) sum += pc.requested;
  return sum;
}

/** Reserved concurrency is function-level only (§4). */
function functionOnly(sim: Simulation, functionName: string): LambdaFunction {
  const store = sim.lambda.store;
  const p = store.parse(functionName);
  if (p.qualifier !== undefined) {
    throw invalidParameter("This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.");
  }
  return store.get(p.name, "$LATEST");
}

function provisionedTarget(sim: Simulation, functionName: string, q: string): { fn: LambdaFunction; qualifier: string; version: string } {
  const store = sim.lambda.store;
  const p = store.parse(functionName, q);
  const qualifier = p.qualifier ?? q;
  if (qualifier === "$LATEST") throw invalidParameter("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
  const fn = store.functions.get(p.name);
  const arn = store.arn(p.name, qualifier);
  if (store.isAlias(qualifier)) {
    const alias = fn && !fn.deleted ? fn.aliases.get(qualifier) : undefined;
    if (!fn || !alias) throw resourceNotFound(`Cannot find alias arn: ${arn}`);
    if (alias.functionVersion === "$LATEST") throw invalidParameter("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
    return { fn, qualifier, version: alias.functionVersion };
  }
  if (!fn || fn.deleted || !fn.versions.has(qualifier)) throw resourceNotFound(`Function not found: ${arn}`);
  return { fn, qualifier, version: qualifier };
}
