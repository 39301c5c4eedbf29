import type { OptionFeedbackView } from "@/lib/quiz/views";
import { optionLetter } from "./keyboard";
import { Markdown } from "@/components/ui/Markdown";
import styles from "./OptionList.module.css";

export interface OptionListProps {
  questionId: string;
  type: "single" | "multiple";
  options: ReadonlyArray<{ id: string; text: string }>;
  selected: readonly string[];
  /** Clicking an option; absent = read-only (feedback, review). */
  onToggle?: (optionId: string) => void;
  /** Practice feedback and review: every option's verdict and why. */
  feedback?: readonly OptionFeedbackView[];
  label: string;
}

const VERDICT_LABEL: Record<OptionFeedbackView["verdict"], string | null> = {
  "right-chosen": "Correct — your choice",
  "right-missed": "Correct answer",
  "wrong-chosen": "Your choice — wrong",
  "wrong-not-chosen": null,
};

/**
 * The options of a question. Single answer behaves as a radio group, multiple response as
 * checkboxes (ARIA roles on buttons, so arrow keys stay free for moving between questions).
 */
export function OptionList({ questionId, type, options, selected, onToggle, feedback, label }: OptionListProps) {
  const picked = new Set(selected);
  const role = type === "single" ? "radio" : "checkbox";
  return (
    <div role={type === "single" ? "radiogroup" : "group"} aria-label={label} className={styles.list}>
      {options.map((o, i) => {
        const fb = feedback?.find((f) => f.id === o.id);
        const tone = fb ? (fb.correct ? styles.right : fb.selected ? styles.wrong : "") : "";
        const isPicked = fb ? fb.selected : picked.has(o.id);
        return (
          <div key={o.id} className={[styles.option, isPicked ? styles.picked : "", tone].filter(Boolean).join(" ")} data-option-id={o.id}>
            <button
              type="button"
              role={role}
              aria-checked={isPicked}
              disabled={!onToggle}
              className={styles.choice}
              // No handler at all when read-only: the built-in question page renders this list as a
              // server component, and a function prop there fails the whole page.
              onClick={onToggle ? () => onToggle(o.id) : undefined}
              id={`${questionId}-option-${o.id}`}
            >
              <span className={styles.letter} aria-hidden="true">
                {optionLetter(i)}
              </span>
              <span className={styles.text}>
                <span className="visually-hidden">{optionLetter(i)}. </span>
                <Markdown inline>{o.text}</Markdown>
              </span>
            </button>
            {fb ? (
              <div className={styles.feedback}>
                {VERDICT_LABEL[fb.verdict] ? <p className={styles.verdict}>{VERDICT_LABEL[fb.verdict]}</p> : null}
                {fb.explanation ? <Markdown className={styles.explanation}>{fb.explanation}</Markdown> : <p className={styles.muted}>No explanation for this option.</p>}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
