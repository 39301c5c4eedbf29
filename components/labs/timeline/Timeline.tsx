"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import type { Trace } from "@/lib/labs/types";
import { formatAt, formatDuration, formatDurationShort } from "../format";
import { timeToX, xToTime } from "./axis";
import { layoutTimeline, ROW } from "./layout";
import { Legend, legendKeys } from "./Legend";
import { describeRun, invocationLines } from "./summary";
import { barLabel, barTip, callTip, clip, deliveryTip, DELIVERY_TEXT, groupMarks, laneTip, linkTitle, redriveTip, throttleTip, type Tip } from "./tips";
import styles from "./Timeline.module.css";

const MIN_ZOOM = 1;
const MAX_ZOOM = 64;
const ZOOM_STEP = 1.6;
const PAN_STEP = 80;
/** Room after the last moment for the labels of marks drawn there ("→ failed"). */
const RIGHT_PAD = 110;

export interface TimelineProps {
  trace: Trace;
  /** Heading shown above the picture. */
  title: string;
  /** Optional note under the heading (e.g. the what-if changes). */
  note?: ReactNode;
}

/**
 * The timeline picture: one lane per execution environment, bars coloured by outcome with Init
 * hatched, retries, duplicate deliveries and SQS redeliveries linked (each retry or redelivery
 * labelled with the wait it stands for), throttles, deliveries and SQS redrives marked, over a
 * broken time axis. Zoom: + / − keys, the buttons, Ctrl + wheel (plain wheel once the picture has focus).
 * Pan: drag, ← / →. Hover or focus anything for its details.
 */
export function Timeline({ trace, title, note }: TimelineProps) {
  const uid = useId().replace(/:/g, "");
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [viewWidth, setViewWidth] = useState(860);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState(0);
  const [tip, setTip] = useState<Tip | null>(null);
  const anchor = useRef<{ t: number; screenX: number } | null>(null);
  const drag = useRef<{ x: number; pan: number; moved: boolean; id: number } | null>(null);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => setViewWidth(Math.max(300, el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const compact = viewWidth < 560;
  const labelWidth = compact ? 92 : 150;
  const rightPad = compact ? RIGHT_PAD / 2 : RIGHT_PAD;
  const plotView = Math.max(160, viewWidth - labelWidth - 12);
  const layout = useMemo(() => layoutTimeline(trace, { width: Math.max(120, plotView * zoom - rightPad), compact, trailingRoom: rightPad - 8 }), [trace, plotView, zoom, rightPad, compact]);
  const maxPan = Math.max(0, layout.width + rightPad - plotView);
  const clampPan = useCallback((p: number) => Math.min(Math.max(0, p), maxPan), [maxPan]);

  // Keep the time under the pointer (or the centre) where it was when zooming.
  useLayoutEffect(() => {
    if (anchor.current) {
      const { t, screenX } = anchor.current;
      anchor.current = null;
      setPan(clampPan(timeToX(layout.axis, t) - screenX));
    } else {
      setPan((p) => clampPan(p));
    }
  }, [layout, clampPan]);

  const zoomBy = useCallback(
    (factor: number, screenX = plotView / 2) => {
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor));
      if (next === zoom) return;
      anchor.current = { t: xToTime(layout.axis, pan + screenX), screenX };
      setZoom(next);
    },
    [zoom, layout, pan, plotView],
  );

  // Wheel: zoom with Ctrl/⌘ (a trackpad pinch) or once the picture has focus; sideways scroll pans.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      const focused = wrapRef.current?.contains(document.activeElement) ?? false;
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        setPan((p) => clampPan(p + e.deltaX));
        return;
      }
      if (!(e.ctrlKey || e.metaKey || focused)) return;
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      const screenX = Math.min(Math.max(e.clientX - rect.left - labelWidth, 0), plotView);
      zoomBy(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, screenX);
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [zoomBy, clampPan, labelWidth, plotView]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "+" || e.key === "=") zoomBy(ZOOM_STEP);
    else if (e.key === "-" || e.key === "_") zoomBy(1 / ZOOM_STEP);
    else if (e.key === "0") setZoom(1);
    else if (e.key === "ArrowLeft") setPan((p) => clampPan(p - PAN_STEP));
    else if (e.key === "ArrowRight") setPan((p) => clampPan(p + PAN_STEP));
    else if (e.key === "Escape") setTip(null);
    else return;
    e.preventDefault();
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, pan, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) > 3) {
      d.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
      setTip(null);
    }
    if (d.moved) setPan(clampPan(d.pan - dx));
  };
  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (drag.current?.moved) e.currentTarget.releasePointerCapture(e.pointerId);
    drag.current = null;
  };

  const show = (content: Omit<Tip, "x" | "y">, target: Element) => {
    const wrap = wrapRef.current;
    if (!wrap || drag.current?.moved) return;
    const r = target.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    setTip({ ...content, x: r.left - w.left + r.width / 2, y: r.bottom - w.top + 6 });
  };
  const hide = () => setTip(null);
  const handlers = (content: () => Omit<Tip, "x" | "y">) => ({
    onPointerEnter: (e: ReactPointerEvent<SVGGElement>) => show(content(), e.currentTarget),
    onPointerLeave: hide,
    onFocus: (e: FocusEvent<SVGGElement>) => {
      // Bring a focused mark into view, then describe it.
      const bbox = (e.currentTarget as SVGGraphicsElement).getBBox?.();
      if (bbox) {
        const left = bbox.x - labelWidth + pan;
        if (left < pan || left + Math.min(bbox.width, plotView) > pan + plotView) setPan(clampPan(left - plotView / 3));
      }
      show(content(), e.currentTarget);
    },
    onBlur: hide,
  });

  const summary = useMemo(() => describeRun(trace), [trace]);
  const lines = useMemo(() => invocationLines(trace), [trace]);
  const height = layout.height;
  const svgWidth = labelWidth + plotView;
  const shift = labelWidth - pan;
  const titleId = `tl-${uid}-title`;
  const summaryId = `tl-${uid}-summary`;

  return (
    <section className={styles.timeline} aria-labelledby={titleId}>
      <header className={styles.header}>
        <div>
          <h3 id={titleId} className={styles.title}>
            {title}
          </h3>
          {note ? <div className={styles.note}>{note}</div> : null}
        </div>
        <div className={styles.controls} role="toolbar" aria-label={`Zoom ${title}`}>
          <button type="button" className={styles.control} onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={zoom <= MIN_ZOOM} aria-label="Zoom out">
            −
          </button>
          <span className={styles.zoomLevel} aria-live="polite">
            ×{Math.round(zoom * 10) / 10}
          </span>
          <button type="button" className={styles.control} onClick={() => zoomBy(ZOOM_STEP)} disabled={zoom >= MAX_ZOOM} aria-label="Zoom in">
            +
          </button>
          <button type="button" className={styles.control} onClick={() => setZoom(1)} disabled={zoom === 1} aria-label="Fit the whole run">
            Fit
          </button>
        </div>
      </header>
      <p id={summaryId} className={styles.summary}>
        {summary.join(" ")}
      </p>
      <div className={styles.stage}>
      <div ref={wrapRef} className={styles.wrap} tabIndex={0} onKeyDown={onKeyDown} aria-label={`${title}: press + or − to zoom, ← or → to pan, Tab to step through the invocations`} role="group">
        <svg
          ref={svgRef}
          className={styles.svg}
          width={svgWidth}
          height={height}
          viewBox={`0 0 ${svgWidth} ${height}`}
          aria-labelledby={`${titleId} ${summaryId}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          data-testid="timeline-svg"
        >
          <defs>
            <clipPath id={`${uid}-plot`}>
              <rect x={labelWidth} y={0} width={plotView} height={height} />
            </clipPath>
            <pattern id={`${uid}-init`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className={styles.initBg} />
              <line x1="0" y1="0" x2="0" y2="6" className={styles.initStripe} strokeWidth="3" />
            </pattern>
            <marker id={`${uid}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" className={styles.linkHead} />
            </marker>
          </defs>

          {/* Row bands and labels (fixed, not panned). */}
          {layout.calls.length ? (
            <text x={8} y={ROW.axis + ROW.calls / 2 + 4} className={styles.rowLabel}>
              Calls
            </text>
          ) : null}
          {layout.functions.map((f) => (
            <g key={f.function}>
              <rect x={0} y={f.y} width={labelWidth} height={ROW.fn} className={styles.fnBand} />
              <text x={8} y={f.y + ROW.fn / 2 + 4} className={styles.fnLabel}>
                λ {clip(f.function, labelWidth < 120 ? 9 : 17)}
              </text>
            </g>
          ))}
          {layout.lanes.map((l) => (
            <g key={l.id} className={styles.laneLabelGroup} tabIndex={-1} {...handlers(() => laneTip(l))}>
              <text x={16} y={l.y + ROW.lane / 2 + 4} className={styles.laneLabel}>
                {l.id}
                <tspan className={styles.laneVersion} dx={6}>
                  {clip(l.version === "$LATEST" ? "$LATEST" : `v${l.version}`, 8)}
                </tspan>
              </text>
              {l.provisioned ? (
                <text x={labelWidth - 8} y={l.y + ROW.lane / 2 + 4} textAnchor="end" className={styles.provisionedBadge}>
                  P
                  <title>provisioned environment</title>
                </text>
              ) : null}
            </g>
          ))}

          <g clipPath={`url(#${uid}-plot)`}>
            <g transform={`translate(${shift},0)`}>
              {/* Axis: cluster backgrounds, breaks, ticks. */}
              {layout.axis.segments.map((s, i) => (
                <rect key={`seg-${i}`} x={s.x0} y={0} width={s.x1 - s.x0} height={height} className={i % 2 ? styles.segmentAlt : styles.segment} />
              ))}
              {layout.axis.breaks.map((b, i) => (
                <g key={`brk-${i}`}>
                  <rect x={b.x0} y={0} width={b.x1 - b.x0} height={height} className={styles.break} />
                  <path d={`M${b.x0},${ROW.axis - 2} l${(b.x1 - b.x0) / 4},-5 l${(b.x1 - b.x0) / 2},10 l${(b.x1 - b.x0) / 4},-5`} className={styles.breakZigzag} />
                  <text x={(b.x0 + b.x1) / 2} y={11} textAnchor="middle" className={styles.breakLabel}>
                    {b.label}
                  </text>
                  <text x={(b.x0 + b.x1) / 2} y={21} textAnchor="middle" className={styles.breakLabel}>
                    idle
                  </text>
                  <title>{`${formatDuration(b.idleMs)} with nothing happening, cut out of the picture`}</title>
                </g>
              ))}
              {layout.functions.map((f) => (
                <rect key={`band-${f.function}`} x={0} y={f.y} width={layout.width + rightPad} height={ROW.fn} className={styles.fnBandPlot} />
              ))}
              {layout.axis.ticks.map((t, i) => (
                <g key={`tick-${i}`}>
                  <line x1={t.x} x2={t.x} y1={ROW.axis - 6} y2={height} className={t.major ? styles.gridMajor : styles.grid} />
                  <text x={t.major ? t.x + 3 : t.x} y={ROW.axis - 10} textAnchor={t.anchor} className={t.major ? styles.tickMajor : styles.tick}>
                    {t.label}
                  </text>
                </g>
              ))}

              {/* Environment lifetimes. */}
              {layout.lanes.map((l) => (
                <g key={`life-${l.id}`}>
                  <line x1={l.life.x0} x2={l.life.x1} y1={l.y + ROW.lane / 2} y2={l.y + ROW.lane / 2} className={l.provisioned ? styles.lifeProvisioned : styles.life} />
                  <line x1={l.life.x0} x2={l.life.x0} y1={l.y + 5} y2={l.y + ROW.lane - 5} className={styles.lifeCap} />
                  {l.preInit ? (
                    <rect x={l.preInit.x0} y={l.y + (ROW.lane - ROW.bar) / 2} width={Math.max(l.preInit.x1 - l.preInit.x0, 2)} height={ROW.bar} rx={3} fill={`url(#${uid}-init)`} className={styles.preInit}>
                      <title>Init run ahead of traffic (provisioned concurrency)</title>
                    </rect>
                  ) : null}
                  {l.life.reclaimedAt !== null ? (
                    <g>
                      <line x1={l.life.x1} x2={l.life.x1} y1={l.y + 4} y2={l.y + ROW.lane - 4} className={styles.reclaimCap} />
                      <text x={l.life.x1 + 4} y={l.y + ROW.lane / 2 + 3} className={styles.reclaimLabel}>
                        {l.life.reclaimReason}
                      </text>
                    </g>
                  ) : null}
                </g>
              ))}

              {/* Retry, duplicate and redelivery links. */}
              {layout.links.map((k, i) => {
                const mid = (k.x1 + k.x2) / 2;
                const sameLane = Math.abs(k.y1 - k.y2) < 1;
                // Duplicates start together: a bracket on their left. Retries and redeliveries: on one
                // lane an arc over the bars in between (a straight line would run through them and
                // read as linking those); across lanes a curve from end to start.
                const bend = Math.min(Math.max((k.x2 - k.x1) / 3, 4), 40);
                const d =
                  k.kind === "duplicate"
                    ? `M${k.x1 - 1},${k.y1} C${k.x1 - 16},${k.y1} ${k.x2 - 16},${k.y2} ${k.x2 - 1},${k.y2}`
                    : sameLane
                      ? `M${k.x1},${k.y1 - 3} C${k.x1 + bend},${k.y1 - 15} ${k.x2 - bend},${k.y2 - 15} ${k.x2},${k.y2 - 3}`
                      : `M${k.x1},${k.y1} C${mid},${k.y1} ${mid},${k.y2} ${k.x2},${k.y2}`;
                // The wait, written on the link when there is room for it.
                const label = k.kind === "duplicate" ? null : `+${formatDurationShort(k.delayMs)}`;
                const roomy = label !== null && k.x2 - k.x1 > label.length * 6.5 + 12;
                return (
                  <g key={`link-${i}`} data-testid="timeline-link" data-kind={k.kind}>
                    <path d={d} className={styles[`link-${k.kind}`]} markerEnd={`url(#${uid}-arrow)`}>
                      <title>{linkTitle(k)}</title>
                    </path>
                    {roomy ? (
                      <text x={mid} y={sameLane ? k.y1 - 9 : (k.y1 + k.y2) / 2 - 4} textAnchor="middle" className={styles.linkLabel} aria-hidden="true">
                        {label}
                        <title>{linkTitle(k)}</title>
                      </text>
                    ) : null}
                  </g>
                );
              })}

              {/* Invocation bars. */}
              {layout.bars.map((b) => (
                <g key={`bar-${b.index}`} tabIndex={0} role="img" aria-label={barLabel(b)} className={styles.barGroup} data-status={b.status} data-testid="timeline-bar" {...handlers(() => barTip(b))}>
                  <rect x={b.x} y={b.y} width={b.width} height={ROW.bar} rx={3} className={styles[`bar-${b.status}`]} />
                  {b.initWidth > 0 ? <rect x={b.x} y={b.y} width={b.initWidth} height={ROW.bar} rx={3} fill={`url(#${uid}-init)`} className={styles.init} /> : null}
                  {b.attempt > 1 && b.width > 16 ? (
                    <text x={b.x + b.width / 2} y={b.y + ROW.bar - 3.5} textAnchor="middle" className={styles.barText}>
                      {b.attempt}
                    </text>
                  ) : null}
                </g>
              ))}

              {/* Calls, throttles, deliveries. */}
              {layout.calls.map((c, i) => (
                <g key={`call-${i}`} tabIndex={0} role="img" aria-label={`${c.op} ${c.stepId} at ${formatAt(c.at)}: ${c.outcome}`} className={styles.markGroup} {...handlers(() => callTip(c))}>
                  <path d={`M${c.x - 5},${c.y - 6} L${c.x + 5},${c.y - 6} L${c.x},${c.y + 3} z`} className={c.failed ? styles.callFailed : styles.call} />
                </g>
              ))}
              {groupMarks(layout.throttles).map((g, i) => {
                const t = g[0]!;
                return (
                  <g
                    key={`thr-${i}`}
                    tabIndex={0}
                    role="img"
                    aria-label={`${g.length > 1 ? `${g.length} throttles` : "throttle"} of ${t.function} at ${formatAt(t.at)}: ${t.reason}`}
                    className={styles.markGroup}
                    data-testid="timeline-throttle"
                    {...handlers(() => throttleTip(g))}
                  >
                    <circle cx={t.x} cy={t.y} r={7} className={styles.throttleBg} />
                    <path d={`M${t.x - 3.5},${t.y - 3.5} L${t.x + 3.5},${t.y + 3.5} M${t.x + 3.5},${t.y - 3.5} L${t.x - 3.5},${t.y + 3.5}`} className={styles.throttle} />
                    {g.length > 1 ? (
                      <text x={t.x + 10} y={t.y + 4} className={styles.markCount}>
                        ×{g.length}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              {groupMarks(layout.deliveries).map((g, i) => {
                const d = g[0]!;
                return (
                  <g
                    key={`del-${i}`}
                    tabIndex={0}
                    role="img"
                    aria-label={`${g.length > 1 ? `${g.length} deliveries` : DELIVERY_TEXT[d.kind] + " record"} to ${d.target} at ${formatAt(d.at)} (${d.condition})`}
                    className={styles.markGroup}
                    data-testid="timeline-delivery"
                    {...handlers(() => deliveryTip(g))}
                  >
                    <path d={`M${d.x},${d.y - 7} L${d.x + 7},${d.y} L${d.x},${d.y + 7} L${d.x - 7},${d.y} z`} className={styles[`delivery-${d.kind}`]} />
                    <text x={d.x + 10} y={d.y + 4} className={styles.deliveryLabel}>
                      {g.length > 1 ? `×${g.length} ` : ""}→ {clip(d.target, 18)}
                    </text>
                  </g>
                );
              })}
              {groupMarks(layout.redrives).map((g, i) => {
                const r = g[0]!;
                const target = r.target ?? "its DLQ";
                return (
                  <g
                    key={`redrive-${i}`}
                    tabIndex={0}
                    role="img"
                    aria-label={`${g.length > 1 ? `${g.length} messages` : "a message"} moved by SQS from ${r.queue} to ${target} at ${formatAt(r.at)} after ${r.receives} receive${r.receives === 1 ? "" : "s"}`}
                    className={styles.markGroup}
                    data-testid="timeline-redrive"
                    {...handlers(() => redriveTip(g))}
                  >
                    <path d={`M${r.x},${r.y - 7} L${r.x + 7},${r.y} L${r.x},${r.y + 7} L${r.x - 7},${r.y} z`} className={styles.redrive} />
                    <text x={r.x + 10} y={r.y + 4} className={styles.deliveryLabel}>
                      {g.length > 1 ? `×${g.length} ` : ""}→ {clip(target, 18)}
                    </text>
                  </g>
                );
              })}
            </g>
          </g>
          <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} className={styles.gutterLine} />
        </svg>
      </div>
        {tip ? (
          <div className={styles.tip} style={{ left: Math.min(Math.max(tip.x, 140), viewWidth - 140), top: tip.y }} role="tooltip">
            <p className={styles.tipTitle}>{tip.title}</p>
            <dl className={styles.tipRows}>
              {tip.rows.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
      </div>
      {maxPan > 1 ? (
        // Wider than its box (a phone, or zoomed in): say there is more, and how to get to it.
        <p className={styles.panHint} data-testid="timeline-pan-hint">
          {pan < maxPan - 1 ? "More of the run to the right →" : "← The run starts further left"} — drag the picture sideways, or use ← → once it has focus.
        </p>
      ) : null}
      <Legend only={legendKeys(layout)} />
      <details className={styles.asText}>
        <summary>Every invocation as text ({lines.length})</summary>
        {lines.length ? (
          <ol>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ol>
        ) : (
          <p>No handler ran.</p>
        )}
      </details>
    </section>
  );
}
