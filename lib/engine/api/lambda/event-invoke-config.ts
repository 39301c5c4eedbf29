import { parseFunctionRef } from "../../aws/arn";
import { constraint, invalidParameter, resourceNotFound, validation } from "../../aws/errors";
import type { EventInvokeConfig, LambdaFunction } from "../../lambda/model";
import type { Simulation } from "../../simulation";
import type { OperationTable } from "../context";

type DestinationConfigInput = { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
type EicInput = {
  FunctionName: string;
  Qualifier?: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: DestinationConfigInput;
};

/**
 * Async invocation configuration (§2.1, §2.3), stored per qualifier. Put replaces the whole
 * config; Update merges into an existing one. A config on $LATEST is not copied to versions.
 */
export const eventInvokeConfigOperations: OperationTable = {
  PutFunctionEventInvokeConfig(ctx, input) {
    return put(ctx.sim, input, false);
  },
  UpdateFunctionEventInvokeConfig(ctx, input) {
    return put(ctx.sim, input, true);
  },
  GetFunctionEventInvokeConfig(ctx, input) {
    const sim = ctx.sim;
    const { fn, qualifier, name } = target(sim, input.FunctionName, input.Qualifier, true);
    const config = fn?.eventInvokeConfigs.get(qualifier);
    if (!fn || !config) throw resourceNotFound(`The function ${sim.lambda.store.arn(name, qualifier)} doesn't have an EventInvokeConfig`);
    return describe(sim, fn, config);
  },
  DeleteFunctionEventInvokeConfig(ctx, input) {
    const sim = ctx.sim;
    const { fn, qualifier, name, given } = target(sim, input.FunctionName, input.Qualifier, true);
    if (!fn || !fn.eventInvokeConfigs.has(qualifier)) throw resourceNotFound(`The function ${sim.lambda.store.arn(name, given)} doesn't have an EventInvokeConfig`);
    fn.eventInvokeConfigs.delete(qualifier);
    return {};
  },
};

function put(sim: Simulation, input: EicInput, merge: boolean) {
  if (input.MaximumEventAgeInSeconds === undefined && input.MaximumRetryAttempts === undefined && input.DestinationConfig === undefined) {
    throw invalidParameter("You must specify at least one of error handling or destination setting.");
  }
  const r = input.MaximumRetryAttempts;
  if (r !== undefined && (!Number.isInteger(r) || r < 0 || r > 2)) {
    throw constraint(r, "maximumRetryAttempts", r < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 2");
  }
  const age = input.MaximumEventAgeInSeconds;
  if (age !== undefined && (!Number.isInteger(age) || age < 60 || age > 21_600)) {
    throw constraint(age, "maximumEventAgeInSeconds", age < 60 ? "Member must have value greater than or equal to 60" : "Member must have value less than or equal to 21600");
  }
  const { fn, qualifier } = target(sim, input.FunctionName, input.Qualifier, false);
  if (!fn) throw resourceNotFound("The function doesn't exist.");
  const existing = fn.eventInvokeConfigs.get(qualifier);
  if (merge && !existing) throw resourceNotFound(`The function ${sim.lambda.store.arn(fn.name, qualifier)} doesn't have an EventInvokeConfig`);
  if (input.DestinationConfig) validateDestinations(sim, fn, input.DestinationConfig);
  const base: EventInvokeConfig = merge && existing ? { ...existing } : { qualifier, lastModified: "" };
  if (r !== undefined) base.maximumRetryAttempts = r;
  if (age !== undefined) base.maximumEventAgeInSeconds = age;
  if (input.DestinationConfig !== undefined) {
    const s = input.DestinationConfig.OnSuccess?.Destination;
    const f = input.DestinationConfig.OnFailure?.Destination;
    if (s) base.onSuccess = s;
    else delete base.onSuccess;
    if (f) base.onFailure = f;
    else delete base.onFailure;
  }
  base.lastModified = String((sim.epochMs + sim.clock.now) / 1000);
  fn.eventInvokeConfigs.set(qualifier, base);
  return describe(sim, fn, base);
}

function describe(sim: Simulation, fn: LambdaFunction, c: EventInvokeConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    LastModified: Number(c.lastModified),
    FunctionArn: sim.lambda.store.arn(fn.name, c.qualifier),
  };
  if (c.maximumRetryAttempts !== undefined) out.MaximumRetryAttempts = c.maximumRetryAttempts;
  if (c.maximumEventAgeInSeconds !== undefined) out.MaximumEventAgeInSeconds = c.maximumEventAgeInSeconds;
  out.DestinationConfig = {
    OnSuccess: c.onSuccess ? { Destination: c.onSuccess } : {},
    OnFailure: c.onFailure ? { Destination: c.onFailure } : {},
  };
  return out;
}

function target(sim: Simulation, functionName: string, q: string | undefined, lenient: boolean): { fn?: LambdaFunction; qualifier: string; name: string; given?: string } {
  const store = sim.lambda.store;
  const p = store.parse(functionName, q);
  const fn = store.functions.get(p.name);
  const qualifier = p.qualifier ?? "$LATEST";
  if (!fn || fn.deleted) return { qualifier, name: p.name, given: p.qualifier };
  if (!lenient && p.qualifier !== undefined && qualifier !== "$LATEST" && !fn.aliases.has(qualifier) && !fn.versions.has(qualifier)) {
    return { qualifier, name: p.name, given: p.qualifier };
  }
  return { fn, qualifier, name: p.name, given: p.qualifier };
}

/** §2.3 destination rules (LocalStack's `_validate_destination_config`, snapshot-verified messages). */
function validateDestinations(sim: Simulation, fn: LambdaFunction, config: DestinationConfigInput): void {
  const success = config.OnSuccess?.Destination;
  const failure = config.OnFailure?.Destination;
  let invalid = false;
  const check = (arn: string, onFailure: boolean) => {
    if (!/^$|^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-])+:([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1})?:(\d{12})?:(.*)$/.test(arn)) {
      throw validation(`1 validation error detected: Value '${arn}' at 'destinationConfig.${onFailure ? "onFailure" : "onSuccess"}.destination' failed to satisfy constraint: Member must satisfy regular expression pattern: ^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)`);
    }
    const service = arn.split(":")[2];
    if (service === "lambda") {
      const ref = parseFunctionRef(arn.split(":").slice(5).join(":").replace(/^function:/, ""));
      const name = ref?.name ?? "";
      const target = sim.lambda.store.functions.get(name);
      if (!target || target.deleted) throw invalidParameter(`The destination ARN ${arn} is invalid.`);
      if (name === fn.name) throw invalidParameter("You can't specify the function as a destination for itself.");
    } else if (service === "s3") {
      if (!onFailure) invalid = true;
    } else if (service !== "sqs" && service !== "sns" && service !== "events") invalid = true;
  };
  if (failure) check(failure, true);
  if (success) check(success, false);
  if (invalid) {
    const s = success ? `OnSuccess(destination=${success})` : "null";
    const f = failure ? `OnFailure(destination=${failure})` : "null";
    throw invalidParameter(`The provided destination config DestinationConfig(onSuccess=${s}, onFailure=${f}) is invalid.`);
  }
}
