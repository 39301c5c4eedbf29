/**
 * What the timeline says about each thing it draws: tooltip contents (title and rows) and the
 * spoken label of a bar. Marks that fall on the same spot of a row are grouped and counted.
 */
import type { ReactNode } from "react";
import { formatAt, formatDuration } from "../format";
import type { Bar, CallMark, DeliveryMark, Lane, Link, RedriveMark, ThrottleMark } from "./layout";

export interface Tip {
  title: string;
  rows: Array<[string, ReactNode]>;
  /** Anchor in the wrapper's coordinates. */
  x: number;
  y: number;
}

export const STATUS_TEXT: Record<Bar["status"], string> = { success: "success", error: "function error", timeout: "timeout", crash: "runtime crash", running: "still running at the end" };
export const DELIVERY_TEXT: Record<DeliveryMark["kind"], string> = { "on-success": "on-success destination", "on-failure": "on-failure destination", dlq: "dead-letter queue" };

export function barTip(b: Bar): Omit<Tip, "x" | "y"> {
  const duration = b.end !== null ? b.end - b.start : null;
  return {
    title: `${b.function} · attempt ${b.attempt} · ${STATUS_TEXT[b.status]}`,
    rows: [
      ["Request id", <code key="r">{b.requestId}</code>],
      ["Environment", `${b.environmentId} (${b.version})`],
      ["Trigger", b.trigger + (b.step ? ` — step ${b.step}` : "")],
      ["Start", formatAt(b.start)],
      ["End", b.end !== null ? formatAt(b.end) : "—"],
      ["Duration", duration !== null ? formatDuration(duration) : "—"],
      ["Init", b.initMs > 0 ? `${formatDuration(b.initMs)}${b.coldStart ? " (cold start)" : " (after a reset)"}` : "none (warm)"],
      ...(b.errorType ? ([["Error", `${b.errorType}${b.errorMessage ? `: ${b.errorMessage}` : ""}`]] as Array<[string, ReactNode]>) : []),
    ],
  };
}

export function barLabel(b: Bar): string {
  const duration = b.end !== null ? formatDuration(b.end - b.start) : "still running";
  return `${b.function} attempt ${b.attempt}, ${STATUS_TEXT[b.status]}, at ${formatAt(b.start)}, ${duration}${b.initMs > 0 ? `, Init ${formatDuration(b.initMs)}` : ""}, ${b.environmentId}`;
}

/** Marks of one row closer than a mark's width are drawn once, with their count. */
export function groupMarks<M extends { x: number; y: number }>(marks: readonly M[]): M[][] {
  const groups: M[][] = [];
  for (const m of [...marks].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.y === m.y && m.x - last[last.length - 1]!.x < 8) last.push(m);
    else groups.push([m]);
  }
  return groups;
}

const listed = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))].join(", ");

export function throttleTip(g: ThrottleMark[]): Omit<Tip, "x" | "y"> {
  const t = g[0]!;
  const last = g[g.length - 1]!;
  return {
    title: g.length > 1 ? `${t.function} throttled ${g.length} times` : `${t.function} throttled`,
    rows: [
      ["At", t.at === last.at ? formatAt(t.at) : `${formatAt(t.at)} – ${formatAt(last.at)}`],
      ["Reason", listed(g.map((x) => x.reason))],
      ["Trigger", listed(g.map((x) => x.trigger))],
      ...(g.some((x) => x.step) ? ([["Steps", listed(g.map((x) => x.step))]] as Array<[string, ReactNode]>) : []),
    ],
  };
}

export function deliveryTip(g: DeliveryMark[]): Omit<Tip, "x" | "y"> {
  const d = g[0]!;
  return {
    title: g.length > 1 ? `${g.length} records → ${listed(g.map((x) => x.target))}` : `${DELIVERY_TEXT[d.kind]} → ${d.target}`,
    rows: [
      ["At", formatAt(d.at)],
      ["From", listed(g.map((x) => x.function))],
      ["Kind", listed(g.map((x) => DELIVERY_TEXT[x.kind]))],
      ["Condition", listed(g.map((x) => x.condition))],
      ...(g.length === 1 ? ([["Request id", <code key="r">{d.requestId}</code>]] as Array<[string, ReactNode]>) : []),
      ...(g.some((x) => x.failed) ? ([["Not delivered", listed(g.map((x) => x.failed ?? null))]] as Array<[string, ReactNode]>) : []),
    ],
  };
}

export function callTip(c: CallMark): Omit<Tip, "x" | "y"> {
  return { title: `${c.op} (step ${c.stepId})`, rows: [["At", formatAt(c.at)], ["Response", c.outcome]] };
}

export function laneTip(l: Lane): Omit<Tip, "x" | "y"> {
  return {
    title: `${l.id} · ${l.function} ${l.version}${l.provisioned ? " · provisioned" : ""}`,
    rows: [
      ["Created", formatAt(l.life.createdAt)],
      ["Ready", l.life.readyAt !== null ? formatAt(l.life.readyAt) : "—"],
      ["Reclaimed", l.life.reclaimedAt !== null ? `${formatAt(l.life.reclaimedAt)} (${l.life.reclaimReason})` : "still alive at the end"],
      ["Invocations", String(l.invocations)],
      ...(l.resets ? ([["Resets", `${l.resets} (timeout or crash: Init runs again)`]] as Array<[string, ReactNode]>) : []),
    ],
  };
}

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a link stands for, with the wait: why the next attempt or receive came when it did. */
export function linkTitle(k: Link): string {
  if (k.kind === "duplicate") return "the same event delivered again (same request id)";
  if (k.kind === "retry") return `retry of the same event (same request id), ${formatDuration(k.delayMs)} after the attempt before failed`;
  if (k.via === "stream") {
    const recs = k.messages > 1 ? `${k.messages} records` : "1 record";
    return `${recs} of the failed batch sent again ${formatDuration(k.delayMs)} after it failed: a stream mapping retries a failing batch (split in two when it bisects) until it succeeds, the records expire or the retry limit is reached`;
  }
  const what = k.messages > 1 ? `${k.messages} messages` : "the message";
  return `${what} received again ${formatDuration(k.delayMs)} after the receive before: not deleted, so SQS made it visible again when its visibility timeout ran out`;
}

export function redriveTip(g: RedriveMark[]): Omit<Tip, "x" | "y"> {
  const r = g[0]!;
  const target = listed(g.map((x) => x.target)) || "the queue's dead-letter queue";
  return {
    title: g.length > 1 ? `SQS moved ${g.length} messages → ${target}` : `SQS moved the message → ${target}`,
    rows: [
      ["At", formatAt(r.at)],
      ["From queue", listed(g.map((x) => x.queue))],
      ["Why", `received ${listed(g.map((x) => String(x.receives)))} time(s) without being deleted: the redrive policy's maxReceiveCount was reached`],
      ...(g.length === 1 ? ([["Message id", <code key="m">{r.messageId}</code>]] as Array<[string, ReactNode]>) : []),
    ],
  };
}
