"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, Button, controlClass } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { AttemptMode } from "@/lib/quiz/views";
import styles from "./QuizList.module.css";

type StartAction = (input: { quizId: string; mode: AttemptMode; count?: number }) => Promise<ActionResult<{ attemptId: string; resumed: boolean; notes: string[] }>>;

export interface StartQuizProps {
  quizId: string;
  title: string;
  selection: "fixed" | "draw";
  questionCount: number;
  durationMinutes: number;
  available: number;
  start: StartAction;
}

const PRACTICE_SIZES = [5, 10, 20, 40, 65];

/** Start (or resume) an exam or a practice session; the player opens on the attempt's own page. */
export function StartQuiz({ quizId, title, selection, questionCount, durationMinutes, available, start }: StartQuizProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const sizes = PRACTICE_SIZES.filter((n) => n < questionCount).concat(questionCount);
  const [count, setCount] = useState(Math.min(10, questionCount));
  const go = (mode: AttemptMode) =>
    startTransition(async () => {
      setError(null);
      const result = await start({ quizId, mode, ...(mode === "practice" && selection === "draw" ? { count } : {}) });
      if (result.ok) router.push(`/quizzes/attempts/${result.data.attemptId}`);
      else setError(result.error);
    });
  const empty = available === 0;
  return (
    <div className={styles.start}>
      <div className={styles.startRow}>
        <Button onClick={() => go("exam")} pending={pending} disabled={empty} aria-label={`Start exam: ${title}`}>
          Start exam
        </Button>
        <span className={styles.meta}>
          {questionCount} questions · {durationMinutes} min
        </span>
      </div>
      <div className={styles.startRow}>
        <Button variant="secondary" onClick={() => go("practice")} pending={pending} disabled={empty} aria-label={`Practise: ${title}`}>
          Practise
        </Button>
        {selection === "draw" ? (
          <label className={styles.meta}>
            <select value={count} onChange={(e) => setCount(Number(e.target.value))} className={controlClass} aria-label="Practice questions">
              {sizes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>{" "}
            questions, feedback after each
          </label>
        ) : (
          <span className={styles.meta}>untimed, feedback after each</span>
        )}
      </div>
      {empty ? <p className={styles.meta}>No questions are available for this quiz right now.</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
