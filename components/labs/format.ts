/**
 * How the lab player writes virtual time and AWS names. Traces count milliseconds from the
 * scenario start (docs/scenario-format.md); a learner reads "1 min 1.105 s", not 61105.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Drops trailing zeros: 1.100 → "1.1", 2.000 → "2". */
function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, "");
}

/**
 * A length of time: "105 ms", "1.5 s", "2 min", "1 min 30 s", "6 h", "1 d 2 h". Past a minute
 * it keeps the two largest units, to the whole second, so a tooltip stays short.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "";
  const v = Math.abs(ms);
  if (v < SECOND) return `${sign}${Math.round(v)} ms`;
  if (v < MINUTE) return `${sign}${trim(v / SECOND, 3)} s`;
  const total = Math.round(v / SECOND) * SECOND;
  const units: Array<[number, string]> = [
    [Math.floor(total / DAY), "d"],
    [Math.floor((total % DAY) / HOUR), "h"],
    [Math.floor((total % HOUR) / MINUTE), "min"],
    [Math.floor((total % MINUTE) / SECOND), "s"],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const parts = units.slice(first, first + 2).filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
  return sign + parts.join(" ");
}

/** One unit, rounded: "10 min", "6 h", "1 d" — for labels with no room (the exact value goes in a tooltip). */
export function formatDurationShort(ms: number): string {
  const v = Math.abs(ms);
  if (v < SECOND) return `${Math.round(v)} ms`;
  if (v < MINUTE) return `${Math.round(v / SECOND)} s`;
  if (v < HOUR) return `${Math.round(v / MINUTE)} min`;
  if (v < DAY) return `${Math.round(v / HOUR)} h`;
  return `${Math.round(v / DAY)} d`;
}

/** A moment of virtual time: "t = 1.105 s". Same units as formatDuration, but exact to the ms. */
export function formatAt(ms: number): string {
  if (ms < MINUTE) return formatDuration(ms);
  // Past a minute keep every unit down to the millisecond: retries 1 min apart differ by ms.
  const parts: string[] = [];
  let rest = ms;
  for (const [size, name] of [
    [DAY, "d"],
    [HOUR, "h"],
    [MINUTE, "min"],
  ] as const) {
    const whole = Math.floor(rest / size);
    if (whole > 0) parts.push(`${whole} ${name}`);
    rest -= whole * size;
  }
  if (rest > 0) parts.push(`${trim(rest / SECOND, 3)} s`);
  return parts.join(" ");
}

/** A tick label for a tick `step` ms apart: only as precise as the step needs. */
export function formatTick(ms: number, step: number): string {
  if (step < SECOND) {
    if (ms < MINUTE) return `${trim(ms / SECOND, step < 10 ? 3 : step < 100 ? 2 : 1)} s`;
    return formatAt(ms);
  }
  return formatAt(Math.round(ms / SECOND) * SECOND);
}

export type ResourceKind = "function" | "queue" | "topic" | "stream" | "table" | "table-stream" | "bus" | "role" | "unknown";

export interface ResourceRef {
  kind: ResourceKind;
  name: string;
  /** Version or alias of a function ARN (`…:function:f:live`). */
  qualifier?: string;
  arn?: string;
}

/**
 * What an ARN points at, in the words of the setup cards. ARN formats:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html (lambda
 * `function:name[:qualifier]`, sqs `…:name`, sns `…:name`, kinesis `stream/name`, dynamodb
 * `table/name[/stream/label]`, events `event-bus/name`, iam `role/name`).
 */
export function resourceOf(arnOrName: string): ResourceRef {
  const parts = arnOrName.split(":");
  if (parts[0] !== "arn" || parts.length < 6) {
    // A bare function name, or "name:qualifier" as Invoke accepts.
    const [name, qualifier] = arnOrName.split(":");
    return { kind: "unknown", name: name ?? arnOrName, ...(qualifier ? { qualifier } : {}) };
  }
  const service = parts[2];
  const resource = parts.slice(5).join(":");
  const arn = arnOrName;
  switch (service) {
    case "lambda": {
      const [, name, qualifier] = resource.split(":");
      return { kind: "function", name: name ?? resource, ...(qualifier ? { qualifier } : {}), arn };
    }
    case "sqs":
      return { kind: "queue", name: resource, arn };
    case "sns":
      return { kind: "topic", name: resource.split(":")[0]!, arn };
    case "kinesis":
      return { kind: "stream", name: resource.replace(/^stream\//, ""), arn };
    case "dynamodb": {
      const segs = resource.split("/");
      return { kind: segs[2] === "stream" ? "table-stream" : "table", name: segs[1] ?? resource, arn };
    }
    case "events":
      return { kind: "bus", name: resource.replace(/^event-bus\//, ""), arn };
    case "iam":
      return { kind: "role", name: resource.replace(/^role\//, ""), arn };
    default:
      return { kind: "unknown", name: resource, arn };
  }
}

export const RESOURCE_LABELS: Record<ResourceKind, string> = {
  function: "function",
  queue: "SQS queue",
  topic: "SNS topic",
  stream: "Kinesis stream",
  table: "DynamoDB table",
  "table-stream": "DynamoDB stream",
  bus: "EventBridge bus",
  role: "IAM role",
  unknown: "resource",
};

/** Compact JSON for one table cell, cut at `max` characters. */
export function compactJson(value: unknown, max = 80): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Pretty JSON for a code block (strings that hold JSON were already parsed by the engine). */
export function prettyJson(value: unknown): string {
  if (value === undefined) return "—";
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
