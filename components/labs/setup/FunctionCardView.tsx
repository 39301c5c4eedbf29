import { CodeBlock } from "../code/CodeBlock";
import { formatAt } from "../format";
import type { AsyncConfig, CodeRevision, FunctionCard } from "./describe-setup";
import { dflt, Fact, seconds } from "./Fact";
import { ResourceChip } from "./ResourceChip";
import styles from "./SetupView.module.css";

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

/** A function at a glance: configuration, concurrency, async config, versions and aliases, code. */
export function FunctionCardView({ card }: { card: FunctionCard }) {
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
