import { functionArn, isAliasName, isVersionQualifier } from "../../aws/arn";
import { AwsError, constraint, invalidParameter, preconditionFailed, resourceConflict, resourceNotFound } from "../../aws/errors";
import type { Alias, AliasRouting, LambdaFunction } from "../../lambda/model";
import type { Simulation } from "../../simulation";
import type { OperationTable } from "../context";

/**
 * Aliases (§4): a named pointer to one version (or $LATEST), optionally routing a weight of
 * traffic to one more published version. Aliases move only with UpdateAlias.
 */
export const aliasOperations: OperationTable = {
  CreateAlias(ctx, input) {
    const sim = ctx.sim;
    checkName(input.Name);
    const fn = aliasFunction(sim, input.FunctionName);
    const target = input.FunctionVersion;
    if (!sim.lambda.store.version(fn, target)) throw resourceNotFound(`Function not found: ${sim.lambda.store.arn(fn.name, target)}`);
    const existing = fn.aliases.get(input.Name);
    if (existing) throw resourceConflict(`Alias already exists: ${existing.arn}`);
    const alias: Alias = {
      name: input.Name,
      arn: sim.lambda.store.arn(fn.name, input.Name),
      functionVersion: target,
      description: input.Description ?? "",
      revisionId: sim.ids.uuid(),
    };
    const routing = routingFrom(sim, fn, target, input.RoutingConfig?.AdditionalVersionWeights);
    if (routing) alias.routing = routing;
    fn.aliases.set(alias.name, alias);
    return describeAlias(alias);
  },

  UpdateAlias(ctx, input) {
    const sim = ctx.sim;
    const fn = aliasFunction(sim, input.FunctionName);
    const alias = fn.aliases.get(input.Name);
    if (!alias) throw resourceNotFound(`Alias not found: ${functionArn(sim.region, sim.accountId, fn.name, input.Name)}`);
    if (input.RevisionId !== undefined && input.RevisionId !== alias.revisionId) throw preconditionFailed();
    const target = input.FunctionVersion ?? alias.functionVersion;
    if (!sim.lambda.store.version(fn, target)) throw resourceNotFound(`Function not found: ${sim.lambda.store.arn(fn.name, target)}`);
    let routing = alias.routing;
    if (input.RoutingConfig !== undefined) routing = routingFrom(sim, fn, target, input.RoutingConfig.AdditionalVersionWeights);
    else if (routing) routing = routingFrom(sim, fn, target, { [routing.version]: routing.weight });
    const moved = target !== alias.functionVersion;
    alias.functionVersion = target;
    if (routing) alias.routing = routing;
    else delete alias.routing;
    if (input.Description !== undefined) alias.description = input.Description;
    alias.revisionId = sim.ids.uuid();
    if (moved) {
      sim.recorder.timeline(sim.clock.now, "alias-moved", `${fn.name}:${alias.name}`);
      // provisioned concurrency on the alias follows it to the new version
      const pc = fn.provisioned.get(alias.name);
      if (pc) {
        sim.lambda.provisioned.release(pc);
        pc.environments = [];
        pc.version = target;
        sim.lambda.provisioned.allocate(fn, pc);
      }
    }
    return describeAlias(alias);
  },

  DeleteAlias(ctx, input) {
    const sim = ctx.sim;
    const fn = aliasFunction(sim, input.FunctionName);
    // §4: deleting an alias that does not exist succeeds
    if (!fn.aliases.delete(input.Name)) return {};
    fn.eventInvokeConfigs.delete(input.Name);
    const pc = fn.provisioned.get(input.Name);
    if (pc) {
      sim.lambda.provisioned.release(pc);
      fn.provisioned.delete(input.Name);
    }
    return {};
  },

  GetAlias(ctx, input) {
    const sim = ctx.sim;
    const fn = aliasFunction(sim, input.FunctionName);
    const alias = fn.aliases.get(input.Name);
    if (!alias) throw resourceNotFound(`Cannot find alias arn: ${functionArn(sim.region, sim.accountId, fn.name, input.Name)}`);
    return describeAlias(alias);
  },

  ListAliases(ctx, input) {
    const fn = aliasFunction(ctx.sim, input.FunctionName);
    const aliases = [...fn.aliases.values()].filter((a) => input.FunctionVersion === undefined || a.functionVersion === input.FunctionVersion);
    return { Aliases: aliases.map(describeAlias) };
  },
};

export function describeAlias(a: Alias): Record<string, unknown> {
  const out: Record<string, unknown> = { AliasArn: a.arn, Name: a.name, FunctionVersion: a.functionVersion, Description: a.description };
  if (a.routing) out.RoutingConfig = { AdditionalVersionWeights: { [a.routing.version]: a.routing.weight } };
  out.RevisionId = a.revisionId;
  return out;
}

function checkName(name: string): void {
  if (!isAliasName(name)) {
    throw constraint(name, "name", "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
  }
}

function aliasFunction(sim: Simulation, functionName: string): LambdaFunction {
  const store = sim.lambda.store;
  const p = store.parse(functionName);
  return store.get(p.name);
}

/**
 * Validates RoutingConfig (§4, LocalStack snapshots): one additional version at most, weight in
 * [0, 1), not the primary version, both published, same role and same DLQ configuration.
 */
function routingFrom(sim: Simulation, fn: LambdaFunction, primary: string, weights: Record<string, number> | undefined): AliasRouting | undefined {
  if (!weights) return undefined;
  const entries = Object.entries(weights);
  if (entries.length === 0) return undefined;
  if (entries.length > 1) throw invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
  const [version, weight] = entries[0];
  if (typeof weight !== "number" || weight < 0 || weight >= 1) {
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '{${version}=${weight}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]`,
    );
  }
  if (version === primary) throw invalidParameter(`Invalid function version ${primary}. Function version ${primary} is already included in routing configuration.`);
  if (primary === "$LATEST") throw invalidParameter("$LATEST is not supported for an alias pointing to more than 1 version");
  if (!isVersionQualifier(version)) {
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '{${version}=${weight}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]`,
    );
  }
  const extra = fn.versions.get(version);
  if (!extra) throw resourceNotFound(`Function not found: ${sim.lambda.store.arn(fn.name, version)}`);
  const main = sim.lambda.store.version(fn, primary)!;
  // [wording unverified] AWS requires both versions to share the execution role and DLQ
  if (main.config.role !== extra.config.role) throw invalidParameter("All versions in the routing configuration must have the same execution role.");
  if ((main.config.deadLetterTargetArn ?? "") !== (extra.config.deadLetterTargetArn ?? "")) {
    throw invalidParameter("All versions in the routing configuration must have the same dead-letter queue configuration.");
  }
  return { version, weight };
}
