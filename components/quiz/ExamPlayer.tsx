"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert, Button, Columns } from "@/components/ui";
import type { AnswerState, AttemptView } from "@/lib/quiz/views";
import { AnswerSync, type SyncStatus } from "./answer-sync";
import { Countdown, useRemainingMs } from "./Countdown";
import { commandForKey } from "./keyboard";
import { Navigator } from "./Navigator";
import { QuestionView } from "./QuestionView";
import { submitAttemptRequest } from "./requests";
import { SaveStatus } from "./SaveStatus";
import styles from "./Player.module.css";

const EMPTY: AnswerState = { selected: [], flagged: false, answeredAt: null };

/**
 * Exam mode in the AWS format: a countdown by the server's clock, one question at a time, flag for
 * review, a navigator, keyboard shortcuts, answers saved as they are given, and submission by the
 * learner or at time-out (the server submits too, so a closed tab changes nothing).
 */
export function ExamPlayer({ attempt }: { attempt: AttemptView }) {
  const router = useRouter();
  const [index, setIndex] = useState(() => {
    const first = attempt.questions.findIndex((q) => !attempt.answers[q.id]?.selected.length);
    return first < 0 ? 0 : first;
  });
  const [answers, setAnswers] = useState<Record<string, AnswerState>>(attempt.answers);
  const [status, setStatus] = useState<{ status: SyncStatus; pending: number }>({ status: "saved", pending: 0 });
  const [refused, setRefused] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const remaining = useRemainingMs(attempt.deadline!, attempt.serverNow);
  const timedOut = useRef(false);

  const sync = useMemo(
    () =>
      new AnswerSync({
        attemptId: attempt.id,
        onStatus: (s, pending) => setStatus({ status: s, pending }),
        onRefused: (message) => setRefused(message),
      }),
    [attempt.id],
  );

  // Leaving with unsaved answers: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (sync.pending > 0) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [sync]);

  const question = attempt.questions[index]!;
  const answer = answers[question.id] ?? EMPTY;

  // The latest answers, also between renders (two key presses in one frame must both count).
  const latest = useRef(answers);
  const update = useCallback(
    (questionId: string, change: (a: AnswerState) => AnswerState) => {
      if (refused || submitting) return;
      const next = change(latest.current[questionId] ?? EMPTY);
      latest.current = { ...latest.current, [questionId]: next };
      setAnswers(latest.current);
      sync.set(questionId, { selected: next.selected, flagged: next.flagged });
    },
    [refused, submitting, sync],
  );

  const toggle = useCallback(
    (optionId: string) =>
      update(question.id, (a) => {
        const on = a.selected.includes(optionId);
        const selected = question.type === "single" ? (on ? [] : [optionId]) : on ? a.selected.filter((x) => x !== optionId) : [...a.selected, optionId];
        return { ...a, selected };
      }),
    [question, update],
  );
  const toggleFlag = useCallback(() => update(question.id, (a) => ({ ...a, flagged: !a.flagged })), [question.id, update]);

  const go = useCallback(
    (i: number) => {
      const next = Math.max(0, Math.min(attempt.questions.length - 1, i));
      setIndex(next);
      requestAnimationFrame(() => headingRef.current?.focus({ preventScroll: false }));
    },
    [attempt.questions.length],
  );

  const submit = useCallback(
    async (reason: "learner" | "time-up") => {
      setSubmitting(true);
      setSubmitError(null);
      // Everything given so far is stored before scoring (bounded: the server also keeps what it has).
      await Promise.race([sync.flush(), new Promise((r) => setTimeout(r, reason === "time-up" ? 3000 : 15000))]);
      const result = await submitAttemptRequest(attempt.id);
      if (!result.ok && reason === "learner" && result.code !== "conflict") {
        setSubmitting(false);
        setSubmitError(result.error);
        return;
      }
      router.refresh();
    },
    [attempt.id, router, sync],
  );

  // Time is up: submit (the server does the same on its side after a few seconds' grace).
  useEffect(() => {
    if (remaining > 0 || timedOut.current) return;
    timedOut.current = true;
    void submit("time-up");
  }, [remaining, submit]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (confirming) return;
      const cmd = commandForKey(e, question.options.length);
      if (!cmd) return;
      if (cmd.kind === "choose") toggle(question.options[cmd.index]!.id);
      else if (cmd.kind === "flag") toggleFlag();
      else if (cmd.kind === "next") go(index + 1);
      else if (cmd.kind === "prev") go(index - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [confirming, go, index, question, toggle, toggleFlag]);

  const items = attempt.questions.map((q) => ({ id: q.id, number: q.number, answered: (answers[q.id]?.selected.length ?? 0) > 0, flagged: answers[q.id]?.flagged ?? false }));
  const unanswered = items.filter((i) => !i.answered).length;
  const flagged = items.filter((i) => i.flagged).length;
  const last = index === attempt.questions.length - 1;

  return (
    <div className={styles.player}>
      <div className={styles.bar}>
        <h1 className={styles.barTitle}>
          <span className={styles.mode}>Exam</span>
          <span>{attempt.quizTitle}</span>
        </h1>
        <SaveStatus status={status.status} pending={status.pending} />
        <Countdown remainingMs={remaining} />
        <Button variant="primary" onClick={() => setConfirming(true)} disabled={submitting || Boolean(refused)}>
          Submit exam…
        </Button>
      </div>

      {refused ? (
        <Alert tone="error">
          {refused}{" "}
          <Button variant="secondary" onClick={() => router.refresh()}>
            See the result
          </Button>
        </Alert>
      ) : null}
      {submitting ? <Alert tone="info">{timedOut.current ? "Time is up — submitting your answers…" : "Submitting your answers…"}</Alert> : null}
      {submitError ? <Alert tone="error">{submitError}</Alert> : null}

      {confirming ? (
        <section className={styles.confirm} role="dialog" aria-modal="false" aria-labelledby="confirm-title">
          <h2 id="confirm-title">Submit the exam?</h2>
          <p>
            {unanswered === 0 ? "Every question has an answer." : `${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered and will count as wrong.`}{" "}
            {flagged ? `${flagged} question${flagged === 1 ? " is" : "s are"} flagged for review.` : ""} After submitting, answers can no longer change.
          </p>
          <div className={styles.actions}>
            <Button
              variant="primary"
              pending={submitting}
              onClick={() => {
                setConfirming(false);
                void submit("learner");
              }}
              autoFocus
            >
              Submit and see my score
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep working
            </Button>
          </div>
        </section>
      ) : null}

      <Columns layout="aside">
        <div className={styles.main}>
          <QuestionView
            question={question}
            total={attempt.questions.length}
            selected={answer.selected}
            onToggle={refused || submitting ? undefined : toggle}
            headingRef={headingRef}
            flagged={answer.flagged}
          />
          <div className={styles.controls}>
            <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
              ← Previous
            </Button>
            <Button variant={answer.flagged ? "danger" : "ghost"} onClick={toggleFlag} aria-pressed={answer.flagged} disabled={Boolean(refused) || submitting}>
              {answer.flagged ? "Flagged for review" : "Flag for review"}
            </Button>
            {last ? (
              <Button variant="primary" onClick={() => setConfirming(true)} disabled={submitting || Boolean(refused)}>
                Review and submit
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => go(index + 1)}>
                Next →
              </Button>
            )}
          </div>
          <p className={styles.keys}>
            Keys: <kbd>1</kbd>–<kbd>{Math.min(8, question.options.length)}</kbd> or <kbd>A</kbd>–<kbd>{String.fromCharCode(64 + Math.min(5, question.options.length))}</kbd> choose ·{" "}
            <kbd>F</kbd> flag · <kbd>N</kbd>/<kbd>→</kbd> next · <kbd>P</kbd>/<kbd>←</kbd> previous
          </p>
        </div>
        <aside className={styles.aside}>
          <Navigator items={items} current={index} onGo={go} />
        </aside>
      </Columns>
    </div>
  );
}
