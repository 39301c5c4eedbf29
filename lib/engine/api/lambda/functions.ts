import { utf8Length } from "../../core/encoding";
import { lambdaDate } from "../../core/time";
import { invalidParameter, preconditionFailed, resourceConflict, validation } from "../../aws/errors";
import { isVersionQualifier } from "../../aws/arn";
import { functionConfiguration } from "../../lambda/configuration";
import type { FunctionVersion, LambdaFunction, VersionConfig } from "../../lambda/model";
import type { Simulation } from "../../simulation";
import type { OperationTable } from "../context";
import { checkCodeSize, checkDeadLetterTarget, checkEnvironment, checkLimits, checkRole, checkRuntime, codeSha256 } from "./validation";
import { publishVersion } from "./versions";

/**
 * CreateFunction, UpdateFunctionCode, UpdateFunctionConfiguration, DeleteFunction, GetFunction,
 * GetFunctionConfiguration, GetAccountSettings. Changing $LATEST's code or configuration
 * retires its environments (in-flight invocations finish first, §5/§7).
 */
export const functionOperations: OperationTable = {
  CreateFunction(ctx, input) {
    const sim = ctx.sim;
    const store = sim.lambda.store;
    const p = store.parse(input.FunctionName);
    if (p.qualifier !== undefined) throw validation(`1 validation error detected: Value '${input.FunctionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)`);
    if (p.name.length > 64) throw invalidParameter(`1 validation error detected: Value '${p.name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`);
    if (input.Runtime === undefined || input.Handler === undefined) {
      // [wording unverified] AWS requires both for .zip deployment packages
      throw invalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
    }
    checkRuntime(input.Runtime);
    checkLimits(input);
    const variables = input.Environment?.Variables ?? {};
    checkEnvironment(variables);
    const role = checkRole(sim, input.Role);
    const dlq = checkDeadLetterTarget(sim, input.DeadLetterConfig?.TargetArn, role);
    checkCodeSize(input.Code.ZipFile);
    const existing = store.functions.get(p.name);
    if (existing && !existing.deleted) throw resourceConflict(`Function already exist: ${p.name}`);

    const now = sim.clock.now;
    const arn = store.arn(p.name);
    const config: VersionConfig = {
      runtime: input.Runtime,
      handler: input.Handler,
      timeout: input.Timeout ?? 3,
      memorySize: input.MemorySize ?? 128,
      environment: { ...variables },
      role,
      description: input.Description ?? "",
      code: input.Code.ZipFile,
      codeSha256: codeSha256(input.Code.ZipFile),
      codeSize: utf8Length(input.Code.ZipFile),
      ephemeralStorageMb: input.EphemeralStorage?.Size ?? 512,
      architectures: input.Architectures ?? ["x86_64"],
      lastModified: lambdaDate(sim.epochMs, now),
      revisionId: sim.ids.uuid(),
      internalRevision: 1,
    };
    if (dlq) config.deadLetterTargetArn = dlq;
    const fn: LambdaFunction = {
      name: p.name,
      arn,
      latest: { version: "$LATEST", arn: store.arn(p.name, "$LATEST"), config },
      versions: new Map(),
      nextVersion: 1,
      lastPublishedRevision: null,
      aliases: new Map(),
      reservedConcurrency: null,
      eventInvokeConfigs: new Map(),
      provisioned: new Map(),
      tags: { ...(input.Tags ?? {}) },
      faults: { duplicateDeliveries: 0, crashes: 0 },
      busyOnDemand: 0,
      provisionedEnvironments: 0,
      recentEnvironmentStarts: [],
      deleted: false,
      // §6: a new function is Pending, then Active; the engine keeps it Pending for the instant of creation
      activeAt: now + 1,
      recursiveLoop: "Terminate",
    };
    store.functions.delete(p.name);
    store.functions.set(p.name, fn);
    sim.recorder.timeline(now, "function-created", p.name);
    if (input.Publish) {
      const v = publishVersion(sim, fn, undefined);
      return functionConfiguration(sim, fn, v.version, { qualifiedArn: true, creating: true });
    }
    return functionConfiguration(sim, fn, fn.latest, { qualifiedArn: false, creating: true });
  },

  UpdateFunctionCode(ctx, input) {
    const sim = ctx.sim;
    const fn = unqualifiedFunction(sim, input.FunctionName);
    if (input.RevisionId !== undefined && input.RevisionId !== fn.latest.config.revisionId) throw preconditionFailed();
    checkCodeSize(input.ZipFile);
    updateLatest(sim, fn, { code: input.ZipFile, codeSha256: codeSha256(input.ZipFile), codeSize: utf8Length(input.ZipFile) });
    if (input.Publish) {
      const v = publishVersion(sim, fn, undefined);
      return functionConfiguration(sim, fn, v.version, { qualifiedArn: true, updating: true });
    }
    return functionConfiguration(sim, fn, fn.latest, { qualifiedArn: false, updating: true });
  },

  UpdateFunctionConfiguration(ctx, input) {
    const sim = ctx.sim;
    const fn = unqualifiedFunction(sim, input.FunctionName);
    if (input.RevisionId !== undefined && input.RevisionId !== fn.latest.config.revisionId) throw preconditionFailed();
    const change: Partial<VersionConfig> = {};
    if (input.Runtime !== undefined) {
      checkRuntime(input.Runtime);
      change.runtime = input.Runtime;
    }
    checkLimits(input);
    if (input.Handler !== undefined) change.handler = input.Handler;
    if (input.Timeout !== undefined) change.timeout = input.Timeout;
    if (input.MemorySize !== undefined) change.memorySize = input.MemorySize;
    if (input.EphemeralStorage !== undefined) change.ephemeralStorageMb = input.EphemeralStorage.Size;
    if (input.Environment !== undefined) {
      const vars = input.Environment.Variables ?? {};
      checkEnvironment(vars);
      change.environment = { ...vars };
    }
    if (input.Description !== undefined) change.description = input.Description;
    if (input.Role !== undefined) change.role = checkRole(sim, input.Role);
    if (input.DeadLetterConfig !== undefined) {
      change.deadLetterTargetArn = checkDeadLetterTarget(sim, input.DeadLetterConfig.TargetArn, change.role ?? fn.latest.config.role);
    }
    if (input.Architectures !== undefined) change.architectures = input.Architectures;
    updateLatest(sim, fn, change);
    // a mapping reads its source with the function's role (§3): a new role may grant or deny it
    if (change.role !== undefined) sim.esm.notifyPermissionsChanged();
    return functionConfiguration(sim, fn, fn.latest, { qualifiedArn: false, updating: true });
  },

  DeleteFunction(ctx, input) {
    const sim = ctx.sim;
    const store = sim.lambda.store;
    const p = store.parse(input.FunctionName, input.Qualifier);
    if (p.qualifier === "$LATEST") throw invalidParameter("$LATEST version cannot be deleted without deleting the function.");
    const fn = store.get(p.name);
    if (p.qualifier !== undefined) {
      const q = p.qualifier;
      if (!isVersionQualifier(q)) throw invalidParameter("Deleting an alias is done with DeleteAlias; DeleteFunction takes a version number as Qualifier.");
      if (!fn.versions.has(q)) return {}; // deleting a version that is not there succeeds
      const pointing = [...fn.aliases.values()].filter((a) => a.functionVersion === q || a.routing?.version === q).map((a) => a.name);
      // §4: a version an alias points to cannot be deleted [unverified wording]
      if (pointing.length > 0) throw resourceConflict(`Unable to delete version because the following aliases reference it: [${pointing.join(", ")}]`);
      fn.versions.delete(q);
      fn.eventInvokeConfigs.delete(q);
      const pc = fn.provisioned.get(q);
      if (pc) {
        sim.lambda.provisioned.release(pc);
        fn.provisioned.delete(q);
      }
      sim.lambda.assignment.retire(fn, q, "deleted", true);
      return {};
    }
    fn.deleted = true;
    for (const pc of fn.provisioned.values()) sim.lambda.provisioned.release(pc);
    fn.provisioned.clear();
    sim.lambda.assignment.retire(fn, null, "deleted", true);
    sim.recorder.timeline(sim.clock.now, "function-deleted", fn.name);
    // §3: event source mappings outlive their function
    return {};
  },

  GetFunction(ctx, input) {
    const sim = ctx.sim;
    const { fn, version, arn } = readVersion(sim, input.FunctionName, input.Qualifier);
    const out: Record<string, unknown> = {
      Configuration: { ...functionConfiguration(sim, fn, version, { qualifiedArn: arn !== fn.arn }), FunctionArn: arn },
      Code: {
        RepositoryType: "S3",
        Location: `https://awslambda-${sim.region}-tasks.s3.${sim.region}.amazonaws.com/snapshots/${sim.accountId}/${fn.name}-${version.config.codeSha256.slice(0, 8)}`,
      },
    };
    if (Object.keys(fn.tags).length > 0) out.Tags = { ...fn.tags };
    if (fn.reservedConcurrency !== null) out.Concurrency = { ReservedConcurrentExecutions: fn.reservedConcurrency };
    return out;
  },

  GetFunctionConfiguration(ctx, input) {
    const sim = ctx.sim;
    const { fn, version, arn } = readVersion(sim, input.FunctionName, input.Qualifier);
    return { ...functionConfiguration(sim, fn, version, { qualifiedArn: arn !== fn.arn }), FunctionArn: arn };
  },

  GetAccountSettings(ctx) {
    const sim = ctx.sim;
    let totalCodeSize = 0;
    let count = 0;
    for (const fn of sim.lambda.store.live()) {
      count++;
      totalCodeSize += fn.latest.config.codeSize;
      for (const v of fn.versions.values()) totalCodeSize += v.config.codeSize;
    }
    return {
      AccountLimit: {
        TotalCodeSize: 80_530_636_800,
        CodeSizeUnzipped: 262_144_000,
        CodeSizeZipped: 52_428_800,
        ConcurrentExecutions: sim.settings.accountConcurrency,
        UnreservedConcurrentExecutions: sim.lambda.counting.unreservedConcurrentExecutions(),
      },
      AccountUsage: { TotalCodeSize: totalCodeSize, FunctionCount: count },
    };
  },
};

/** Operations on $LATEST take a function, never a qualified reference. */
function unqualifiedFunction(sim: Simulation, functionName: string): LambdaFunction {
  const store = sim.lambda.store;
  const p = store.parse(functionName);
  if (p.qualifier !== undefined) {
    throw validation(`1 validation error detected: Value '${functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)`);
  }
  return store.get(p.name);
}

/** Replaces $LATEST's configuration and retires the environments built from the old one. */
function updateLatest(sim: Simulation, fn: LambdaFunction, change: Partial<VersionConfig>): void {
  const old = fn.latest.config;
  fn.latest.config = {
    ...old,
    ...change,
    lastModified: lambdaDate(sim.epochMs, sim.clock.now),
    revisionId: sim.ids.uuid(),
    internalRevision: old.internalRevision + 1,
  };
  if ("deadLetterTargetArn" in change && change.deadLetterTargetArn === undefined) delete fn.latest.config.deadLetterTargetArn;
  sim.lambda.assignment.retire(fn, "$LATEST", "retired");
  sim.recorder.timeline(sim.clock.now, "function-updated", fn.name);
}

/** GetFunction/GetFunctionConfiguration: $LATEST, a version, or the version an alias points to. */
function readVersion(sim: Simulation, functionName: string, qualifier: string | undefined): { fn: LambdaFunction; version: FunctionVersion; arn: string } {
  const store = sim.lambda.store;
  const p = store.parse(functionName, qualifier);
  const fn = store.get(p.name, p.qualifier);
  if (p.qualifier === undefined) return { fn, version: fn.latest, arn: fn.arn };
  const arn = store.arn(fn.name, p.qualifier);
  if (store.isAlias(p.qualifier)) {
    const alias = fn.aliases.get(p.qualifier);
    const v = alias && store.version(fn, alias.functionVersion);
    if (!v) throw store.notFound(arn);
    return { fn, version: v, arn };
  }
  const v = store.version(fn, p.qualifier);
  if (!v) throw store.notFound(arn);
  return { fn, version: v, arn };
}
