"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";
import type { AttemptView, LabProgress, LearnerQuestion } from "@/lib/labs/types";
import { Markdown } from "@/components/ui/Markdown";
import type { GradeAction, MakeCard, SaveDraftAction } from "../player-actions";
import { answersOf, draftOf, isAnswered, restoreForm, type FormState, type QuestionState } from "./answer-state";
import { QuestionFeedback } from "./QuestionFeedback";
import { QuestionInput } from "./QuestionInput";
import styles from "./Predictions.module.css";

const TYPE_LABELS: Record<LearnerQuestion["type"], string> = {
  number: "number",
  boolean: "yes / no",
  choice: "one choice",
  "multi-choice": "several choices",
  ordered: "put in order",
  text: "text",
};

/** How long the form waits after the last change before saving the draft. */
const DRAFT_DELAY_MS = 700;

type DraftStatus = { state: "idle" } | { state: "saving" } | { state: "saved"; at: string } | { state: "error"; message: string };

export interface PredictionFormProps {
  slug: string;
  questions: LearnerQuestion[];
  /** Seeds the shown order of ordered questions: the lab, its version and the variant. */
  seed: string;
  /** What to show first: the saved draft, else the last graded predictions. */
  initial: Record<string, unknown> | null;
  attempt: AttemptView | null;
  progress: LabProgress;
  grade: GradeAction;
  saveDraft: SaveDraftAction;
  makeCard?: MakeCard;
  onGraded: (attempt: AttemptView, progress: LabProgress) => void;
}

function HintList({ hints, id }: { hints: string[]; id: string }) {
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <div className={styles.hints}>
      {shown > 0 ? (
        <ol className={styles.hintList} id={`${id}-hints`}>
          {hints.slice(0, shown).map((h, i) => (
            <li key={i}>
              <Markdown inline>{h}</Markdown>
            </li>
          ))}
        </ol>
      ) : null}
      {shown < hints.length ? (
        <button type="button" className={styles.linkButton} onClick={() => setShown(shown + 1)} aria-controls={`${id}-hints`}>
          {shown === 0 ? "Show a hint" : "Show another hint"} ({shown + 1} of {hints.length})
        </button>
      ) : null}
    </div>
  );
}

/**
 * The learner's predictions: one control per question, hints on request, a server-side draft
 * (per learner, lab version and variant — lib/labs saveDraft) so answers survive a reload, and
 * after grading the verdict, both answers and the explanation under each question.
 */
export function PredictionForm({ slug, questions, seed, initial, attempt, progress, grade, saveDraft, makeCard, onGraded }: PredictionFormProps) {
  const [form, setForm] = useState<FormState>(() => restoreForm(questions, initial, seed));
  const [draft, setDraft] = useState<DraftStatus>({ state: "idle" });
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const dirty = useRef(false);
  const results = useMemo(() => new Map((attempt?.result.questions ?? []).map((r) => [r.id, r])), [attempt]);

  // Save the draft a moment after the last change (never on first render).
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(async () => {
      setDraft({ state: "saving" });
      const res = await saveDraft({ slug, answers: draftOf(form) });
      setDraft(res.ok ? { state: "saved", at: res.data.savedAt } : { state: "error", message: res.error });
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, slug, saveDraft]);

  const update = (id: string, state: QuestionState) => {
    dirty.current = true;
    setForm((f) => ({ ...f, [id]: state }));
    if (fieldErrors[id]) setFieldErrors(({ [id]: _, ...rest }) => rest);
  };

  const answered = questions.filter((q) => isAnswered(form[q.id]!)).length;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setFormError(null);
    const res = await grade({ slug, answers: answersOf(form) });
    setPending(false);
    if (!res.ok) {
      const byQuestion: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(res.fieldErrors)) if (key.startsWith("answers.")) byQuestion[key.slice(8)] = messages;
      setFieldErrors(byQuestion);
      setFormError(Object.keys(byQuestion).length ? `${res.error} See the questions marked below.` : res.error);
      return;
    }
    setFieldErrors({});
    onGraded(res.data.attempt, res.data.progress);
  };

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-labelledby="predict-heading" noValidate>
      <div className={styles.formHeader}>
        <h2 id="predict-heading" className={styles.formTitle}>
          Your predictions
        </h2>
        <p className={styles.draftStatus} aria-live="polite">
          {draft.state === "saving"
            ? "Saving draft…"
            : draft.state === "saved"
              ? `Draft saved ${new Date(draft.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`
              : draft.state === "error"
                ? `Draft not saved: ${draft.message}`
                : "Answers are saved as you go."}
        </p>
      </div>
      {attempt ? <ScoreBanner attempt={attempt} progress={progress} /> : null}
      <ol className={styles.questions}>
        {questions.map((q, i) => {
          const state = form[q.id]!;
          const promptId = `q-${q.id}-prompt`;
          const errors = fieldErrors[q.id];
          const result = results.get(q.id);
          return (
            <li key={q.id} className={styles.question} aria-labelledby={promptId} data-question={q.id}>
              <div className={styles.questionMeta}>
                <span className={styles.qNumber}>Q{i + 1}</span>
                <span>{TYPE_LABELS[q.type]}</span>
                <span>
                  · {q.points} {q.points === 1 ? "point" : "points"}
                </span>
                {isAnswered(state) ? (
                  <span className={styles.answeredMark} aria-label="answered">
                    ●
                  </span>
                ) : null}
              </div>
              <div id={promptId} className={styles.prompt}>
                <Markdown>{q.prompt}</Markdown>
              </div>
              <QuestionInput question={q} state={state} promptId={promptId} {...(errors ? { errorId: `q-${q.id}-error` } : {})} onChange={(s) => update(q.id, s)} disabled={pending} />
              <p className={styles.rule}>{q.creditRule}</p>
              {errors ? (
                <p id={`q-${q.id}-error`} className={styles.inlineError} role="alert">
                  {errors.join(" ")}
                </p>
              ) : null}
              <HintList hints={q.hints} id={`q-${q.id}`} />
              {result && attempt ? <QuestionFeedback question={q} result={result} attemptId={attempt.id} {...(makeCard ? { makeCard } : {})} /> : null}
            </li>
          );
        })}
      </ol>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className={styles.submitRow}>
        <Button type="submit" pending={pending}>
          {pending ? "Running the engine…" : attempt ? "Submit again" : "Submit predictions"}
        </Button>
        <span className={styles.answeredCount}>
          {answered} of {questions.length} answered{answered < questions.length ? " — an unanswered question scores 0" : ""}
        </span>
      </div>
    </form>
  );
}

function ScoreBanner({ attempt, progress }: { attempt: AttemptView; progress: LabProgress }) {
  const pct = attempt.maxScore > 0 ? Math.round((attempt.score / attempt.maxScore) * 100) : 0;
  const best = progress.best;
  return (
    <div className={styles.score} role="status" aria-live="polite" data-testid="score">
      <div className={styles.scoreMain}>
        <span className={styles.scoreValue}>
          {attempt.score} / {attempt.maxScore}
        </span>
        <span className={styles.scoreLabel}>points on your last attempt ({pct}%)</span>
      </div>
      <div className={styles.scoreBar} aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </div>
      <p className={styles.scoreMeta}>
        {progress.attempts} {progress.attempts === 1 ? "attempt" : "attempts"}
        {best ? ` · best ${best.score} / ${best.maxScore}` : ""} · feedback is under each question
      </p>
    </div>
  );
}
