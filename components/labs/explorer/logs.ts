/**
 * CloudWatch lines for one invocation. An environment runs one invocation at a time and writes
 * to its own log stream (docs/scenario-format.md "logs"), so an invocation's lines are the ones
 * of its environment's stream from its Init (INIT_START, when it had one) or `START RequestId`
 * through `REPORT RequestId` — matched by stream and time, because retries and duplicate
 * deliveries reuse the request id.
 */
import type { InvocationRecord, LogRecord, Trace } from "@/lib/labs/types";

export function logsForInvocation(trace: Pick<Trace, "logs" | "environments" | "endedAt">, inv: Pick<InvocationRecord, "environmentId" | "requestId" | "start" | "end">): LogRecord[] {
  const env = trace.environments.find((e) => e.id === inv.environmentId);
  if (!env) return [];
  const end = inv.end ?? trace.endedAt;
  const lines = trace.logs.filter((l) => l.stream === env.logStream && l.at >= inv.start && l.at <= end);
  // Two invocations can touch at one instant (one's REPORT and the next's START): cut at this
  // invocation's own START … REPORT.
  const startAt = lines.findIndex((l) => l.line.startsWith(`START RequestId: ${inv.requestId}`));
  const reportAt = lines.findIndex((l) => l.line.startsWith(`REPORT RequestId: ${inv.requestId}`));
  if (startAt < 0) return lines;
  let from = startAt;
  while (from > 0 && !/^(START|END|REPORT) RequestId:/.test(lines[from - 1]!.line)) from--;
  return lines.slice(from, reportAt >= 0 ? reportAt + 1 : undefined);
}

/** The environment a log stream belongs to, for labelling log lines. */
export function environmentOfStream(trace: Pick<Trace, "environments">): Map<string, string> {
  return new Map(trace.environments.map((e) => [e.logStream, e.id]));
}

/**
 * A DynamoDB item in attribute-value JSON made readable: `{ id: { S: "a" }, n: { N: "2" } }` →
 * `{ id: "a", n: 2 }` (number sets and binary stay as written).
 */
export function unmarshall(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [type, v] = entries[0]!;
    switch (type) {
      case "S":
        return v;
      case "N":
        return Number(v);
      case "BOOL":
        return v;
      case "NULL":
        return null;
      case "L":
        return Array.isArray(v) ? v.map(unmarshall) : v;
      case "M":
        return unmarshallItem(v);
      case "SS":
      case "NS":
      case "B":
      case "BS":
        return v;
    }
  }
  return unmarshallItem(value);
}

export function unmarshallItem(item: unknown): unknown {
  if (!item || typeof item !== "object" || Array.isArray(item)) return item;
  return Object.fromEntries(Object.entries(item as Record<string, unknown>).map(([k, v]) => [k, unmarshall(v)]));
}
