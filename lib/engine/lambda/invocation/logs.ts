/**
 * The platform lines Lambda writes to CloudWatch Logs, in its Text format
 * (docs/lambda-semantics.md §5 and §6): INIT_START once per Init, START / END / REPORT per
 * invocation, `Init Duration` on the REPORT of an invocation that ran Init. Since
 * 1 Aug 2025 Init is billed for every configuration [InitBilling], so Billed Duration includes it.
 */

/** A fixed runtime version per Node.js major, like the ARN AWS prints on INIT_START. */
const RUNTIME_VERSIONS: Record<string, string> = {
  "nodejs18.x": "nodejs:18.v52",
  "nodejs20.x": "nodejs:20.v48",
  "nodejs22.x": "nodejs:22.v29",
};

export function runtimeVersion(runtime: string): string {
  return RUNTIME_VERSIONS[runtime] ?? `${runtime.replace(".x", "")}.v1`;
}

export function initStartLine(runtime: string, runtimeVersionArn: string): string {
  return `INIT_START Runtime Version: ${runtimeVersion(runtime)}\tRuntime Version ARN: ${runtimeVersionArn}`;
}

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportFields {
  requestId: string;
  durationMs: number;
  initMs: number;
  memoryMb: number;
  maxMemoryUsedMb: number;
  status?: "timeout" | "error";
  errorType?: string;
}

export function reportLine(r: ReportFields): string {
  const billed = Math.ceil(r.durationMs + r.initMs);
  let line = `REPORT RequestId: ${r.requestId}\tDuration: ${ms2(r.durationMs)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${r.memoryMb} MB\tMax Memory Used: ${r.maxMemoryUsedMb} MB`;
  if (r.initMs > 0) line += `\tInit Duration: ${ms2(r.initMs)} ms`;
  if (r.status) line += `\tStatus: ${r.status}`;
  if (r.errorType) line += `\tError Type: ${r.errorType}`;
  return line;
}

/** Milliseconds with two decimals, as REPORT prints them (virtual durations are whole ms: no toFixed). */
function ms2(ms: number): string {
  return Number.isInteger(ms) ? `${ms}.00` : ms.toFixed(2);
}

/** Node's runtime prefixes what the function prints: `<ISO time>\t<request id>\t<LEVEL>\t<text>`. */
export function functionLine(iso: string, requestId: string | undefined, level: string, text: string): string {
  return `${iso}\t${requestId ?? "undefined"}\t${level}\t${text}`;
}

/** What Node's runtime logs when a handler rejects: `Invoke Error \t{json}`. */
export function invokeErrorLine(iso: string, requestId: string, errorType: string, errorMessage: string, trace: string[]): string {
  return functionLine(iso, requestId, "ERROR", `Invoke Error \t${JSON.stringify({ errorType, errorMessage, stack: trace })}`);
}

export function timeoutLine(iso: string, requestId: string, timeoutSeconds: number): string {
  return `${iso} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}
