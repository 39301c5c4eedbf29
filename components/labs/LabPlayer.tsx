"use client";

import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui";
import type { AttemptView, LabProgress, LearnerLab, Trace } from "@/lib/labs/types";
import { TraceExplorer } from "./explorer/TraceExplorer";
import type { PlayerActions } from "./player-actions";
import { PredictionForm } from "./predictions/PredictionForm";
import { Timeline } from "./timeline/Timeline";
import { WhatIfPanel } from "./whatif/WhatIfPanel";
import styles from "./LabPlayer.module.css";

export interface LabPlayerProps {
  lab: LearnerLab;
  /** The setup, rendered on the server (SetupView). */
  setup: ReactNode;
  draft: Record<string, unknown> | null;
  latest: AttemptView | null;
  progress: LabProgress;
  /** The learner's run, when they have graded an attempt already. */
  trace: Trace | null;
  traceError: string | null;
  actions: PlayerActions;
}

type TraceState = { status: "none" } | { status: "loading" } | { status: "ready"; trace: Trace } | { status: "error"; message: string };

/** Predictions from the last graded attempt, for a form without a draft. */
function predictionsOf(attempt: AttemptView | null): Record<string, unknown> | null {
  if (!attempt) return null;
  return Object.fromEntries(attempt.result.questions.filter((q) => q.prediction !== null).map((q) => [q.id, q.prediction]));
}

/**
 * One lab, end to end: the setup beside the predictions; after grading, the score and feedback,
 * the timeline picture of the run, the trace explorer, and what-if reruns.
 */
export function LabPlayer({ lab, setup, draft, latest, progress: initialProgress, trace: initialTrace, traceError, actions }: LabPlayerProps) {
  const [attempt, setAttempt] = useState<AttemptView | null>(latest);
  const [progress, setProgress] = useState<LabProgress>(initialProgress);
  const [run, setRun] = useState<TraceState>(initialTrace ? { status: "ready", trace: initialTrace } : traceError ? { status: "error", message: traceError } : { status: "none" });
  const runHeading = useRef<HTMLHeadingElement>(null);
  const initial = useMemo(() => draft ?? predictionsOf(latest), [draft, latest]);

  const loadTrace = useCallback(async () => {
    setRun({ status: "loading" });
    const res = await actions.trace({ slug: lab.id });
    setRun(res.ok ? { status: "ready", trace: res.data } : { status: "error", message: res.error });
  }, [actions, lab.id]);

  const onGraded = (a: AttemptView, p: LabProgress) => {
    setAttempt(a);
    setProgress(p);
    // The run is the same for every attempt on this version and variant: load it once.
    if (run.status !== "ready") void loadTrace();
  };

  const trace = run.status === "ready" ? run.trace : null;

  return (
    <div className={styles.player}>
      <nav className={styles.jump} aria-label="On this page">
        <a href="#setup">Setup</a>
        <a href="#predict">Predict</a>
        {attempt ? <a href="#run">Timeline</a> : null}
        {trace ? <a href="#explore">Explore the run</a> : null}
        {attempt ? <a href="#what-if">What if…</a> : null}
      </nav>
      <div className={styles.columns}>
        <section id="setup" className={styles.setupColumn} aria-labelledby="setup-heading">
          <h2 id="setup-heading" className="visually-hidden">
            The setup
          </h2>
          {setup}
        </section>
        <section id="predict" className={styles.predictColumn} aria-label="Predictions">
          <PredictionForm
            slug={lab.id}
            questions={lab.questions}
            seed={`${lab.id}:${lab.version}:${lab.variant.index}`}
            initial={initial}
            attempt={attempt}
            progress={progress}
            grade={actions.grade}
            saveDraft={actions.saveDraft}
            {...(actions.makeCard ? { makeCard: actions.makeCard } : {})}
            onGraded={onGraded}
          />
        </section>
      </div>

      {attempt ? (
        <section id="run" className={styles.section} aria-labelledby="run-heading">
          <h2 id="run-heading" ref={runHeading} className={styles.sectionTitle}>
            What happened
          </h2>
          {run.status === "loading" || run.status === "none" ? <p className={styles.muted}>Loading the run…</p> : null}
          {run.status === "error" ? (
            <Alert tone="error">
              The run could not be shown: {run.message}{" "}
              <button type="button" className={styles.retry} onClick={() => void loadTrace()}>
                Try again
              </button>
            </Alert>
          ) : null}
          {trace ? <Timeline trace={trace} title="Timeline of your run" /> : null}
        </section>
      ) : (
        <section className={styles.locked} aria-label="After you submit">
          <p>
            <strong>Submit your predictions to see the run:</strong> a timeline of every invocation, retry, throttle and delivery, the full trace, and what-if reruns with your own settings.
          </p>
        </section>
      )}

      {trace ? (
        <section id="explore" className={styles.section} aria-labelledby="explore-heading">
          <h2 id="explore-heading" className={styles.sectionTitle}>
            Explore the run
          </h2>
          <TraceExplorer trace={trace} />
        </section>
      ) : null}

      {attempt && trace ? (
        <section id="what-if" className={styles.section} aria-labelledby="what-if-heading">
          <h2 id="what-if-heading" className={styles.sectionTitle}>
            What if…
          </h2>
          <p className={styles.muted}>Change a setting and rerun the same scenario. What-if runs are not graded and not saved.</p>
          <WhatIfPanel slug={lab.id} trace={trace} questions={lab.questions} graded={attempt.result.questions} knobsAction={actions.whatIfKnobs} runAction={actions.whatIf} />
        </section>
      ) : null}
    </div>
  );
}
