"use client";

import { useState } from "react";
import { SourceLink } from "@/components/ui";
import { chooseLabel, stemSaysChoose } from "@/lib/quiz/question";
import type { ReviewItem } from "@/lib/quiz/views";
import { MakeCardButton } from "./MakeCardButton";
import { Markdown } from "@/components/ui/Markdown";
import { OptionList } from "./OptionList";
import styles from "./Results.module.css";

type Filter = "all" | "wrong" | "flagged";

/** The review after submission: each question, the learner's answer, the right one and why. */
export function ReviewList({ attemptId, items }: { attemptId: string; items: readonly ReviewItem[] }) {
  const [filter, setFilter] = useState<Filter>("all");
  const counts = { all: items.length, wrong: items.filter((i) => !i.correct).length, flagged: items.filter((i) => i.flagged).length };
  const shown = items.filter((i) => filter === "all" || (filter === "wrong" ? !i.correct : i.flagged));
  const labels: Record<Filter, string> = { all: "All", wrong: "Wrong or blank", flagged: "Flagged" };
  return (
    <section aria-labelledby="review-title" className={styles.review}>
      <div className={styles.reviewHead}>
        <h2 id="review-title">Review</h2>
        <div role="group" aria-label="Show" className={styles.filters}>
          {(Object.keys(labels) as Filter[]).filter((f) => f !== "flagged" || counts.flagged > 0).map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} className={styles.filter} onClick={() => setFilter(f)}>
              {labels[f]} ({counts[f]})
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? <p className={styles.note}>Nothing to show here.</p> : null}
      <ol className={styles.reviewList}>
        {shown.map((item) => {
          const choose = chooseLabel({ type: item.type, choose: item.choose ?? undefined });
          return (
            <li key={item.id} className={`${styles.reviewItem} ${item.correct ? styles.itemRight : styles.itemWrong}`} aria-labelledby={`review-${item.id}`}>
              <header className={styles.itemHead}>
                <h3 id={`review-${item.id}`} className={styles.itemTitle}>
                  Question {item.number}
                </h3>
                <span className={item.correct ? styles.good : styles.weak}>{item.correct ? "Correct" : item.answered ? "Wrong" : "Not answered"}</span>
                {item.flagged ? <span className={styles.flagTag}>Flagged</span> : null}
                <span className={styles.itemDomain}>{item.domainName}</span>
              </header>
              <Markdown>{item.stem}</Markdown>
              {choose && !stemSaysChoose(item.stem) ? <p className={styles.choose}>{choose}</p> : null}
              {!item.correct ? <p className={styles.summaryLine}>{item.summary}</p> : null}
              <OptionList questionId={`review-${item.id}`} type={item.type} options={item.options} selected={item.options.filter((o) => o.selected).map((o) => o.id)} feedback={item.options} label={`Options for question ${item.number}`} />
              {item.explanation ? <Markdown className={styles.general}>{item.explanation}</Markdown> : null}
              {item.source ? (
                <p className={styles.note}>
                  <SourceLink source={item.source} />
                </p>
              ) : null}
              {item.changedSince ? <p className={styles.note}>This question was edited after your attempt; you see its current wording.</p> : null}
              {item.canMakeCard ? <MakeCardButton attemptId={attemptId} questionId={item.id} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
