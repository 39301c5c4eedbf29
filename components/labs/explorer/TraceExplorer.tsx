"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Trace } from "@/lib/labs/types";
import { compactJson, formatAt, formatDuration, prettyJson, resourceOf } from "../format";
import { environmentOfStream, logsForInvocation, unmarshallItem } from "./logs";
import styles from "./TraceExplorer.module.css";

type TabId = "steps" | "invocations" | "queues" | "deliveries" | "tables" | "other" | "logs";

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <div className={styles.json}>
      <span className={styles.jsonLabel}>{label}</span>
      <pre tabIndex={0}>{prettyJson(value)}</pre>
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}

function stepOutcome(s: Trace["steps"][number]): { text: string; tone: "ok" | "bad" | "muted" } {
  if (s.error) return { text: s.error.type, tone: "bad" };
  if (s.pending) return { text: "no response before the run stopped", tone: "muted" };
  const r = s.response as Record<string, unknown> | undefined;
  if (r && typeof r.StatusCode === "number") return { text: `${r.StatusCode}${r.FunctionError ? ` · FunctionError ${String(r.FunctionError)}` : ""}`, tone: r.FunctionError ? "bad" : "ok" };
  return { text: "ok", tone: "ok" };
}

function StepsPanel({ trace }: { trace: Trace }) {
  return (
    <ol className={styles.rows}>
      {trace.steps.map((s, i) => {
        const o = stepOutcome(s);
        return (
          <li key={`${s.id}-${i}`}>
            <details className={styles.row}>
              <summary>
                <span className={styles.at}>{formatAt(s.at)}</span>
                <code className={styles.id}>{s.id}</code>
                <code>{s.op}</code>
                <span className={`${styles.outcome} ${styles[o.tone]}`}>{o.text}</span>
                {s.completedAt !== undefined && s.completedAt !== s.at ? <span className={styles.muted}>answered after {formatDuration(s.completedAt - s.at)}</span> : null}
              </summary>
              {s.error ? <Json label="Error" value={s.error} /> : <Json label="Response" value={s.response ?? null} />}
            </details>
          </li>
        );
      })}
    </ol>
  );
}

function InvocationsPanel({ trace }: { trace: Trace }) {
  const [fn, setFn] = useState("");
  const functions = useMemo(() => [...new Set(trace.invocations.map((i) => i.function))], [trace]);
  const shown = trace.invocations.map((inv, index) => ({ inv, index })).filter(({ inv }) => !fn || inv.function === fn);
  if (trace.invocations.length === 0) return <Empty>No handler ran in this run.</Empty>;
  return (
    <>
      {functions.length > 1 ? (
        <label className={styles.filter}>
          Function{" "}
          <select value={fn} onChange={(e) => setFn(e.target.value)}>
            <option value="">all</option>
            {functions.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
      ) : null}
      <ol className={styles.rows}>
        {shown.map(({ inv, index }) => (
          <li key={index}>
            <details className={styles.row}>
              <summary>
                <span className={styles.at}>{formatAt(inv.start)}</span>
                <code>{inv.function}</code>
                <span className={styles.muted}>
                  {inv.executedVersion} · attempt {inv.attempt} · {inv.trigger} · {inv.environmentId}
                  {inv.coldStart ? " · cold" : ""}
                </span>
                <span className={`${styles.outcome} ${inv.status === "success" ? styles.ok : styles.bad}`}>
                  {inv.status}
                  {inv.end !== null ? ` · ${formatDuration(inv.end - inv.start)}` : ""}
                </span>
              </summary>
              <p className={styles.meta}>
                Request id <code>{inv.requestId}</code>
                {inv.step ? (
                  <>
                    {" "}
                    · step <code>{inv.step}</code>
                  </>
                ) : null}
                {inv.initMs ? ` · Init ${formatDuration(inv.initMs)}` : ""}
                {inv.errorType ? ` · ${inv.errorType}: ${inv.errorMessage ?? ""}` : ""}
              </p>
              <div className={styles.pair}>
                <Json label="Event" value={inv.event} />
                <Json label={inv.status === "success" ? "Response" : "Response (error)"} value={inv.status === "success" ? inv.response : (inv.response ?? { errorType: inv.errorType, errorMessage: inv.errorMessage })} />
              </div>
              <div className={styles.json}>
                <span className={styles.jsonLabel}>Logs for this invocation</span>
                <pre tabIndex={0}>{logsForInvocation(trace, inv).map((l) => `${formatAt(l.at).padEnd(14)} ${l.line}`).join("\n") || "(no lines)"}</pre>
              </div>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

function QueuesPanel({ trace }: { trace: Trace }) {
  const queues = Object.entries(trace.queues);
  if (queues.length === 0) return <Empty>This run has no SQS queue.</Empty>;
  return (
    <div className={styles.blocks}>
      {queues.map(([name, q]) => (
        <section key={name} className={styles.block} aria-label={`Queue ${name}`}>
          <h4 className={styles.blockTitle}>
            <span className={styles.kind}>SQS</span> {name}
            {q.fifo ? <span className={styles.muted}> · FIFO</span> : null}
          </h4>
          <p className={styles.meta}>
            {q.sent} sent · {q.deleted} deleted
            {/* Only queues with a redrive policy move messages: a "0 moved" on every queue is noise. */}
            {q.movedToDeadLetterQueue ? ` · ${q.movedToDeadLetterQueue} moved to its dead-letter queue` : ""}
            {q.expired ? ` · ${q.expired} expired` : ""} · <strong>{q.messages.length} left at the end</strong>
          </p>
          {q.messages.length ? (
            <ol className={styles.rows}>
              {q.messages.map((m) => (
                <li key={m.MessageId}>
                  <details className={styles.row}>
                    <summary>
                      <span className={styles.at}>{formatAt(m.SentAt)}</span>
                      <span className={styles.muted}>received {m.ReceiveCount}×</span>
                      <code className={styles.preview}>{compactJson(m.Body, 90)}</code>
                    </summary>
                    <Json label="Body" value={m.Body} />
                    {m.MessageAttributes ? <Json label="Message attributes" value={m.MessageAttributes} /> : null}
                  </details>
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ))}
    </div>
  );
}

function DeliveriesPanel({ trace }: { trace: Trace }) {
  if (trace.deliveries.length === 0) return <Empty>Nothing was sent to a dead-letter queue or a destination.</Empty>;
  return (
    <ol className={styles.rows}>
      {trace.deliveries.map((d, i) => {
        const target = resourceOf(d.target);
        return (
          <li key={i}>
            <details className={styles.row}>
              <summary>
                <span className={styles.at}>{formatAt(d.at)}</span>
                <code>{d.function}</code>
                <span className={`${styles.outcome} ${d.kind === "on-success" ? styles.ok : styles.bad}`}>{d.kind}</span>
                <span>
                  → {target.kind !== "unknown" ? `${target.kind} ` : ""}
                  <code>{target.name}</code>
                </span>
                <span className={styles.muted}>{d.condition}</span>
                {d.failed ? <span className={`${styles.outcome} ${styles.bad}`}>not delivered: {d.failed}</span> : null}
              </summary>
              <Json label="What the target received" value={d.record} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}

function TablesPanel({ trace }: { trace: Trace }) {
  const tables = Object.entries(trace.tables);
  if (tables.length === 0) return <Empty>This run has no DynamoDB table.</Empty>;
  return (
    <div className={styles.blocks}>
      {tables.map(([name, t]) => {
        const items = ((t as { items?: unknown[] }).items ?? []) as unknown[];
        return (
          <section key={name} className={styles.block} aria-label={`Table ${name}`}>
            <h4 className={styles.blockTitle}>
              <span className={styles.kind}>DynamoDB</span> {name} <span className={styles.muted}>· {items.length} items at the end</span>
            </h4>
            {items.length ? (
              <ul className={styles.items}>
                {items.map((item, i) => (
                  <li key={i}>
                    <code>{compactJson(unmarshallItem(item), 200)}</code>
                  </li>
                ))}
              </ul>
            ) : null}
            <details>
              <summary className={styles.muted}>As DynamoDB JSON</summary>
              <Json label="Items" value={items} />
            </details>
          </section>
        );
      })}
    </div>
  );
}

function OtherPanel({ trace }: { trace: Trace }) {
  const parts: Array<[string, unknown]> = [
    ["Kinesis streams", trace.streams],
    ["SNS topics", trace.topics],
    ["EventBridge buses", trace.buses],
    ["Functions (versions, aliases, concurrency)", trace.functions],
    ["Event source mappings", trace.eventSourceMappings],
  ];
  return (
    <div className={styles.blocks}>
      {parts
        .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v && Object.keys(v as object).length > 0))
        .map(([label, v]) => (
          <details key={label} className={styles.block}>
            <summary className={styles.blockTitle}>{label}</summary>
            <Json label={label} value={v} />
          </details>
        ))}
    </div>
  );
}

function LogsPanel({ trace }: { trace: Trace }) {
  const [fn, setFn] = useState("");
  const [q, setQ] = useState("");
  const envOf = useMemo(() => environmentOfStream(trace), [trace]);
  const functions = useMemo(() => [...new Set(trace.logs.map((l) => l.function))], [trace]);
  const needle = q.trim().toLowerCase();
  const lines = trace.logs.filter((l) => (!fn || l.function === fn) && (!needle || l.line.toLowerCase().includes(needle)));
  if (trace.logs.length === 0) return <Empty>No log lines: no handler ran.</Empty>;
  return (
    <>
      <div className={styles.filters}>
        {functions.length > 1 ? (
          <label className={styles.filter}>
            Function{" "}
            <select value={fn} onChange={(e) => setFn(e.target.value)}>
              <option value="">all</option>
              {functions.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
        ) : null}
        <label className={styles.filter}>
          Contains <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="request id, text…" />
        </label>
        <span className={styles.muted}>
          {lines.length} of {trace.logs.length} lines
        </span>
      </div>
      <div className={styles.logs} tabIndex={0} role="region" aria-label="CloudWatch log lines">
        <table>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i} className={/^(START|END|REPORT|INIT_START)/.test(l.line) ? styles.platform : undefined}>
                <td className={styles.at}>{formatAt(l.at)}</td>
                <td className={styles.muted}>
                  {l.function}/{envOf.get(l.stream) ?? "?"}
                </td>
                <td className={styles.line}>{l.line}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Everything the run produced, to check the picture against: steps, invocations, queues, deliveries, tables, logs. */
export function TraceExplorer({ trace }: { trace: Trace }) {
  const uid = useId().replace(/:/g, "");
  const tabs = useMemo(() => {
    const hasOther = Object.keys(trace.streams).length + Object.keys(trace.topics).length + Object.keys(trace.buses).length + trace.eventSourceMappings.length > 0 || Object.keys(trace.functions).length > 0;
    const list: Array<{ id: TabId; label: string; count?: number }> = [
      { id: "steps", label: "Steps", count: trace.steps.length },
      { id: "invocations", label: "Invocations", count: trace.invocations.length },
      { id: "queues", label: "Queues", count: Object.keys(trace.queues).length },
      { id: "deliveries", label: "Deliveries", count: trace.deliveries.length },
      { id: "tables", label: "Tables", count: Object.keys(trace.tables).length },
      { id: "logs", label: "Logs", count: trace.logs.length },
    ];
    if (hasOther) list.splice(5, 0, { id: "other", label: "More" });
    return list;
  }, [trace]);
  const [active, setActive] = useState<TabId>("steps");
  const refs = useRef(new Map<TabId, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === active);
    const next = e.key === "ArrowRight" ? (i + 1) % tabs.length : e.key === "ArrowLeft" ? (i - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(tabs[next]!.id);
    refs.current.get(tabs[next]!.id)?.focus();
  };

  return (
    <div className={styles.explorer}>
      <div role="tablist" aria-label="Trace explorer" className={styles.tabs} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
            }}
            role="tab"
            type="button"
            id={`${uid}-tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`${uid}-panel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            className={styles.tab}
            onClick={() => setActive(t.id)}
          >
            {t.label}
            {t.count !== undefined ? <span className={styles.count}>{t.count}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${uid}-panel-${active}`} aria-labelledby={`${uid}-tab-${active}`} className={styles.panel} tabIndex={0}>
        {active === "steps" ? <StepsPanel trace={trace} /> : null}
        {active === "invocations" ? <InvocationsPanel trace={trace} /> : null}
        {active === "queues" ? <QueuesPanel trace={trace} /> : null}
        {active === "deliveries" ? <DeliveriesPanel trace={trace} /> : null}
        {active === "tables" ? <TablesPanel trace={trace} /> : null}
        {active === "other" ? <OtherPanel trace={trace} /> : null}
        {active === "logs" ? <LogsPanel trace={trace} /> : null}
      </div>
    </div>
  );
}
