import type { Ref } from "react";
import { chooseLabel, stemSaysChoose } from "@/lib/quiz/question";
import type { AttemptQuestionView, OptionFeedbackView } from "@/lib/quiz/views";
import { Markdown } from "@/components/ui/Markdown";
import { OptionList } from "./OptionList";
import styles from "./Player.module.css";

export interface QuestionViewProps {
  question: AttemptQuestionView;
  total: number;
  selected: readonly string[];
  onToggle?: (optionId: string) => void;
  feedback?: readonly OptionFeedbackView[];
  flagged?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** One question: its number, "Choose TWO." for multiple response, the stem and the options. */
export function QuestionView({ question, total, selected, onToggle, feedback, flagged, headingRef }: QuestionViewProps) {
  const choose = chooseLabel({ type: question.type, choose: question.choose ?? undefined });
  return (
    <article className={styles.question} aria-labelledby={`q-${question.id}-title`}>
      <header className={styles.questionHeader}>
        <h2 id={`q-${question.id}-title`} ref={headingRef} tabIndex={-1} className={styles.questionTitle}>
          Question {question.number} <span className={styles.of}>of {total}</span>
        </h2>
        {flagged ? <span className={styles.flag}>Flagged</span> : null}
      </header>
      <Markdown className={styles.stem}>{question.stem}</Markdown>
      {choose && !stemSaysChoose(question.stem) ? <p className={styles.choose}>{choose}</p> : null}
      <OptionList
        questionId={question.id}
        type={question.type}
        options={question.options}
        selected={selected}
        onToggle={onToggle}
        feedback={feedback}
        label={`Options for question ${question.number}`}
      />
    </article>
  );
}
