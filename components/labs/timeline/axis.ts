/**
 * The timeline's time axis: a broken axis over virtual time. Lambda runs span milliseconds
 * (a warm invocation is ~1–5 ms, a cold start ~100 ms) and also minutes to hours (async retries
 * wait ~1 and ~2 minutes [AsyncErr]; an idle environment lives ~10 minutes; events may age for
 * 6 hours), so a linear axis would squash every bar into a pixel. Instead, activity is grouped
 * into clusters, each cluster is drawn at its own readable scale, and the idle time between
 * clusters is cut out and drawn as a labelled break ("1 min idle").
 *
 * Pure and deterministic: intervals in, positions out.
 */
import { formatAt, formatDuration, formatDurationShort, formatTick } from "../format";

export interface Interval {
  t0: number;
  t1: number;
}

export interface AxisSegment {
  t0: number;
  t1: number;
  x0: number;
  x1: number;
}

export interface AxisBreak {
  /** Last moment of the cluster before and first moment of the cluster after (virtual ms). */
  t0: number;
  t1: number;
  x0: number;
  x1: number;
  /** How long the cut-out idle time is, short enough for the break: "10 min". */
  label: string;
  idleMs: number;
}

export interface Tick {
  x: number;
  t: number;
  label: string;
  /** The first tick of a segment carries the full time; the others say "+2 ms". */
  major: boolean;
  /** Major labels start at their tick (they are long); relative ones are centred. */
  anchor: "start" | "middle";
}

export interface Axis {
  width: number;
  segments: AxisSegment[];
  breaks: AxisBreak[];
  ticks: Tick[];
}

export interface AxisOptions {
  /** Total width in px, breaks included. */
  width: number;
  /** Width of one break (default 56 px). */
  breakWidth?: number;
  /** No cluster narrower than this (default 96 px), so a 6 ms retry still has room. */
  minSegmentWidth?: number;
  /** Free px after the last segment (the picture's right margin): its label may run into it, so
   *  a run ending on one moment reads "1 min 31 s", not "≈2 min". */
  trailingRoom?: number;
  /** A gap shorter than this is never cut out (default 2 s). */
  minBreakMs?: number;
  /** A gap is cut out when it is longer than this many times the longer cluster beside it (default 4). */
  breakRatio?: number;
}

/** Merges overlapping intervals into sorted, disjoint clusters. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => Number.isFinite(i.t0) && Number.isFinite(i.t1)).map((i) => ({ t0: Math.min(i.t0, i.t1), t1: Math.max(i.t0, i.t1) })).sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.t0 <= last.t1) last.t1 = Math.max(last.t1, i.t1);
    else out.push({ ...i });
  }
  return out;
}

/**
 * Groups clusters: the smallest gaps are closed first (single linkage), and a gap stays open —
 * becomes a break — only when it is long both in absolute terms and next to the clusters beside it.
 */
export function clusterActivity(intervals: readonly Interval[], opts: { minBreakMs?: number; breakRatio?: number } = {}): Interval[] {
  const minBreak = opts.minBreakMs ?? 2000;
  const ratio = opts.breakRatio ?? 4;
  const groups = mergeIntervals(intervals);
  for (;;) {
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; i + 1 < groups.length; i++) {
      const a = groups[i]!;
      const b = groups[i + 1]!;
      const gap = b.t0 - a.t1;
      const keepOpen = gap > Math.max(minBreak, ratio * Math.max(a.t1 - a.t0, b.t1 - b.t0));
      if (!keepOpen && gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    if (best < 0) return groups;
    const a = groups[best]!;
    const b = groups[best + 1]!;
    groups.splice(best, 2, { t0: a.t0, t1: Math.max(a.t1, b.t1) });
  }
}

// Tick steps people read easily, from 1 ms to a week.
const NICE_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000,
  21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000,
];

/** Rough label width at the 11 px axis font: enough to keep labels from overlapping. */
const labelWidth = (label: string) => label.length * 5.9 + 6;

/**
 * A cluster's ticks: the first at the moment its activity starts, with the full time ("1 min
 * 1.105 s", as precisely as fits), the others relative to it at a readable step ("+2 ms").
 */
function segmentTicks(seg: AxisSegment, start: number, trailingRoom = 0): Tick[] {
  const px = seg.x1 - seg.x0;
  const span = seg.t1 - seg.t0;
  const msPerPx = span > 0 ? span / px : 1;
  // A relative label ("+20 ms") needs ~60 px.
  const step = NICE_STEPS.find((s) => s / msPerPx >= 64) ?? NICE_STEPS[NICE_STEPS.length - 1]!;
  const toX = (t: number) => (span > 0 ? seg.x0 + ((t - seg.t0) / span) * px : (seg.x0 + seg.x1) / 2);
  const ticks: Tick[] = [];
  const x0 = toX(start);
  // Rounded forms say so ("≈1 min 1 s"): a learner compares these times with the questions.
  const exact = formatAt(start);
  const approx = (l: string) => (l === exact ? l : `≈${l}`);
  const major = [exact, approx(formatTick(start, Math.max(step, 1000))), approx(formatDurationShort(start))].find((l) => labelWidth(l) <= seg.x1 - x0 + 4 + trailingRoom);
  let lastRight = -Infinity;
  if (major !== undefined) {
    ticks.push({ x: x0, t: start, label: major, major: true, anchor: "start" });
    lastRight = x0 + labelWidth(major);
  }
  if (span === 0) return ticks;
  for (let t = start + step; t <= seg.t1 + 1e-9 && ticks.length < 200; t += step) {
    const x = toX(t);
    const label = `+${formatDuration(t - start)}`;
    const w = labelWidth(label);
    // Skip a label that would run into the previous one or past the cluster's end.
    if (x - w / 2 < lastRight || x + w / 2 > seg.x1 + 4) continue;
    ticks.push({ x, t, label, major: false, anchor: "middle" });
    lastRight = x + w / 2;
  }
  return ticks;
}

/** Spreads `total` px over segments in proportion to their spans, giving each at least `min`. */
function distribute(spans: number[], total: number, min: number): number[] {
  const widths = spans.map(() => 0);
  const fixed = new Set<number>();
  for (;;) {
    const free = spans.map((_, i) => i).filter((i) => !fixed.has(i));
    const room = total - fixed.size * min;
    const sum = free.reduce((s, i) => s + spans[i]!, 0);
    let changed = false;
    for (const i of free) {
      const w = sum > 0 ? (spans[i]! / sum) * room : room / free.length;
      if (w < min) {
        fixed.add(i);
        changed = true;
      }
      widths[i] = w;
    }
    if (!changed || free.length === 0) break;
  }
  for (const i of fixed) widths[i] = min;
  return widths;
}

export function buildAxis(activity: readonly Interval[], opts: AxisOptions): Axis {
  const breakWidth = opts.breakWidth ?? 56;
  const minSegment = opts.minSegmentWidth ?? 96;
  const clusters = clusterActivity(activity.length ? activity : [{ t0: 0, t1: 0 }], opts);
  // A little air around each cluster (5% of its span), never into the idle gap's time.
  const padded = clusters.map((c) => {
    const pad = Math.max((c.t1 - c.t0) * 0.05, 1);
    return { t0: Math.max(0, c.t0 - pad), t1: c.t1 + pad };
  });
  const room = Math.max(opts.width - breakWidth * (padded.length - 1), minSegment * padded.length);
  const widths = distribute(
    padded.map((c) => c.t1 - c.t0),
    room,
    minSegment,
  );
  const segments: AxisSegment[] = [];
  const breaks: AxisBreak[] = [];
  let x = 0;
  padded.forEach((c, i) => {
    if (i > 0) {
      const prev = clusters[i - 1]!;
      breaks.push({ t0: prev.t1, t1: clusters[i]!.t0, x0: x, x1: x + breakWidth, label: formatDurationShort(clusters[i]!.t0 - prev.t1), idleMs: clusters[i]!.t0 - prev.t1 });
      x += breakWidth;
    }
    segments.push({ t0: c.t0, t1: c.t1, x0: x, x1: x + widths[i]! });
    x += widths[i]!;
  });
  return { width: x, segments, breaks, ticks: segments.flatMap((seg, i) => segmentTicks(seg, clusters[i]!.t0, i === segments.length - 1 ? (opts.trailingRoom ?? 0) : 0)) };
}

/** Where virtual time `t` is drawn. Times inside a break are spread across the break. */
export function timeToX(axis: Axis, t: number): number {
  const segs = axis.segments;
  if (segs.length === 0) return 0;
  if (t <= segs[0]!.t0) return segs[0]!.x0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (t <= s.t1) {
      if (t >= s.t0) return s.t1 > s.t0 ? s.x0 + ((t - s.t0) / (s.t1 - s.t0)) * (s.x1 - s.x0) : (s.x0 + s.x1) / 2;
      // Inside the gap before segment i: across the break.
      const prev = segs[i - 1]!;
      const gap = s.t0 - prev.t1;
      return prev.x1 + (gap > 0 ? ((t - prev.t1) / gap) * (s.x0 - prev.x1) : 0);
    }
  }
  return segs[segs.length - 1]!.x1;
}

/** The virtual time drawn at `x` (the inverse of timeToX), for zooming around the pointer. */
export function xToTime(axis: Axis, x: number): number {
  const segs = axis.segments;
  if (segs.length === 0) return 0;
  if (x <= segs[0]!.x0) return segs[0]!.t0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (x <= s.x1) {
      if (x >= s.x0) return s.x1 > s.x0 ? s.t0 + ((x - s.x0) / (s.x1 - s.x0)) * (s.t1 - s.t0) : s.t0;
      const prev = segs[i - 1]!;
      const w = s.x0 - prev.x1;
      return prev.t1 + (w > 0 ? ((x - prev.x1) / w) * (s.t0 - prev.t1) : 0);
    }
  }
  return segs[segs.length - 1]!.t1;
}
