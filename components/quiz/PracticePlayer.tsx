"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert, Button, Meter, SourceLink } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { AttemptView, QuestionFeedbackView, SavedAnswer } from "@/lib/quiz/views";
import { commandForKey } from "./keyboard";
import { MakeCardButton } from "./MakeCardButton";
import { Markdown } from "@/components/ui/Markdown";
import { QuestionView } from "./QuestionView";
import { submitAttemptRequest } from "./requests";
import styles from "./Player.module.css";

/** The panel's heading already says "Correct" / "Not quite". */
function stripVerdict(summary: string): string {
  const rest = summary.replace(/^(Correct\.|Not quite:)\s*/, "");
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : "";
}

/**
 * Practice mode: one question at a time, untimed; "Check" grades it at once and shows every
 * option's explanation. Answers are stored as they are checked, so a reload continues where the
 * learner was, with the feedback of what they already answered.
 */
export function PracticePlayer({ attempt }: { attempt: AttemptView }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Record<string, QuestionFeedbackView>>(attempt.feedback);
  const [index, setIndex] = useState(() => {
    const first = attempt.questions.findIndex((q) => !attempt.feedback[q.id]);
    return first < 0 ? attempt.questions.length - 1 : first;
  });
  const [selected, setSelected] = useState<Record<string, string[]>>({});
  const [checking, setChecking] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const question = attempt.questions[index]!;
  const done = feedback[question.id];
  const mine = selected[question.id] ?? [];
  const answeredCount = Object.keys(feedback).length;
  const last = index === attempt.questions.length - 1;

  const toggle = useCallback(
    (optionId: string) => {
      if (done) return;
      setError(null);
      setSelected((prev) => {
        const cur = prev[question.id] ?? [];
        const on = cur.includes(optionId);
        const next = question.type === "single" ? [optionId] : on ? cur.filter((x) => x !== optionId) : [...cur, optionId];
        return { ...prev, [question.id]: next };
      });
    },
    [done, question],
  );

  const go = useCallback(
    (i: number) => {
      setError(null);
      setIndex(Math.max(0, Math.min(attempt.questions.length - 1, i)));
      requestAnimationFrame(() => headingRef.current?.focus());
    },
    [attempt.questions.length],
  );

  const check = useCallback(async () => {
    if (done || checking) return;
    if (mine.length === 0) {
      setError(question.type === "single" ? "Choose an option first." : `Choose ${question.choose ?? "the"} options first.`);
      return;
    }
    // Multiple response says how many to choose (as the exam does): hold the learner to it.
    if (question.type === "multiple" && question.choose && mine.length !== question.choose) {
      setError(`This question asks for ${question.choose} options; you chose ${mine.length}.`);
      return;
    }
    setChecking(true);
    setError(null);
    try {
      const response = await fetch(`/api/quizzes/attempts/${encodeURIComponent(attempt.id)}/answers/${encodeURIComponent(question.id)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ selected: mine }),
      });
      const result = (await response.json().catch(() => null)) as ActionResult<SavedAnswer> | null;
      if (result?.ok && result.data.feedback) setFeedback((prev) => ({ ...prev, [question.id]: result.data.feedback! }));
      else setError(result && !result.ok ? result.error : `The server answered HTTP ${response.status}; try again.`);
    } catch {
      setError("Could not reach the server; your answer is not saved yet. Try again.");
    } finally {
      setChecking(false);
    }
  }, [attempt.id, checking, done, mine, question]);

  const finish = useCallback(async () => {
    setFinishing(true);
    const result = await submitAttemptRequest(attempt.id);
    if (!result.ok && result.code !== "conflict") {
      setFinishing(false);
      setError(result.error);
      return;
    }
    router.refresh();
  }, [attempt.id, router]);

  const next = useCallback(() => {
    if (last) void finish();
    else go(index + 1);
  }, [finish, go, index, last]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = commandForKey(e, question.options.length);
      if (!cmd || cmd.kind === "flag") return;
      if (cmd.kind === "choose") toggle(question.options[cmd.index]!.id);
      else if (cmd.kind === "confirm") void (done ? next() : check());
      else if (cmd.kind === "next") {
        if (done) next();
      } else if (cmd.kind === "prev") go(index - 1);
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [check, done, go, index, next, question, toggle]);

  return (
    <div className={styles.player}>
      <div className={styles.bar}>
        <h1 className={styles.barTitle}>
          <span className={styles.mode}>Practice</span>
          <span>{attempt.quizTitle}</span>
        </h1>
        <span className={styles.save}>
          {answeredCount} of {attempt.questions.length} answered
        </span>
        <Meter size="thin" percent={(answeredCount * 100) / attempt.questions.length} className={styles.progress} />
        <Button variant="secondary" onClick={() => void finish()} pending={finishing} disabled={answeredCount === 0}>
          Finish
        </Button>
      </div>

      <div className={styles.main}>
        <QuestionView question={question} total={attempt.questions.length} selected={done ? done.options.filter((o) => o.selected).map((o) => o.id) : mine} onToggle={done ? undefined : toggle} feedback={done?.options} headingRef={headingRef} />

        {error ? <Alert tone="error">{error}</Alert> : null}

        {done ? (
          <section className={`${styles.feedbackPanel} ${done.correct ? styles.feedbackRight : styles.feedbackWrong}`} aria-live="polite">
            <h3 className={styles.feedbackTitle}>{done.correct ? "Correct" : "Not quite"}</h3>
            {stripVerdict(done.summary) ? <p className={styles.feedbackSummary}>{stripVerdict(done.summary)}</p> : null}
            {done.explanation ? <Markdown>{done.explanation}</Markdown> : null}
            <p className={styles.feedbackMeta}>
              {done.domainName}
              {done.source ? (
                <>
                  {" · "}
                  <SourceLink source={done.source} />
                </>
              ) : null}
            </p>
            {!done.correct ? <MakeCardButton attemptId={attempt.id} questionId={question.id} /> : null}
          </section>
        ) : null}

        <div className={styles.controls}>
          <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
            ← Previous
          </Button>
          {done ? (
            <Button variant="primary" onClick={next} pending={finishing}>
              {last ? "Finish and see results" : "Next question →"}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => void check()} pending={checking}>
              Check answer
            </Button>
          )}
        </div>
        <p className={styles.keys}>
          Keys: <kbd>1</kbd>–<kbd>{Math.min(8, question.options.length)}</kbd> or <kbd>A</kbd>–<kbd>{String.fromCharCode(64 + Math.min(5, question.options.length))}</kbd> choose ·{" "}
          <kbd>Enter</kbd> check, then next · <kbd>P</kbd>/<kbd>←</kbd> previous
        </p>
      </div>
    </div>
  );
}
