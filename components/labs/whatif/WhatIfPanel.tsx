"use client";

import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";
import type { LearnerQuestion, QuestionResult, Scalar, Trace, WhatIfChange, WhatIfKnob, WhatIfResult } from "@/lib/labs/types";
import { formatValue } from "../predictions/answer-state";
import type { WhatIfAction, WhatIfKnobsAction } from "../player-actions";
import { diffRuns } from "../timeline/summary";
import { Timeline } from "../timeline/Timeline";
import { formatAt } from "../format";
import styles from "./WhatIf.module.css";

export interface WhatIfPanelProps {
  slug: string;
  /** The graded run, to compare with. */
  trace: Trace;
  questions: LearnerQuestion[];
  graded: QuestionResult[];
  knobsAction: WhatIfKnobsAction;
  runAction: WhatIfAction;
}

type Values = Record<string, string | boolean>;

const knobText = (k: WhatIfKnob) => {
  // A param is the lab's own variable: changing it picks another variant of the lab.
  if (k.param) return { main: k.param, context: "lab variable" };
  const [main, context] = k.label.split(" — ");
  return { main: main ?? k.label, context: context ?? "" };
};

const shown = (v: Scalar | null) => (v === null ? "AWS default" : String(v));

function changeOf(k: WhatIfKnob, raw: string | boolean): { change?: WhatIfChange; error?: string } {
  // An empty field on a knob the lab leaves at AWS's default: nothing to change.
  if (k.current === null && k.kind !== "boolean" && typeof raw === "string" && raw.trim() === "") return {};
  let value: Scalar;
  if (k.kind === "boolean") value = raw === true;
  else if (k.kind === "integer") {
    const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
    if (!Number.isInteger(n)) return { error: "a whole number" };
    if ((k.min !== undefined && n < k.min) || (k.max !== undefined && n > k.max)) return { error: `from ${k.min} to ${k.max}` };
    value = n;
  } else {
    value = k.choices?.find((c) => String(c) === String(raw)) ?? String(raw);
  }
  if (k.current !== null && String(value) === String(k.current)) return {};
  if (k.param) return { change: { param: k.param, value } };
  if (typeof value === "string") return { error: "not a value this field takes" };
  return { change: { step: k.step!, field: k.field!, value } };
}

/**
 * What-if, after grading: turn one of the lab's whitelisted knobs (lib/labs/what-if.ts), rerun
 * the engine — ungraded, never stored — and compare with the graded run.
 */
export function WhatIfPanel({ slug, trace, questions, graded, knobsAction, runAction }: WhatIfPanelProps) {
  const [knobs, setKnobs] = useState<WhatIfKnob[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<Values>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [knobErrors, setKnobErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ run: WhatIfResult; knobs: WhatIfKnob[] } | null>(null);

  useEffect(() => {
    let live = true;
    void knobsAction({ slug }).then((res) => {
      if (!live) return;
      if (!res.ok) return setLoadError(res.error);
      setKnobs(res.data);
      setValues(Object.fromEntries(res.data.map((k) => [k.key, k.kind === "boolean" ? k.current === true : k.current === null ? "" : String(k.current)])));
    });
    return () => {
      live = false;
    };
  }, [slug, knobsAction]);

  const pendingChanges = useMemo(() => {
    const out: Array<{ knob: WhatIfKnob; change: WhatIfChange }> = [];
    for (const k of knobs ?? []) {
      const c = changeOf(k, values[k.key] ?? "");
      if (c.change) out.push({ knob: k, change: c.change });
    }
    return out;
  }, [knobs, values]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!knobs) return;
    const errs: Record<string, string> = {};
    for (const k of knobs) {
      const c = changeOf(k, values[k.key] ?? "");
      if (c.error) errs[k.key] = `Expected ${c.error}.`;
    }
    setKnobErrors(errs);
    if (Object.keys(errs).length) return;
    if (pendingChanges.length === 0) {
      setError("Change at least one value first.");
      return;
    }
    setPending(true);
    setError(null);
    const res = await runAction({ slug, changes: pendingChanges.map((p) => p.change) });
    setPending(false);
    if (!res.ok) {
      const byKnob: Record<string, string> = {};
      for (const [key, messages] of Object.entries(res.fieldErrors)) {
        const m = /^changes\[(\d+)\]$/.exec(key);
        const knob = m ? pendingChanges[Number(m[1])]?.knob : undefined;
        if (knob) byKnob[knob.key] = messages.join(" ");
      }
      setKnobErrors(byKnob);
      setError(res.error);
      return;
    }
    setResult({ run: res.data, knobs: pendingChanges.map((p) => p.knob) });
  };

  const reset = () => {
    if (!knobs) return;
    setValues(Object.fromEntries(knobs.map((k) => [k.key, k.kind === "boolean" ? k.current === true : k.current === null ? "" : String(k.current)])));
    setKnobErrors({});
    setError(null);
  };

  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  if (!knobs) return <p className={styles.muted}>Loading the knobs this lab lets you turn…</p>;
  if (knobs.length === 0) return <p className={styles.muted}>This lab has no setting a what-if may change.</p>;

  const diff = result ? diffRuns(trace, result.run.trace) : [];
  const changedSummary = result
    ? result.run.changes
        .map((c, i) => {
          const k = result.knobs[i];
          return `${k ? knobText(k).main : "param" in c ? c.param : c.field} ${k ? shown(k.current) : "?"} → ${String(c.value)}`;
        })
        .join(", ")
    : "";

  const renderKnob = (k: WhatIfKnob) => {
    const t = knobText(k);
    const id = `wi-${k.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const v = values[k.key];
    const changed = pendingChanges.some((p) => p.knob.key === k.key);
    return (
      <li key={k.key} className={`${styles.knob} ${changed ? styles.changed : ""}`}>
        <label htmlFor={id} className={styles.knobLabel}>
          {t.main}
          <span className={styles.context}>{t.context}</span>
        </label>
        {k.kind === "boolean" ? (
          <input id={id} type="checkbox" checked={v === true} onChange={(e) => setValues({ ...values, [k.key]: e.target.checked })} />
        ) : k.kind === "choice" ? (
          <select id={id} value={String(v ?? "")} onChange={(e) => setValues({ ...values, [k.key]: e.target.value })} className={styles.input}>
            {(k.choices ?? []).map((c) => (
              <option key={String(c)} value={String(c)}>
                {String(c)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type="number"
            inputMode="numeric"
            className={styles.input}
            value={String(v ?? "")}
            min={k.min}
            max={k.max}
            step={1}
            placeholder={k.current === null ? "default" : undefined}
            aria-invalid={knobErrors[k.key] ? true : undefined}
            aria-describedby={`${id}-range`}
            onChange={(e) => setValues({ ...values, [k.key]: e.target.value })}
          />
        )}
        <span id={`${id}-range`} className={styles.range}>
          now {shown(k.current)}
          {k.kind === "integer" && k.min !== undefined ? ` · ${k.min}–${k.max}` : ""}
        </span>
        {knobErrors[k.key] ? (
          <span className={styles.error} role="alert">
            {knobErrors[k.key]}
          </span>
        ) : null}
      </li>
    );
  };

  return (
    <div className={styles.panel}>
      <form onSubmit={onSubmit} className={styles.form} aria-label="What-if settings" noValidate>
        {/* The AWS settings first — what a learner turns to see the rule at work; the lab's own
            variables after, apart: changing one switches to another variant of the lab. */}
        <ul className={styles.knobs}>{knobs.filter((k) => !k.param).map(renderKnob)}</ul>
        {knobs.some((k) => k.param) ? (
          <>
            <p className={styles.paramsNote}>Or change this lab&apos;s own variables — each combination is another variant:</p>
            <ul className={styles.knobs}>{knobs.filter((k) => k.param).map(renderKnob)}</ul>
          </>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className={styles.actions}>
          <Button type="submit" pending={pending}>
            {pending ? "Rerunning…" : "Rerun with these changes"}
          </Button>
          <Button variant="ghost" onClick={reset} disabled={pendingChanges.length === 0}>
            Reset
          </Button>
          <span className={styles.muted}>{pendingChanges.length ? `${pendingChanges.length} changed` : "Nothing changed yet"} · ungraded, not saved</span>
        </div>
      </form>

      {result ? (
        <div className={styles.result} aria-live="polite">
          <h3 className={styles.resultTitle}>What changed: {changedSummary}</h3>
          <div className={styles.tableWrap}>
            <table className={styles.diff} data-testid="what-if-diff">
              <caption className="visually-hidden">The graded run compared with the what-if run</caption>
              <thead>
                <tr>
                  <th scope="col">In the run</th>
                  <th scope="col">As graded</th>
                  <th scope="col">What if</th>
                </tr>
              </thead>
              <tbody>
                {diff.map((d) => (
                  <tr key={d.key} className={d.before !== d.after ? styles.differs : undefined}>
                    <th scope="row">{d.label.replace(" (ms)", "")}</th>
                    <td>{d.key === "endedAt" ? formatAt(d.before) : d.before}</td>
                    <td>
                      {d.key === "endedAt" ? formatAt(d.after) : d.after}
                      {d.before !== d.after && d.key !== "endedAt" ? <span className={styles.delta}> ({d.after > d.before ? "+" : ""}{d.after - d.before})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className={styles.answers} open>
            <summary>Your questions on the changed run</summary>
            <ul>
              {questions.map((q, i) => {
                const before = graded.find((g) => g.id === q.id);
                const after = result.run.truths.find((t) => t.id === q.id);
                const a = formatValue(q, before?.truth);
                const b = after?.error ? `(cannot be computed: ${after.error})` : formatValue(q, after?.value);
                return (
                  <li key={q.id} className={a !== b ? styles.differs : undefined}>
                    <span className={styles.qn}>Q{i + 1}</span> {a} → <strong>{b}</strong>
                  </li>
                );
              })}
            </ul>
          </details>
          <div className={styles.timelines}>
            <Timeline trace={trace} title="As graded" />
            <Timeline trace={result.run.trace} title="What if" note={changedSummary} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
