"use client";

import { useState } from "react";
import { Stats } from "@/components/ui";
import type { LearnerQuestion, QuestionResult } from "@/lib/labs/types";
import { Markdown } from "@/components/ui/Markdown";
import type { MakeCard } from "../player-actions";
import { formatValue } from "./answer-state";
import styles from "./Predictions.module.css";

const points = (n: number) => `${Math.round(n * 100) / 100} ${n === 1 ? "point" : "points"}`;

function verdict(r: QuestionResult): { tone: "right" | "partial" | "wrong" | "skipped"; text: string } {
  if (r.truthError) return { tone: "skipped", text: "Not graded on this run" };
  if (r.prediction === null) return { tone: "wrong", text: `Not answered — 0 of ${points(r.maxPoints)}` };
  if (r.correct) return { tone: "right", text: `Right — ${points(r.points)}` };
  if (r.credit > 0) return { tone: "partial", text: `Partly right — ${Math.round(r.points * 100) / 100} of ${points(r.maxPoints)}` };
  return { tone: "wrong", text: `Wrong — 0 of ${points(r.maxPoints)}` };
}

const ICON = { right: "✓", partial: "◐", wrong: "✗", skipped: "–" } as const;

type CardState = { status: "idle" | "pending" } | { status: "done"; created: boolean } | { status: "error"; message: string };

/** What grading said about one prediction: the verdict, both answers, the why, and "make a card". */
export function QuestionFeedback({ question, result, attemptId, makeCard }: { question: LearnerQuestion; result: QuestionResult; attemptId: string; makeCard?: MakeCard }) {
  const v = verdict(result);
  const [card, setCard] = useState<CardState>({ status: "idle" });
  const onMakeCard = async () => {
    if (!makeCard) return;
    setCard({ status: "pending" });
    const res = await makeCard({ attemptId, questionId: question.id });
    setCard(res.ok ? { status: "done", created: res.data.created } : { status: "error", message: res.error });
  };
  return (
    <div className={`${styles.feedback} ${styles[v.tone]}`} data-testid={`feedback-${question.id}`}>
      <p className={styles.verdict}>
        <span aria-hidden="true" className={styles.verdictIcon}>
          {ICON[v.tone]}
        </span>
        {v.text}
      </p>
      {result.truthError ? (
        <p className={styles.hint}>The engine could not compute this question&apos;s answer for your run, so it is left out of the score. ({result.truthError})</p>
      ) : (
        <Stats
          layout="grid"
          className={styles.compare}
          items={[
            { label: "Your prediction", value: result.prediction === null ? <span className={styles.muted}>not answered</span> : formatValue(question, result.prediction) },
            { label: "What the engine did", value: formatValue(question, result.truth) },
            ...(result.accepted && result.accepted.length > 1 ? [{ label: "Also accepted", value: result.accepted.join(", ") }] : []),
          ]}
        />
      )}
      <div className={styles.explanation}>
        <Markdown>{result.explanation}</Markdown>
      </div>
      {!result.correct && !result.truthError && makeCard ? (
        <div className={styles.cardRow}>
          {card.status === "done" ? (
            <p className={styles.cardDone} role="status">
              {card.created ? "Added to your Mistakes deck." : "Already in your Mistakes deck."}
              {" "}
              <a href="/study">Go to Study</a>
            </p>
          ) : (
            <button type="button" className={styles.cardButton} onClick={onMakeCard} disabled={card.status === "pending"} aria-busy={card.status === "pending" || undefined}>
              {card.status === "pending" ? "Making a card…" : "Make a card from this mistake"}
            </button>
          )}
          {card.status === "error" ? (
            <p className={styles.inlineError} role="alert">
              {card.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
