"use client";

import type { LearnerQuestion } from "@/lib/labs/types";
import { parseNumber, type QuestionState } from "./answer-state";
import { OrderedInput } from "./OrderedInput";
import styles from "./Predictions.module.css";

export interface QuestionInputProps {
  question: LearnerQuestion;
  state: QuestionState;
  disabled?: boolean;
  /** Id of the element holding the prompt (the control's accessible name). */
  promptId: string;
  errorId?: string;
  onChange: (state: QuestionState) => void;
}

/** One control per question type. */
export function QuestionInput({ question: q, state, disabled, promptId, errorId, onChange }: QuestionInputProps) {
  const name = `q-${q.id}`;
  switch (state.type) {
    case "number": {
      const invalid = state.text.trim() !== "" && parseNumber(state.text) === null;
      return (
        <div className={styles.numberRow}>
          <input
            id={name}
            name={name}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className={styles.numberInput}
            value={state.text}
            disabled={disabled}
            aria-labelledby={promptId}
            aria-invalid={invalid || undefined}
            aria-describedby={[invalid ? `${name}-nan` : "", errorId ?? ""].filter(Boolean).join(" ") || undefined}
            onChange={(e) => onChange({ type: "number", text: e.target.value })}
            placeholder="a number"
          />
          {q.tolerance ? <span className={styles.tolerance}>±{q.tolerance} counts as right</span> : null}
          {invalid ? (
            <span id={`${name}-nan`} className={styles.inlineError}>
              Not a number yet — digits, a point and an optional minus sign.
            </span>
          ) : null}
        </div>
      );
    }
    case "boolean":
      return (
        <div role="radiogroup" aria-labelledby={promptId} aria-describedby={errorId} className={styles.options}>
          {[true, false].map((v) => (
            <label key={String(v)} className={styles.option}>
              <input type="radio" name={name} checked={state.value === v} disabled={disabled} onChange={() => onChange({ type: "boolean", value: v })} />
              <span>{v ? "Yes" : "No"}</span>
            </label>
          ))}
        </div>
      );
    case "choice":
      return (
        <div role="radiogroup" aria-labelledby={promptId} aria-describedby={errorId} className={styles.options}>
          {(q.options ?? []).map((o) => (
            <label key={String(o.value)} className={styles.option}>
              <input type="radio" name={name} checked={state.value !== null && String(state.value) === String(o.value)} disabled={disabled} onChange={() => onChange({ type: "choice", value: o.value })} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
    case "multi-choice":
      return (
        <div role="group" aria-labelledby={promptId} aria-describedby={errorId} className={styles.options}>
          {(q.options ?? []).map((o) => {
            const checked = state.values.some((v) => String(v) === String(o.value));
            return (
              <label key={String(o.value)} className={styles.option}>
                <input
                  type="checkbox"
                  name={name}
                  checked={checked}
                  disabled={disabled}
                  onChange={() => {
                    const values = checked ? state.values.filter((v) => String(v) !== String(o.value)) : [...state.values, o.value];
                    // Keep the lab's option order, whatever order they were ticked in.
                    const ordered = (q.options ?? []).map((x) => x.value).filter((x) => values.some((v) => String(v) === String(x)));
                    onChange({ type: "multi-choice", values: ordered, touched: true });
                  }}
                />
                <span>{o.label}</span>
              </label>
            );
          })}
          {state.touched && state.values.length === 0 ? <p className={styles.hint}>Nothing ticked: your prediction is “none of them”.</p> : null}
          {!state.touched && !disabled ? (
            <button type="button" className={styles.linkButton} onClick={() => onChange({ type: "multi-choice", values: [], touched: true })}>
              None of them
            </button>
          ) : null}
        </div>
      );
    case "ordered":
      return (
        <OrderedInput
          id={name}
          items={q.items ?? []}
          order={state.order}
          confirmed={state.confirmed}
          disabled={disabled}
          labelledBy={promptId}
          onChange={(order, confirmed) => onChange({ type: "ordered", order, confirmed })}
        />
      );
    case "text":
      return (
        <input
          id={name}
          name={name}
          type="text"
          autoComplete="off"
          maxLength={500}
          className={styles.textInput}
          value={state.text}
          disabled={disabled}
          aria-labelledby={promptId}
          aria-describedby={errorId}
          onChange={(e) => onChange({ type: "text", text: e.target.value })}
          placeholder="your answer"
        />
      );
  }
}
