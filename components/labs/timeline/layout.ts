/**
 * Where everything in the timeline picture goes, computed from a trace alone (the UI never reads
 * engine internals). One lane per execution environment, grouped under its function (and
 * version); invocation bars coloured by outcome with the Init part of a cold start drawn at the
 * bar's start; retries of one async event linked to the attempt before (same request id, as
 * Lambda keeps it across retries [AsyncErr]); duplicate deliveries of one event linked too; an
 * SQS message received again after its visibility timeout linked to the receive before (same
 * messageId); throttles, deliveries (DLQ, on-success / on-failure destinations) and SQS redrives
 * to a queue's dead-letter queue as marks on their function's row; the calls the scenario made on a row of their own; each environment's life
 * from creation to reclaim.
 *
 * Pure and deterministic: `layoutTimeline(trace, { width })` — zooming is a wider width.
 */
import type { Trace } from "@/lib/labs/types";
import { resourceOf } from "../format";
import { buildAxis, timeToX, type Axis, type Interval } from "./axis";

export type BarStatus = "success" | "error" | "timeout" | "crash" | "running";

export const ROW = {
  axis: 30,
  calls: 26,
  fn: 28,
  lane: 24,
  bar: 14,
  gap: 6,
} as const;

export interface Lane {
  id: string;
  function: string;
  version: string;
  provisioned: boolean;
  y: number;
  /** Environment lifetime, created → reclaimed (or the end of the run). */
  life: { x0: number; x1: number; createdAt: number; reclaimedAt: number | null; reclaimReason: string | null; readyAt: number | null };
  /** A provisioned environment's Init, run ahead of any traffic (px), when it took time. */
  preInit: { x0: number; x1: number } | null;
  resets: number;
  invocations: number;
}

export interface FunctionRow {
  function: string;
  y: number;
  lanes: number;
}

export interface Bar {
  /** Index in trace.invocations. */
  index: number;
  requestId: string;
  function: string;
  version: string;
  environmentId: string;
  trigger: string;
  step: string | null;
  attempt: number;
  status: BarStatus;
  coldStart: boolean;
  initMs: number;
  start: number;
  end: number | null;
  errorType?: string;
  errorMessage?: string;
  x: number;
  width: number;
  /** Width of the Init part at the start of the bar (0 when warm). */
  initWidth: number;
  y: number;
}

export interface Link {
  /** retry: a later attempt of one async event; duplicate: the same event delivered twice;
   *  redelivery: an SQS message received again once its visibility timeout ran out, or stream
   *  records sent again after their batch failed (whole, or split in two when bisecting). */
  kind: "retry" | "duplicate" | "redelivery";
  /** Which poller sent the records again (redelivery only). */
  via?: "sqs" | "stream";
  /** The event's request id; for a redelivery, the (first) SQS message id or stream event id. */
  requestId: string;
  /** The wait the link stands for: a retry from the end of the attempt before (Lambda's async
   *  backoff, ~1 min then ~2 min [AsyncErr]); an SQS redelivery from the receive before (≈ the
   *  visibility timeout); a stream retry from the end of the failed batch (the mapping's
   *  backoff); 0 for a duplicate. */
  delayMs: number;
  /** Messages or records of the batch that came back together (redelivery only; else 1). */
  messages: number;
  from: number;
  to: number;
  /** Connector from the end of one bar to the start of the next. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ThrottleMark {
  x: number;
  y: number;
  at: number;
  function: string;
  trigger: string;
  reason: string;
  step: string | null;
}

export interface DeliveryMark {
  x: number;
  y: number;
  at: number;
  function: string;
  kind: "on-success" | "on-failure" | "dlq";
  target: string;
  targetKind: string;
  condition: string;
  requestId: string;
  failed?: string;
}

/** SQS moved a message to the queue's dead-letter queue (redrive policy, maxReceiveCount). */
export interface RedriveMark {
  x: number;
  y: number;
  at: number;
  /** The consuming function (the row the mark sits on). */
  function: string;
  queue: string;
  /** Where the message went, when the trace still shows it there. */
  target: string | null;
  messageId: string;
  /** How many times a handler received the message before SQS gave up on it. */
  receives: number;
}

export interface CallMark {
  x: number;
  y: number;
  at: number;
  stepId: string;
  op: string;
  outcome: string;
  failed: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axis: Axis;
  calls: CallMark[];
  functions: FunctionRow[];
  lanes: Lane[];
  bars: Bar[];
  links: Link[];
  throttles: ThrottleMark[];
  deliveries: DeliveryMark[];
  redrives: RedriveMark[];
}

// Calls worth a mark: the ones that send traffic. Table writes at t = 0 seed the setup (the setup
// cards show them), so they are left off.
const TRAFFIC = new Set(["Invoke", "SendMessage", "SendMessageBatch", "Publish", "PutRecord", "PutRecords", "PutEvents", "PutItem", "UpdateItem", "DeleteItem"]);
const SEEDING = new Set(["PutItem", "UpdateItem", "DeleteItem"]);
const isCall = (s: Trace["steps"][number]) => TRAFFIC.has(s.op) && !(s.at === 0 && SEEDING.has(s.op));

const MIN_BAR_PX = 3;

function callOutcome(step: Trace["steps"][number]): { outcome: string; failed: boolean } {
  if (step.error) return { outcome: step.error.type, failed: true };
  if (step.pending) return { outcome: "no response before the run stopped", failed: false };
  const r = step.response as Record<string, unknown> | undefined;
  if (r && typeof r.StatusCode === "number") return { outcome: `${r.StatusCode}${r.FunctionError ? ` (${String(r.FunctionError)} error)` : ""}`, failed: Boolean(r.FunctionError) };
  return { outcome: "ok", failed: false };
}

/** Stream record ids (Kinesis and DynamoDB Streams `eventID`) in an invocation's batch, in order. */
export function streamRecordIds(inv: Pick<Trace["invocations"][number], "trigger" | "event">): string[] {
  if (inv.trigger !== "kinesis" && inv.trigger !== "dynamodb") return [];
  const records = (inv.event as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((r) => (r && typeof r === "object" && typeof (r as { eventID?: unknown }).eventID === "string" ? [(r as { eventID: string }).eventID] : []));
}

/** SQS message ids in an invocation's event (an SQS batch), in order. */
export function sqsMessageIds(inv: Pick<Trace["invocations"][number], "trigger" | "event">): string[] {
  if (inv.trigger !== "sqs") return [];
  const records = (inv.event as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((r) => (r && typeof r === "object" && typeof (r as { messageId?: unknown }).messageId === "string" ? [(r as { messageId: string }).messageId] : []));
}

export interface Redrive {
  at: number;
  queue: string;
  messageId: string;
  /** The function an event source mapping feeds from the queue, if any. */
  function: string | null;
  target: string | null;
  receives: number;
}

/** The trace's `message-redriven` moments, with the queue's consumer and where the message went. */
export function redrivesOf(trace: Trace): Redrive[] {
  const consumers = new Map<string, string>();
  for (const m of trace.eventSourceMappings as Array<{ EventSourceArn?: unknown; FunctionArn?: unknown }>) {
    if (typeof m?.EventSourceArn !== "string" || typeof m.FunctionArn !== "string") continue;
    const source = resourceOf(m.EventSourceArn);
    if (source.kind === "queue" && !consumers.has(source.name)) consumers.set(source.name, resourceOf(m.FunctionArn).name);
  }
  return (trace.timeline ?? [])
    .filter((e) => e.kind === "message-redriven")
    .map((e) => {
      const slash = e.ref.indexOf("/");
      const queue = slash < 0 ? e.ref : e.ref.slice(0, slash);
      const messageId = slash < 0 ? "" : e.ref.slice(slash + 1);
      // SQS keeps the message id when it moves a message to the dead-letter queue.
      const target = Object.entries(trace.queues).find(([name, q]) => name !== queue && q.messages.some((m) => m.MessageId === messageId))?.[0] ?? null;
      const receives = trace.invocations.filter((i) => i.start <= e.at && sqsMessageIds(i).includes(messageId)).length;
      return { at: e.at, queue, messageId, function: consumers.get(queue) ?? null, target, receives };
    });
}

/** Everything that happens at a moment worth seeing: the axis clusters around these. */
export function activityOf(trace: Trace): Interval[] {
  const out: Interval[] = [];
  const end = trace.endedAt;
  for (const inv of trace.invocations) out.push({ t0: inv.start, t1: inv.end ?? end });
  for (const t of trace.throttles) out.push({ t0: t.at, t1: t.at });
  for (const d of trace.deliveries) out.push({ t0: d.at, t1: d.at });
  for (const e of trace.environments) {
    // Provisioned environments initialise ahead of traffic: that Init is worth seeing.
    if (e.provisioned) out.push({ t0: e.createdAt, t1: e.readyAt ?? e.createdAt });
    if (e.reclaimedAt !== null) out.push({ t0: e.reclaimedAt, t1: e.reclaimedAt });
  }
  for (const s of trace.steps) if (isCall(s)) out.push({ t0: s.at, t1: s.completedAt ?? s.at });
  for (const r of redrivesOf(trace)) if (r.function) out.push({ t0: r.at, t1: r.at });
  return out;
}

export interface LayoutOptions {
  /** Plot width in px at zoom 1 × zoom (labels are drawn outside the plot). */
  width: number;
  /** Narrow screens: thinner breaks and clusters, so a whole run still fits at zoom 1. */
  compact?: boolean;
  /** Free px to the right of the plot (see AxisOptions.trailingRoom). */
  trailingRoom?: number;
}

export function layoutTimeline(trace: Trace, opts: LayoutOptions): TimelineLayout {
  const axis = buildAxis(activityOf(trace), { width: opts.width, trailingRoom: opts.trailingRoom ?? 0, ...(opts.compact ? { breakWidth: 34, minSegmentWidth: 40 } : {}) });
  const x = (t: number) => timeToX(axis, t);
  const endX = axis.width;

  let y = ROW.axis;
  const calls: CallMark[] = [];
  const callSteps = trace.steps.filter(isCall);
  const callsY = y + ROW.calls / 2;
  for (const s of callSteps) calls.push({ x: x(s.at), y: callsY, at: s.at, stepId: s.id, op: s.op, ...callOutcome(s) });
  if (callSteps.length) y += ROW.calls;

  // Functions in the order they first appear (environments, throttles, deliveries).
  const order: string[] = [];
  const seen = (f: string) => {
    if (!order.includes(f)) order.push(f);
  };
  trace.environments.forEach((e) => seen(e.function));
  trace.throttles.forEach((t) => seen(t.function));
  trace.deliveries.forEach((d) => seen(d.function));
  const redrives = redrivesOf(trace);

  const functions: FunctionRow[] = [];
  const lanes: Lane[] = [];
  const laneById = new Map<string, Lane>();
  const fnRowY = new Map<string, number>();
  for (const fn of order) {
    y += ROW.gap;
    const envs = trace.environments
      .filter((e) => e.function === fn)
      // Versions together ($LATEST first, then by number), provisioned before on-demand, then by creation.
      .sort((a, b) => versionRank(a.version) - versionRank(b.version) || Number(b.provisioned) - Number(a.provisioned) || a.createdAt - b.createdAt);
    functions.push({ function: fn, y, lanes: envs.length });
    fnRowY.set(fn, y + ROW.fn / 2);
    y += ROW.fn;
    for (const e of envs) {
      const lane: Lane = {
        id: e.id,
        function: fn,
        version: e.version,
        provisioned: e.provisioned,
        y,
        life: { x0: x(e.createdAt), x1: e.reclaimedAt !== null ? x(e.reclaimedAt) : endX, createdAt: e.createdAt, reclaimedAt: e.reclaimedAt, reclaimReason: e.reclaimReason, readyAt: e.readyAt },
        resets: e.resets,
        invocations: e.invocations,
        preInit: e.provisioned && e.readyAt !== null && e.readyAt > e.createdAt ? { x0: x(e.createdAt), x1: x(e.readyAt) } : null,
      };
      lanes.push(lane);
      laneById.set(e.id, lane);
      y += ROW.lane;
    }
  }

  const bars: Bar[] = [];
  trace.invocations.forEach((inv, index) => {
    const lane = laneById.get(inv.environmentId);
    if (!lane) return;
    const x0 = x(inv.start);
    const x1 = x(inv.end ?? trace.endedAt);
    const width = Math.max(x1 - x0, MIN_BAR_PX);
    const initWidth = inv.initMs > 0 ? Math.min(Math.max(x(inv.start + inv.initMs) - x0, 1.5), width - 1) : 0;
    bars.push({
      index,
      requestId: inv.requestId,
      function: inv.function,
      version: inv.executedVersion,
      environmentId: inv.environmentId,
      trigger: inv.trigger,
      step: inv.step,
      attempt: inv.attempt,
      status: inv.status,
      coldStart: inv.coldStart,
      initMs: inv.initMs,
      start: inv.start,
      end: inv.end,
      ...(inv.errorType ? { errorType: inv.errorType } : {}),
      ...(inv.errorMessage ? { errorMessage: inv.errorMessage } : {}),
      x: x0,
      width,
      initWidth,
      y: lane.y + (ROW.lane - ROW.bar) / 2,
    });
  });

  const links: Link[] = [];
  const byRequest = new Map<string, Bar[]>();
  for (const b of bars) byRequest.set(b.requestId, [...(byRequest.get(b.requestId) ?? []), b]);
  for (const [requestId, group] of byRequest) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => a.start - b.start || a.attempt - b.attempt);
    for (let i = 1; i < sorted.length; i++) {
      const cur = sorted[i]!;
      // A later attempt links to the attempt before it; the same attempt twice is a duplicate
      // delivery (at-least-once), linked to the first copy.
      const prev = cur.attempt > 1 ? [...sorted.slice(0, i)].reverse().find((b) => b.attempt === cur.attempt - 1) : sorted.find((b) => b.attempt === cur.attempt && b !== cur);
      if (!prev) continue;
      const kind = cur.attempt > prev.attempt ? "retry" : "duplicate";
      links.push({
        kind,
        requestId,
        delayMs: kind === "retry" ? cur.start - (prev.end ?? prev.start) : 0,
        messages: 1,
        from: prev.index,
        to: cur.index,
        // A retry runs after the attempt before it ends; a duplicate copy runs alongside the first.
        x1: kind === "retry" ? prev.x + prev.width : prev.x,
        y1: prev.y + ROW.bar / 2,
        x2: cur.x,
        y2: cur.y + ROW.bar / 2,
      });
    }
  }

  // An SQS message that comes back (its visibility timeout ran out before the handler succeeded and
  // Lambda deleted it) is received again with the same messageId in a new invocation; stream
  // records of a failed batch are sent again with the same eventID (the whole batch, or its halves
  // when the mapping bisects) — each linked to the last invocation that had them.
  const lastReceive = new Map<string, Bar>();
  const linked = new Map<string, Link>();
  for (const b of [...bars].sort((a, c) => a.start - c.start || a.index - c.index)) {
    const inv = trace.invocations[b.index]!;
    const sqs = sqsMessageIds(inv);
    const via = sqs.length ? "sqs" : "stream";
    // Each stream mapping reads the shard on its own (two functions get the same records), so
    // stream records are followed per function; an SQS message is one message, whoever receives it.
    for (const id of sqs.length ? sqs : streamRecordIds(inv)) {
      const recordKey = via === "sqs" ? id : `${inv.function}\u0000${id}`;
      const prev = lastReceive.get(recordKey);
      lastReceive.set(recordKey, b);
      if (!prev || prev === b) continue;
      const key = `${prev.index}>${b.index}`;
      const existing = linked.get(key);
      if (existing) {
        existing.messages++;
        continue;
      }
      const delayMs = via === "sqs" ? b.start - prev.start : b.start - (prev.end ?? prev.start);
      const link: Link = { kind: "redelivery", via, requestId: id, delayMs, messages: 1, from: prev.index, to: b.index, x1: prev.x + prev.width, y1: prev.y + ROW.bar / 2, x2: b.x, y2: b.y + ROW.bar / 2 };
      linked.set(key, link);
      links.push(link);
    }
  }

  const throttles: ThrottleMark[] = trace.throttles.map((t) => ({ x: x(t.at), y: fnRowY.get(t.function) ?? 0, at: t.at, function: t.function, trigger: t.trigger, reason: t.reason, step: t.step }));
  const deliveries: DeliveryMark[] = trace.deliveries.map((d) => {
    const target = resourceOf(d.target);
    return {
      x: x(d.at),
      y: fnRowY.get(d.function) ?? 0,
      at: d.at,
      function: d.function,
      kind: d.kind,
      target: target.name,
      targetKind: target.kind,
      condition: d.condition,
      requestId: d.requestId,
      ...(d.failed ? { failed: d.failed } : {}),
    };
  });

  const redriveMarks: RedriveMark[] = redrives.flatMap((r) => {
    const rowY = r.function !== null ? fnRowY.get(r.function) : undefined;
    return rowY === undefined ? [] : [{ x: x(r.at), y: rowY, at: r.at, function: r.function!, queue: r.queue, target: r.target, messageId: r.messageId, receives: r.receives }];
  });

  return { width: axis.width, height: y + ROW.gap, axis, calls, functions, lanes, bars, links, throttles, deliveries, redrives: redriveMarks };
}

function versionRank(v: string): number {
  if (v === "$LATEST") return -1;
  const n = Number(v);
  return Number.isFinite(n) ? n : 1e9;
}
