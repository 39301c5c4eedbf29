/**
 * A run in numbers and in words: what the timeline picture shows, said as text for screen
 * readers and for the what-if comparison ("attempts 3 → 1"). Reads the trace only.
 */
import type { Trace } from "@/lib/labs/types";
import { formatAt, formatDuration, resourceOf } from "../format";

export interface RunStats {
  invocations: number;
  /** Handler runs that retried an earlier attempt (async retries, stream batch retries). */
  retries: number;
  /** Extra copies of async events delivered by at-least-once delivery. */
  duplicates: number;
  coldStarts: number;
  success: number;
  errors: number;
  timeouts: number;
  crashes: number;
  running: number;
  throttles: number;
  deliveries: number;
  environments: number;
  /** Virtual time at which the run ended. */
  endedAt: number;
}

export function runStats(trace: Trace): RunStats {
  const inv = trace.invocations;
  const count = (status: string) => inv.filter((i) => i.status === status).length;
  return {
    invocations: inv.length,
    retries: inv.filter((i) => i.attempt > 1).length,
    duplicates: trace.asyncEvents.filter((e) => e.duplicate).length,
    coldStarts: inv.filter((i) => i.coldStart).length,
    success: count("success"),
    errors: count("error"),
    timeouts: count("timeout"),
    crashes: count("crash"),
    running: count("running"),
    throttles: trace.throttles.length,
    deliveries: trace.deliveries.length,
    environments: trace.environments.length,
    endedAt: trace.endedAt,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A few sentences that say what the picture shows. */
export function describeRun(trace: Trace): string[] {
  const s = runStats(trace);
  const lines: string[] = [];
  const functions = [...new Set(trace.invocations.map((i) => i.function))];
  if (s.invocations === 0) {
    lines.push("No handler ran in this run.");
  } else {
    const outcomes = [
      s.success ? plural(s.success, "success", "successes") : "",
      s.errors ? plural(s.errors, "error") : "",
      s.timeouts ? plural(s.timeouts, "timeout") : "",
      s.crashes ? plural(s.crashes, "crash", "crashes") : "",
      s.running ? `${s.running} still running at the end` : "",
    ].filter(Boolean);
    lines.push(
      `${plural(s.invocations, "invocation")} of ${functions.join(", ")} in ${plural(s.environments, "execution environment")}: ${outcomes.join(", ")}. ` +
        `${plural(s.coldStarts, "cold start")}.`,
    );
  }
  if (s.retries) lines.push(`${plural(s.retries, "retry", "retries")} (attempt 2 or later).`);
  if (s.duplicates) lines.push(`${plural(s.duplicates, "event")} delivered twice.`);
  if (s.throttles) {
    const reasons = [...new Set(trace.throttles.map((t) => t.reason))];
    lines.push(`${plural(s.throttles, "throttle")} (${reasons.join(", ")}).`);
  }
  for (const d of trace.deliveries) {
    lines.push(`At ${formatAt(d.at)}: ${d.kind} record from ${d.function} to ${resourceOf(d.target).name} (${d.condition})${d.failed ? ` — not delivered: ${d.failed}` : ""}.`);
  }
  lines.push(`The run ends at ${formatAt(s.endedAt)}.`);
  return lines;
}

/** One line per invocation, in start order: the text version of the bars. */
export function invocationLines(trace: Trace): string[] {
  return trace.invocations.map((i) => {
    const duration = i.end !== null ? formatDuration(i.end - i.start) : "still running";
    const init = i.initMs > 0 ? `, Init ${formatDuration(i.initMs)}` : "";
    const error = i.errorType ? ` — ${i.errorType}${i.errorMessage ? `: ${i.errorMessage}` : ""}` : "";
    return `${formatAt(i.start)}: ${i.function} (${i.executedVersion}) attempt ${i.attempt} in ${i.environmentId}, ${i.trigger}, ${i.status}, ${duration}${init}${error}`;
  });
}

export interface StatDiff {
  key: keyof RunStats;
  label: string;
  before: number;
  after: number;
}

const DIFF_ROWS: Array<[keyof RunStats, string]> = [
  ["invocations", "Invocations (handler runs)"],
  ["retries", "Retries (attempt 2 or later)"],
  ["duplicates", "Duplicate deliveries"],
  ["coldStarts", "Cold starts"],
  ["errors", "Errors"],
  ["timeouts", "Timeouts"],
  ["crashes", "Crashes"],
  ["throttles", "Throttles"],
  ["deliveries", "Deliveries (DLQ / destinations)"],
  ["environments", "Execution environments"],
  ["endedAt", "Run ends at (ms)"],
];

/** Before → after for the what-if panel; rows where both runs are 0 are left out. */
export function diffRuns(before: Trace, after: Trace): StatDiff[] {
  const a = runStats(before);
  const b = runStats(after);
  return DIFF_ROWS.filter(([key]) => a[key] !== 0 || b[key] !== 0).map(([key, label]) => ({ key, label, before: a[key], after: b[key] }));
}
