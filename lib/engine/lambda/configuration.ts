import type { Simulation } from "../simulation";
import type { FunctionVersion, LambdaFunction } from "./model";

export interface ConfigurationView {
  /** Return the qualified ARN (a version, or a call with a Qualifier). */
  qualifiedArn: boolean;
  /** CreateFunction's response: State Pending, no LastUpdateStatus. */
  creating?: boolean;
  /** UpdateFunctionCode/Configuration's response: LastUpdateStatus InProgress. */
  updating?: boolean;
}

/**
 * The FunctionConfiguration shape the Lambda API returns (fields as recorded in LocalStack's
 * snapshots against AWS). Creation and updates are instantaneous in virtual time, so a
 * function reads `Active` / `Successful` right after the call that answered `Pending` / `InProgress`.
 */
export function functionConfiguration(sim: Simulation, fn: LambdaFunction, v: FunctionVersion, view: ConfigurationView): Record<string, unknown> {
  const c = v.config;
  const out: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: view.qualifiedArn ? v.arn : fn.arn,
    Runtime: c.runtime,
    Role: c.role,
    Handler: c.handler,
    CodeSize: c.codeSize,
    Description: c.description,
    Timeout: c.timeout,
    MemorySize: c.memorySize,
    LastModified: c.lastModified,
    CodeSha256: c.codeSha256,
    Version: v.version,
    Environment: { Variables: { ...c.environment } },
  };
  if (c.deadLetterTargetArn) out.DeadLetterConfig = { TargetArn: c.deadLetterTargetArn };
  out.TracingConfig = { Mode: "PassThrough" };
  out.RevisionId = c.revisionId;
  if (view.creating || sim.clock.now < fn.activeAt) {
    out.State = "Pending";
    out.StateReason = "The function is being created.";
    out.StateReasonCode = "Creating";
  } else out.State = "Active";
  if (view.updating) {
    out.LastUpdateStatus = "InProgress";
    out.LastUpdateStatusReason = "The function is being created.";
    out.LastUpdateStatusReasonCode = "Creating";
  } else if (!view.creating && v.version === "$LATEST") out.LastUpdateStatus = "Successful";
  out.PackageType = "Zip";
  out.Architectures = [...c.architectures];
  out.EphemeralStorage = { Size: c.ephemeralStorageMb };
  out.SnapStart = { ApplyOn: "None", OptimizationStatus: "Off" };
  out.RuntimeVersionConfig = { RuntimeVersionArn: sim.lambda.runtimeVersionArn(c.runtime) };
  out.LoggingConfig = { LogFormat: "Text", LogGroup: `/aws/lambda/${fn.name}` };
  return out;
}
