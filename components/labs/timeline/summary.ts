/**
 * A run in numbers and in words: what the timeline picture shows, said as text for screen
 * readers and for the what-if comparison ("attempts 3 → 1"). Reads the trace only.
 */
import type { Trace } from "@/lib/labs/types";
import { formatAt, formatDuration, formatDurationShort, resourceOf } from "../format";
import { redrivesOf, sqsMessageIds, streamRecordIds } from "./layout";

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
  lines.push(...whyLines(trace));
  if (s.duplicates) lines.push(`${plural(s.duplicates, "event")} delivered twice.`);
  if (s.throttles) {
    const reasons = [...new Set(trace.throttles.map((t) => t.reason))];
    lines.push(`${plural(s.throttles, "throttle")} (${reasons.join(", ")}).`);
    lines.push(...throttleLines(trace));
  }
  for (const d of trace.deliveries) {
    lines.push(`At ${formatAt(d.at)}: ${d.kind} record from ${d.function} to ${resourceOf(d.target).name} (${d.condition})${d.failed ? ` — not delivered: ${d.failed}` : ""}.`);
  }
  lines.push(`The run ends at ${formatAt(s.endedAt)}.`);
  return lines;
}

const waits = (ms: number[]) => {
  const shown = ms.slice(0, 4).map((m) => formatDurationShort(m));
  return shown.join(", ") + (ms.length > 4 ? ", …" : "");
};

/**
 * Why the picture looks the way it does, in words: the waits before async retries, SQS messages
 * that came back after their visibility timeout, messages SQS moved to a dead-letter queue, and
 * async events that failed with nowhere to go.
 */
export function whyLines(trace: Trace): string[] {
  const out: string[] = [];
  out.push(...coldStartLines(trace));

  // Async retries per function: the wait from the failed attempt to the next (Lambda backs off,
  // about 1 min then 2 min [AsyncErr]; never past the maximum event age).
  const retryWaits = new Map<string, number[]>();
  const retriedEvents = new Map<string, Set<string>>();
  const byRequest = new Map<string, Trace["invocations"]>();
  for (const inv of trace.invocations) if (inv.trigger === "async") byRequest.set(inv.requestId, [...(byRequest.get(inv.requestId) ?? []), inv]);
  for (const group of byRequest.values()) {
    const sorted = [...group].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      const cur = sorted[i]!;
      const prev = [...sorted.slice(0, i)].reverse().find((p) => p.attempt === cur.attempt - 1);
      if (!prev || prev.end === null) continue;
      retryWaits.set(cur.function, [...(retryWaits.get(cur.function) ?? []), cur.start - prev.end]);
      retriedEvents.set(cur.function, (retriedEvents.get(cur.function) ?? new Set<string>()).add(cur.requestId));
    }
  }
  for (const [fn, ms] of retryWaits) {
    const events = retriedEvents.get(fn)?.size ?? 1;
    const times = ms.length === 1 ? "once" : ms.length === 2 ? "twice" : `${ms.length} times`;
    const what = events === 1 ? `${fn}'s failed async event ${times}` : `${events} failed async events of ${fn}, ${ms.length} retries in all`;
    out.push(`Lambda retried ${what}, waiting ${waits(ms)} after the failed attempt before.`);
  }

  // SQS: a message a handler did not get deleted comes back once its visibility timeout runs out.
  const receives = new Map<string, { fn: string; starts: number[] }>();
  for (const inv of [...trace.invocations].sort((a, b) => a.start - b.start)) {
    for (const id of sqsMessageIds(inv)) {
      const r = receives.get(id) ?? { fn: inv.function, starts: [] };
      r.starts.push(inv.start);
      receives.set(id, r);
    }
  }
  const again = new Map<string, { messages: number; gaps: number[] }>();
  for (const { fn, starts } of receives.values()) {
    if (starts.length < 2) continue;
    const a = again.get(fn) ?? { messages: 0, gaps: [] };
    a.messages++;
    for (let i = 1; i < starts.length; i++) a.gaps.push(starts[i]! - starts[i - 1]!);
    again.set(fn, a);
  }
  for (const [fn, a] of again) {
    const gaps = [...new Set(a.gaps.map((g) => formatDurationShort(g)))];
    out.push(`${fn} received ${plural(a.messages, "message")} again, ${gaps.join(" / ")} after the receive before: a message that is not deleted becomes visible again when its visibility timeout runs out.`);
  }
  for (const r of redrivesOf(trace)) {
    out.push(`At ${formatAt(r.at)}: SQS moved a message from ${r.queue} to ${r.target ?? "its dead-letter queue"} after ${plural(r.receives, "receive")} (the redrive policy's maxReceiveCount).`);
  }

  // Streams: a failing batch holds up its shard and is sent again (lambda-semantics §3.2) — whole,
  // or split in two when the mapping bisects — until it succeeds or its records are discarded.
  const lastBatch = new Map<string, number>();
  const resent = new Map<string, { times: number; sizes: number[]; split: boolean }>();
  for (const inv of [...trace.invocations].sort((a, b) => a.start - b.start)) {
    const ids = streamRecordIds(inv);
    if (!ids.length) continue;
    const r = resent.get(inv.function) ?? { times: 0, sizes: [], split: false };
    r.sizes.push(ids.length);
    // Per function: each mapping reads the shard on its own.
    const before = ids.map((id) => lastBatch.get(`${inv.function}\u0000${id}`)).filter((n): n is number => n !== undefined);
    if (before.length) {
      r.times++;
      if (ids.length < Math.max(...before)) r.split = true;
    }
    for (const id of ids) lastBatch.set(`${inv.function}\u0000${id}`, ids.length);
    resent.set(inv.function, r);
  }
  for (const [fn, r] of resent) {
    if (!r.times) continue;
    out.push(`${fn} was sent stream records again ${r.times === 1 ? "once" : `${r.times} times`} (batches of ${r.sizes.join(", ")}): a failing batch holds up its shard and is retried${r.split ? ", split in two each time it fails (BisectBatchOnFunctionError)" : " whole"}.`);
  }

  // Aliases: which version each alias ran — weighted routing picks a version per invocation
  // (lambda-semantics §4), so a canary alias splits its calls.
  const viaAlias = new Map<string, Map<string, number>>();
  for (const inv of trace.invocations) {
    if (inv.attempt !== 1) continue;
    const q = resourceOf(inv.invokedArn).qualifier;
    if (!q || q === "$LATEST" || /^\d+$/.test(q)) continue;
    const key = `${inv.function}:${q}`;
    const versions = viaAlias.get(key) ?? new Map<string, number>();
    versions.set(inv.executedVersion, (versions.get(inv.executedVersion) ?? 0) + 1);
    viaAlias.set(key, versions);
  }
  for (const [alias, versions] of viaAlias) {
    const total = [...versions.values()].reduce((a, b) => a + b, 0);
    const ran = [...versions]
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([v, n]) => `${v === "$LATEST" ? "$LATEST" : `version ${v}`} (${versions.size > 1 ? `${n} of ${total} calls` : plural(n, "call")})`);
    out.push(`Calls through ${alias} ran ${ran.join(", ")}${versions.size > 1 ? " — the alias's weights pick a version for each call" : ""}.`);
  }

  // Too old to try again: Lambda looks ahead and gives up when the next try could not start within
  // MaximumEventAgeInSeconds (lambda-semantics §1.4), so fewer attempts ran than retries allow.
  for (const e of trace.asyncEvents) {
    if (e.outcome !== "failure" || e.condition !== "EventAgeExceeded") continue;
    const tries = `${plural(e.attempts, "attempt")}${e.throttles ? ` and ${plural(e.throttles, "throttle")}` : ""}`;
    out.push(`At ${formatAt(e.endedAt ?? trace.endedAt)}: Lambda gave up on ${e.function}'s event after ${tries} (EventAgeExceeded): the next try could not have started within the event's maximum age.`);
  }

  // Async events that failed with no DLQ or on-failure destination to take them are lost.
  const delivered = new Set(trace.deliveries.map((d) => d.requestId));
  for (const e of trace.asyncEvents) {
    if (e.outcome !== "failure" || delivered.has(e.requestId)) continue;
    out.push(`At ${formatAt(e.endedAt ?? trace.endedAt)}: ${e.function}'s async event was dropped (${e.condition ?? "failed"}) — no dead-letter queue or on-failure destination was set to keep it.`);
  }
  return out;
}

// What each throttle reason means (docs/lambda-semantics.md §1.4).
const THROTTLE_WHY: Record<string, string> = {
  ReservedFunctionConcurrentInvocationLimitExceeded: "every environment its reserved concurrency allows was busy",
  ConcurrentInvocationLimitExceeded: "the account's concurrency (shared by functions without a reservation) was used up",
  FunctionInvocationRateLimitExceeded: "requests came faster than the function's scaling rate allows",
  ZeroReservedConcurrency: "its reserved concurrency is 0, so Lambda runs nothing at all",
};

/** Per function: how many throttles and why, e.g. "report was throttled 3 times: every …". */
export function throttleLines(trace: Trace): string[] {
  const by = new Map<string, { n: number; reasons: Set<string> }>();
  for (const t of trace.throttles) {
    const e = by.get(t.function) ?? { n: 0, reasons: new Set<string>() };
    e.n++;
    e.reasons.add(t.reason);
    by.set(t.function, e);
  }
  return [...by].map(([fn, e]) => {
    const why = [...e.reasons].map((r) => (THROTTLE_WHY[r] ? `${THROTTLE_WHY[r]} (${r})` : r)).join("; ");
    return `${fn} was throttled ${e.n === 1 ? "once" : `${e.n} times`}: ${why}.`;
  });
}

/**
 * Why each cold start happened (lambda-semantics §5): no environment of that version yet, every
 * live one busy with another call (concurrency), or the earlier ones reclaimed after idling —
 * and what it cost: Init before the handler, against the warm calls' time.
 */
export function coldStartLines(trace: Trace): string[] {
  const out: string[] = [];
  const fns = [...new Set(trace.invocations.filter((i) => i.coldStart).map((i) => i.function))];
  for (const fn of fns) {
    const reasons = { first: 0, busy: 0, reclaimed: 0 };
    const inits: number[] = [];
    for (const inv of trace.invocations) {
      if (inv.function !== fn || !inv.coldStart) continue;
      inits.push(inv.initMs);
      const others = trace.environments.filter((e) => e.function === fn && e.version === inv.executedVersion && e.id !== inv.environmentId && e.createdAt <= inv.start);
      const alive = others.filter((e) => e.reclaimedAt === null || e.reclaimedAt > inv.start);
      if (alive.length) reasons.busy++;
      else if (others.length) reasons.reclaimed++;
      else reasons.first++;
    }
    // One cold start on the first call is what every run has: the summary already counts it.
    if (inits.length === 1 && reasons.first === 1) continue;
    const why = [
      reasons.first ? `${reasons.first === 1 ? "1 for the first call" : `${reasons.first} for first calls`} (no environment yet)` : "",
      reasons.busy ? `${reasons.busy} because every warm environment was busy with another call` : "",
      reasons.reclaimed ? `${reasons.reclaimed} because the earlier environments had been reclaimed after idling` : "",
    ].filter(Boolean);
    const warm = trace.invocations.filter((i) => i.function === fn && !i.coldStart && i.end !== null).map((i) => i.end! - i.start);
    const range = (ms: number[]) => {
      const lo = Math.min(...ms);
      const hi = Math.max(...ms);
      return lo === hi ? formatDuration(lo) : `${formatDuration(lo)}–${formatDuration(hi)}`;
    };
    const cost = inits.some((ms) => ms > 0) ? ` Init took ${range(inits)} before the handler${warm.length ? `; warm calls took ${range(warm)}` : ""}.` : "";
    out.push(`${fn}: ${plural(inits.length, "cold start")} — ${why.join(", ")}.${cost}`);
  }
  return out;
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
