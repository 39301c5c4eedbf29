import type { ReactNode } from "react";
import { formatAt, formatDuration } from "../format";
import type { CallRow, SetupDescription, Wire } from "./describe-setup";
import { dflt, Fact, seconds } from "./Fact";
import { FunctionCardView } from "./FunctionCardView";
import { ResourceChip } from "./ResourceChip";
import styles from "./SetupView.module.css";


function WireRow({ wire }: { wire: Wire }) {
  return (
    <li className={styles.wire}>
      <ResourceChip r={wire.from} />
      <span className={`${styles.arrow} ${styles[`w-${wire.kind}`] ?? ""}`}>
        <span className={styles.arrowLabel}>{wire.label}</span>
        <span className={styles.arrowLine} aria-hidden="true" />
        <span className="visually-hidden"> to </span>
      </span>
      <ResourceChip r={wire.to} />
      {wire.details.length ? <span className={styles.wireDetails}>{wire.details.join(" · ")}</span> : null}
    </li>
  );
}

function CallsTable({ calls }: { calls: CallRow[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.calls}`}>
        <caption className="visually-hidden">The calls the scenario makes, in time order</caption>
        <thead>
          <tr>
            <th scope="col">At</th>
            <th scope="col">Step</th>
            <th scope="col">Call</th>
            <th scope="col">To</th>
            <th scope="col">Key parameters</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={`${c.stepId}-${c.at}`}>
              <td className={styles.at}>
                {formatAt(c.at)}
                {c.repeat ? (
                  <span className={styles.repeat}>
                    {" "}
                    ×{c.repeat.times}
                    {c.repeat.everyMs ? ` every ${formatDuration(c.repeat.everyMs)}` : " at once"}
                  </span>
                ) : null}
              </td>
              <td>
                <code>{c.stepId}</code>
              </td>
              <td>
                <code>{c.op}</code>
              </td>
              <td>{c.target ? <ResourceChip r={c.target} /> : "—"}</td>
              <td>
                {c.params.length ? (
                  <ul className={styles.params}>
                    {c.params.map((p) => (
                      <li key={p.label}>
                        <span className={styles.paramLabel}>{p.label}</span> <code>{p.value}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The whole setup: functions, wiring, resources, calls and the engine's assumptions. */

export function SetupView({ setup }: { setup: SetupDescription }) {
  const resources = setup.queues.length + setup.topics.length + setup.streams.length + setup.tables.length + setup.buses.length + setup.roles.length;
  return (
    <div className={styles.setup}>
      <section aria-labelledby="setup-functions" className={styles.section}>
        <h2 id="setup-functions" className={styles.heading}>
          Functions
        </h2>
        <div className={styles.fnGrid}>
          {setup.functions.map((f) => (
            <FunctionCardView key={f.name} card={f} />
          ))}
        </div>
      </section>

      {setup.wiring.length ? (
        <section aria-labelledby="setup-wiring" className={styles.section}>
          <h2 id="setup-wiring" className={styles.heading}>
            How events flow
          </h2>
          <ul className={styles.wires}>
            {setup.wiring.map((w, i) => (
              <WireRow key={i} wire={w} />
            ))}
          </ul>
        </section>
      ) : null}

      {resources ? (
        <section aria-labelledby="setup-resources" className={styles.section}>
          <h2 id="setup-resources" className={styles.heading}>
            Resources
          </h2>
          <ul className={styles.resources}>
            {setup.queues.map((q) => (
              <li key={`q-${q.name}`} className={styles.resource}>
                <ResourceChip r={{ kind: "queue", name: q.name }} />
                <span>
                  {q.fifo ? "FIFO · " : ""}visibility timeout {seconds(q.visibilityTimeoutSeconds)}
                  {dflt(q.visibilityIsDefault)}
                  {q.redrive ? (
                    <>
                      {" "}
                      · redrive to <ResourceChip r={q.redrive.target} /> after {q.redrive.maxReceiveCount} {q.redrive.maxReceiveCount === 1 ? "receive" : "receives"}
                    </>
                  ) : null}
                  {q.attributes.map(([k, v]) => ` · ${k} ${v}`).join("")}
                </span>
              </li>
            ))}
            {setup.topics.map((t) => (
              <li key={`t-${t.name}`} className={styles.resource}>
                <ResourceChip r={{ kind: "topic", name: t.name }} />
              </li>
            ))}
            {setup.streams.map((s) => (
              <li key={`s-${s.name}`} className={styles.resource}>
                <ResourceChip r={{ kind: "stream", name: s.name }} />
                <span>
                  {s.shards} {s.shards === 1 ? "shard" : "shards"}
                </span>
              </li>
            ))}
            {setup.tables.map((t) => (
              <li key={`d-${t.name}`} className={styles.resource}>
                <ResourceChip r={{ kind: "table", name: t.name }} />
                <span>
                  {t.keys.join(", ")}
                  {t.stream ? ` · stream ${t.stream}` : ""}
                  {t.items.length ? ` · ${t.items.length} ${t.items.length === 1 ? "item" : "items"} at the start` : ""}
                </span>
                {t.items.length ? (
                  <details className={styles.items}>
                    <summary>Items at the start</summary>
                    <pre>{t.items.map((i) => JSON.stringify(i)).join("\n")}</pre>
                  </details>
                ) : null}
              </li>
            ))}
            {setup.buses.map((b) => (
              <li key={`b-${b}`} className={styles.resource}>
                <ResourceChip r={{ kind: "bus", name: b }} />
              </li>
            ))}
            {setup.roles.map((r) => (
              <li key={`r-${r.name}`} className={styles.resource}>
                <ResourceChip r={{ kind: "role", name: r.name }} />
                <span>
                  allows {r.allow.length ? r.allow.map((a, i) => <code key={i}>{a}</code>).reduce<ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), []) : "nothing"}
                </span>
              </li>
            ))}
          </ul>
          {setup.faults.length ? (
            <ul className={styles.plainList}>
              {setup.faults.map((f, i) => (
                <li key={i}>⚡ {f}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="setup-calls" className={styles.section}>
        <h2 id="setup-calls" className={styles.heading}>
          The calls, in time order
        </h2>
        {setup.calls.length ? <CallsTable calls={setup.calls} /> : <p className={styles.muted}>No call after the setup: everything happens while the resources are created.</p>}
        {setup.until !== undefined ? <p className={styles.muted}>The run stops at {formatAt(setup.until)}.</p> : null}
      </section>

      <details className={styles.assumptions} open={setup.settings.some((s) => !s.isDefault)}>
        <summary>
          Engine assumptions
          {setup.settings.some((s) => !s.isDefault) ? <span className={styles.changed}> · this lab changes {setup.settings.filter((s) => !s.isDefault).length}</span> : null}
        </summary>
        <dl className={styles.facts}>
          {setup.settings.map((s) => (
            <Fact key={s.label} label={s.label}>
              {s.value}
              {s.isDefault ? null : <span className={styles.changed}> (set by this lab)</span>}
            </Fact>
          ))}
        </dl>
      </details>
    </div>
  );
}
