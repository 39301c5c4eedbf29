import { base64Encode, sha256, utf8Encode, utf8Length } from "../../core/encoding";
import { AwsError, constraint, invalidParameter, validation } from "../../aws/errors";
import type { Simulation } from "../../simulation";

/** Node.js runtimes the sandbox runs. */
export const SUPPORTED_RUNTIMES = ["nodejs18.x", "nodejs20.x", "nodejs22.x"];
/** Runtimes AWS accepts that the engine cannot run (handlers are JavaScript here). */
const OTHER_AWS_RUNTIMES = [
  "nodejs16.x", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "java11", "java17", "java21",
  "dotnet8", "ruby3.2", "ruby3.3", "provided.al2", "provided.al2023",
];

/** Variables Lambda sets itself; a function may not define them (AWS: reserved keys). */
const RESERVED_ENV = [
  "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
];

const ROLE_PATTERN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

export function checkRuntime(runtime: string): void {
  if (SUPPORTED_RUNTIMES.includes(runtime)) return;
  if (OTHER_AWS_RUNTIMES.includes(runtime)) {
    throw invalidParameter(`The runtime ${runtime} is valid on AWS but Lambda Lab runs Node.js handlers only: use one of ${SUPPORTED_RUNTIMES.join(", ")}.`);
  }
  throw invalidParameter(`Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${[...SUPPORTED_RUNTIMES, ...OTHER_AWS_RUNTIMES].join(", ")}] or be a valid ARN`);
}

/** Timeout 1–900 s, MemorySize 128–10,240 MB, /tmp 512–10,240 MB (§5, §6). */
export function checkLimits(input: { Timeout?: number; MemorySize?: number; EphemeralStorage?: { Size: number }; Architectures?: string[] }): void {
  const t = input.Timeout;
  if (t !== undefined) {
    if (!Number.isInteger(t) || t < 1) throw constraint(t, "timeout", "Member must have value greater than or equal to 1");
    if (t > 900) throw constraint(t, "timeout", "Member must have value less than or equal to 900");
  }
  const m = input.MemorySize;
  if (m !== undefined) {
    if (!Number.isInteger(m) || m < 128) throw constraint(m, "memorySize", "Member must have value greater than or equal to 128");
    if (m > 10_240) throw constraint(m, "memorySize", "Member must have value less than or equal to 10240");
  }
  const e = input.EphemeralStorage?.Size;
  if (e !== undefined && (!Number.isInteger(e) || e < 512 || e > 10_240)) {
    throw constraint(e, "ephemeralStorage.size", e < 512 ? "Member must have value greater than or equal to 512" : "Member must have value less than or equal to 10240");
  }
  const a = input.Architectures;
  if (a !== undefined) {
    if (a.length !== 1) throw validation(`1 validation error detected: Value '[${a.join(", ")}]' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1`);
    if (a[0] !== "x86_64" && a[0] !== "arm64") {
      throw validation(`1 validation error detected: Value '[${a.join(", ")}]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]`);
    }
  }
}

/** §6: variables total at most 4 KB; reserved keys refused. */
export function checkEnvironment(vars: Record<string, string>): void {
  const reserved = Object.keys(vars).filter((k) => RESERVED_ENV.includes(k));
  if (reserved.length > 0) {
    throw invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(", ")}`);
  }
  const dumped = JSON.stringify(vars);
  if (utf8Length(dumped) > 4096) {
    throw invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${dumped}`);
  }
}

/** The role must be an IAM role ARN the account knows; absent = the lab's allow-all default role. */
export function checkRole(sim: Simulation, role: string | undefined): string {
  if (role === undefined) return sim.iam.defaultRoleArn;
  if (!ROLE_PATTERN.test(role)) {
    throw validation(`1 validation error detected: Value '${role}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`);
  }
  if (!sim.iam.byArn(role)) throw invalidParameter("The role defined for the function cannot be assumed by Lambda.");
  return role;
}

/** §2.2: the DLQ is a standard SQS queue or an SNS topic the execution role may send to. */
export function checkDeadLetterTarget(sim: Simulation, target: string | undefined, role: string): string | undefined {
  if (target === undefined || target === "") return undefined;
  const service = target.split(":")[2];
  if (!target.startsWith("arn:") || (service !== "sqs" && service !== "sns")) {
    throw invalidParameter("The provided target arn is invalid: only SQS queues and SNS topics can be dead-letter targets.");
  }
  const action = service === "sqs" ? "sqs:SendMessage" : "sns:Publish";
  if (!sim.iam.allows(role, action)) {
    throw invalidParameter(`The provided execution role does not have permissions to call ${action.split(":")[1]} on ${service === "sqs" ? "SQS" : "SNS"}`);
  }
  return target;
}

/** §6: 50 MB zipped upload limit. */
export function checkCodeSize(code: string): void {
  if (utf8Length(code) > 52_428_800) throw new AwsError("RequestEntityTooLargeException", "Zipped size must be smaller than 52428800 bytes", 413);
}

export function codeSha256(code: string): string {
  return base64Encode(sha256(utf8Encode(code)));
}
