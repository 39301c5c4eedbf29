import type { ReactNode } from "react";
import { CodeBlock } from "../code/CodeBlock";
import { formatAt, formatDuration, RESOURCE_LABELS, type ResourceRef } from "../format";
import type { AsyncConfig, CallRow, CodeRevision, FunctionCard, SetupDescription, Wire } from "./describe-setup";
import styles from "./SetupView.module.css";

const SHORT_KIND: Record<ResourceRef["kind"], string> = {
  function: "λ",
  queue: "SQS",
  topic: "SNS",
  stream: "Kinesis",
  table: "DynamoDB",
  "table-stream": "DDB stream",
  bus: "EventBridge",
  role: "IAM",
  unknown: "?",
};

/** A resource named the same way everywhere in the player: a kind tag and the name. */
export function ResourceChip({ r }: { r: ResourceRef }) {
  return (
    <span className={`${styles.chip} ${styles[`k-${r.kind}`] ?? ""}`} title={r.arn ?? `${RESOURCE_LABELS[r.kind]} ${r.name}`}>
      <span className={styles.chipKind} aria-hidden="true">
        {SHORT_KIND[r.kind]}
      </span>
      <span className="visually-hidden">{RESOURCE_LABELS[r.kind]} </span>
      <span className={styles.chipName}>
        {r.name}
        {r.qualifier ? <span className={styles.qualifier}>:{r.qualifier}</span> : null}
      </span>
    </span>
  );
}

function Fact({ label, children, muted }: { label: string; children: ReactNode; muted?: boolean }) {
  return (
    <div className={styles.fact}>
      <dt>{label}</dt>
      <dd className={muted ? styles.muted : undefined}>{children}</dd>
    </div>
  );
}

const seconds = (s: number) => formatDuration(s * 1000);
const dflt = (isDefault: boolean) => (isDefault ? <span className={styles.default}> (default)</span> : null);

function AsyncConfigFacts({ config }: { config: AsyncConfig }) {
  return (
    <div className={styles.subsection}>
      <h4 className={styles.subheading}>
        Async invocation config{config.qualifier !== "$LATEST" ? ` — ${config.qualifier}` : ""}
      </h4>
      <dl className={styles.facts}>
        <Fact label="Retry attempts">
          {config.maximumRetryAttempts}
          {dflt(config.retriesIsDefault)}
        </Fact>
        <Fact label="Maximum event age">
          {seconds(config.maximumEventAgeSeconds)}
          {dflt(config.ageIsDefault)}
        </Fact>
        <Fact label="On success">{config.onSuccess ? <ResourceChip r={config.onSuccess} /> : <span className={styles.muted}>none</span>}</Fact>
        <Fact label="On failure">{config.onFailure ? <ResourceChip r={config.onFailure} /> : <span className={styles.muted}>none</span>}</Fact>
      </dl>
    </div>
  );
}

function WeightBar({ alias }: { alias: FunctionCard["aliases"][number] }) {
  const extra = alias.weights.reduce((s, w) => s + w.weight, 0);
  const parts = [{ version: alias.version, weight: Math.max(0, 1 - extra) }, ...alias.weights];
  return (
    <span className={styles.weights}>
      {parts.map((p) => (
        <span key={p.version} className={styles.weightPart} style={{ flexGrow: Math.max(p.weight, 0.001) }}>
          {p.version} · {Math.round(p.weight * 1000) / 10}%
        </span>
      ))}
    </span>
  );
}

function FunctionCardView({ card }: { card: FunctionCard }) {
  const hasVersions = card.versions.length > 0 || card.aliases.length > 0;
  return (
    <article className={styles.fnCard} aria-labelledby={`fn-${card.name}`}>
      <header className={styles.fnHeader}>
        <h3 id={`fn-${card.name}`} className={styles.fnName}>
          <span className={styles.lambda} aria-hidden="true">
            λ
          </span>
          {card.name}
        </h3>
        <span className={styles.tag}>{card.runtime}</span>
        <span className={styles.tag}>
          <code>{card.handler}</code>
        </span>
      </header>
      {card.description ? <p className={styles.muted}>{card.description}</p> : null}
      <dl className={styles.facts}>
        <Fact label="Timeout">
          {seconds(card.timeoutSeconds)}
          {dflt(card.timeoutIsDefault)}
        </Fact>
        <Fact label="Memory">
          {card.memoryMb} MB{dflt(card.memoryIsDefault)}
        </Fact>
        <Fact label="Reserved concurrency" muted={card.reservedConcurrency === null}>
          {card.reservedConcurrency === null ? "none (shares the account pool)" : card.reservedConcurrency}
        </Fact>
        <Fact label="Provisioned concurrency" muted={card.provisioned.length === 0}>
          {card.provisioned.length === 0 ? "none" : card.provisioned.map((p) => `${p.count} on ${p.qualifier}`).join(", ")}
        </Fact>
        <Fact label="Execution role" muted={card.role === null}>
          {card.role ? <ResourceChip r={card.role} /> : "default (allows every action)"}
        </Fact>
        {card.dlq ? (
          <Fact label="Dead-letter queue">
            <ResourceChip r={card.dlq} />
          </Fact>
        ) : null}
      </dl>
      {card.environment.length ? (
        <div className={styles.subsection}>
          <h4 className={styles.subheading}>Environment variables</h4>
          <ul className={styles.envList}>
            {card.environment.map(([k, v]) => (
              <li key={k}>
                <code>
                  {k}={v === "" ? '""' : v}
                </code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {card.asyncConfigs.map((c) => (
        <AsyncConfigFacts key={c.qualifier} config={c} />
      ))}
      {hasVersions ? (
        <div className={styles.subsection}>
          <h4 className={styles.subheading}>Versions and aliases</h4>
          {card.versions.length ? (
            <div className={styles.tableWrap}>
              <table className={`${styles.table} ${styles.versions}`}>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Code</th>
                    <th scope="col">Environment</th>
                    <th scope="col">Published</th>
                  </tr>
                </thead>
                <tbody>
                  {card.versions.map((v) => (
                    <tr key={v.version} className={v.deletedAt !== undefined ? styles.deleted : undefined}>
                      <th scope="row">
                        {v.version}
                        {v.description ? <span className={styles.muted}> “{v.description}”</span> : null}
                      </th>
                      <td data-label="code">#{v.codeRev}</td>
                      <td data-label="env">{v.environment.length ? v.environment.map(([k, val]) => `${k}=${val}`).join(", ") : "—"}</td>
                      <td data-label="published">
                        {formatAt(v.publishedAt)}
                        {v.deletedAt !== undefined ? <span className={styles.muted}> · deleted at {formatAt(v.deletedAt)}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className={styles.muted}>Only $LATEST: no version published during the setup.</p>
          )}
          {card.aliases.length ? (
            <ul className={styles.aliases}>
              {card.aliases.map((a) => (
                <li key={a.name}>
                  <span className={styles.aliasName}>{a.name}</span> → {a.weights.length ? <WeightBar alias={a} /> : <span>version {a.version}</span>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {card.faults.length ? (
        <div className={styles.subsection}>
          <h4 className={styles.subheading}>Injected faults</h4>
          <ul className={styles.plainList}>
            {card.faults.map((f, i) => (
              <li key={i}>⚡ {f}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {card.changes.length ? (
        <div className={styles.subsection}>
          <h4 className={styles.subheading}>Changes during the run</h4>
          <ul className={styles.plainList}>
            {card.changes.map((c) => (
              <li key={`${c.stepId}-${c.at}`}>
                <span className={styles.at}>{formatAt(c.at)}</span> <code>{c.op}</code> — {c.summary}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {card.code.map((rev) => {
        const ranOnLatest = rev.latestUntil === undefined || rev.latestUntil > rev.since;
        return (
        <details key={rev.rev} className={styles.code} open={ranOnLatest || rev.usedBy.length > 0}>
          <summary>
            Handler code{card.code.length > 1 ? ` #${rev.rev}` : ""}
            <span className={styles.muted}> — {codeUse(rev)}</span>
          </summary>
          <CodeBlock code={rev.source} label={`Handler code of ${card.name}${card.code.length > 1 ? ` #${rev.rev}` : ""}`} />
        </details>
        );
      })}
    </article>
  );
}

/** "$LATEST until 30 s, version 1" — when and where a code revision runs. */
function codeUse(rev: CodeRevision): string {
  const latest =
    rev.latestUntil === undefined
      ? `$LATEST${rev.since > 0 ? ` from ${formatAt(rev.since)}` : ""}`
      : rev.latestUntil > rev.since
        ? `$LATEST ${rev.since > 0 ? `from ${formatAt(rev.since)} ` : ""}until ${formatAt(rev.latestUntil)}`
        : "";
  const where = [latest, ...rev.usedBy].filter(Boolean);
  return where.length ? `runs on ${where.join(", ")}` : "replaced at once: never runs";
}

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
