"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert, Button, Field, FormError, SelectField, TextAreaField, fieldErrorsOf, Columns, submitKeepingFields } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import { DOMAINS } from "@/lib/quiz/domains";
import { MAX_OPTIONS, MIN_OPTIONS } from "@/lib/quiz/question-input";
import { optionLetter } from "../keyboard";
import { Markdown } from "@/components/ui/Markdown";
import styles from "./Author.module.css";

export interface QuestionDraft {
  questionId?: string;
  type: "single" | "multiple";
  domain: string;
  difficulty: "easy" | "medium" | "hard";
  topics: string;
  stem: string;
  explanation: string;
  source: string;
  options: Array<{ id?: string; text: string; correct: boolean; explanation: string }>;
}

export const EMPTY_DRAFT: QuestionDraft = {
  type: "single",
  domain: "development",
  difficulty: "medium",
  topics: "",
  stem: "",
  explanation: "",
  source: "",
  options: Array.from({ length: 4 }, () => ({ text: "", correct: false, explanation: "" })),
};

type Row = QuestionDraft["options"][number] & { key: number };

/**
 * The authoring form: single answer or multiple response, 2–8 options each with its explanation,
 * domain and topic tags, difficulty, source — and a preview as learners will see it. Every field
 * is controlled and the form skips React's reset (submitKeepingFields), so a refused save keeps
 * everything typed; errors appear at their field.
 */
export function QuestionForm({ initial, action, submitLabel }: { initial: QuestionDraft; action: ServerAction<never, { id: string }>; submitLabel: string }) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  const nextKey = useRef(initial.options.length);
  const [d, setD] = useState(initial);
  const [rows, setRows] = useState<Row[]>(() => initial.options.map((o, key) => ({ ...o, key })));

  useEffect(() => {
    if (result?.ok) router.push(`/author/questions?saved=${encodeURIComponent(result.data.id)}`);
  }, [result, router]);

  const setRow = (key: number, change: Partial<Row>) =>
    setRows((prev) =>
      prev.map((r) => {
        if (r.key === key) return { ...r, ...change };
        // A single-answer question has one right option: marking another unmarks this one.
        if (change.correct && d.type === "single") return { ...r, correct: false };
        return r;
      }),
    );
  const correctCount = rows.filter((r) => r.correct).length;

  return (
    <Columns layout="aside">
      {/* Controlled radios, checkboxes and selects need the reset skipped too, or a refused save
          puts the type, the correct options and the domain back to their first values. */}
      <form action={formAction} onSubmit={submitKeepingFields(formAction)} className={styles.form} noValidate>
        <FormError result={result} />
        {d.questionId ? <input type="hidden" name="questionId" value={d.questionId} /> : null}

        <fieldset className={styles.fieldset}>
          <legend className={styles.label}>Kind of question</legend>
          <div className={styles.radios}>
            {(["single", "multiple"] as const).map((t) => (
              <label key={t} className={styles.radio}>
                <input
                  type="radio"
                  name="type"
                  value={t}
                  checked={d.type === t}
                  onChange={() => {
                    setD({ ...d, type: t });
                    if (t === "single" && correctCount > 1) setRows((prev) => prev.map((r, i) => ({ ...r, correct: r.correct && prev.findIndex((x) => x.correct) === i })));
                  }}
                />
                {t === "single" ? "Single answer" : "Multiple response (“Choose TWO.”)"}
              </label>
            ))}
          </div>
          {errors.type ? <p className={styles.error}>{errors.type.join(" ")}</p> : null}
        </fieldset>

        <TextAreaField name="stem" label="Question" rows={5} value={d.stem} onChange={(e) => setD({ ...d, stem: e.target.value })} errors={errors.stem} hint="Markdown: `code`, **bold**, lists. Describe a scenario and ask what to do, like the exam does." />

        <fieldset className={styles.fieldset}>
          <legend className={styles.label}>Options</legend>
          <p className={styles.hint}>
            {d.type === "single" ? "Mark the one right option." : `Mark every right option (learners will be asked to choose ${Math.max(2, correctCount)}).`} Explain each option: learners see why it is right or wrong.
          </p>
          {errors.options ? (
            <p className={styles.error} role="alert">
              {errors.options.join(" ")}
            </p>
          ) : null}
          <ol className={styles.options}>
            {rows.map((r, i) => (
              <li key={r.key} className={styles.optionRow}>
                <div className={styles.optionHead}>
                  <span className={styles.letter}>{optionLetter(i)}</span>
                  <label className={styles.correct}>
                    <input type="checkbox" name={`options.${i}.correct`} checked={r.correct} onChange={(e) => setRow(r.key, { correct: e.target.checked })} />
                    Right answer
                  </label>
                  <Button variant="ghost" onClick={() => setRows((prev) => prev.filter((x) => x.key !== r.key))} disabled={rows.length <= MIN_OPTIONS} aria-label={`Remove option ${optionLetter(i)}`}>
                    Remove
                  </Button>
                </div>
                {r.id ? <input type="hidden" name={`options.${i}.id`} value={r.id} /> : null}
                <TextAreaField name={`options.${i}.text`} label={`Option ${optionLetter(i)}`} rows={2} value={r.text} onChange={(e) => setRow(r.key, { text: e.target.value })} errors={errors[`options.${i}.text`]} />
                <TextAreaField
                  name={`options.${i}.explanation`}
                  label={`Why option ${optionLetter(i)} is ${r.correct ? "right" : "wrong"}`}
                  rows={2}
                  value={r.explanation}
                  onChange={(e) => setRow(r.key, { explanation: e.target.value })}
                  errors={errors[`options.${i}.explanation`]}
                />
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            onClick={() => setRows((prev) => [...prev, { key: nextKey.current++, text: "", correct: false, explanation: "" }])}
            disabled={rows.length >= MAX_OPTIONS}
          >
            Add an option
          </Button>
        </fieldset>

        <div className={styles.row3}>
          <SelectField name="domain" label="Exam domain" value={d.domain} onChange={(e) => setD({ ...d, domain: e.target.value })} options={DOMAINS.map((x) => ({ value: x.id, label: x.name }))} errors={errors.domain} />
          <SelectField
            name="difficulty"
            label="Difficulty"
            value={d.difficulty}
            onChange={(e) => setD({ ...d, difficulty: e.target.value as QuestionDraft["difficulty"] })}
            options={[
              { value: "easy", label: "Easy" },
              { value: "medium", label: "Medium" },
              { value: "hard", label: "Hard" },
            ]}
            errors={errors.difficulty}
          />
          <Field name="topics" label="Topics" value={d.topics} onChange={(e) => setD({ ...d, topics: e.target.value })} hint="Comma-separated, e.g. async, retries" errors={errors.topics ?? Object.entries(errors).filter(([k]) => k.startsWith("topics.")).flatMap(([, v]) => v)} />
        </div>
        <TextAreaField name="explanation" label="General explanation (optional)" rows={3} value={d.explanation} onChange={(e) => setD({ ...d, explanation: e.target.value })} errors={errors.explanation} hint="Shown after answering, below the options." />
        <Field name="source" label="Source (optional)" value={d.source} onChange={(e) => setD({ ...d, source: e.target.value })} errors={errors.source} hint="The AWS documentation page the answer rests on." />

        {result?.ok ? <Alert tone="success">Saved.</Alert> : null}
        <div className={styles.actions}>
          <Button type="submit" pending={pending}>
            {submitLabel}
          </Button>
          <Button variant="ghost" onClick={() => router.push("/author/questions")}>
            Cancel
          </Button>
        </div>
      </form>

      <aside className={styles.preview} aria-label="Preview">
        <h2 className={styles.previewTitle}>Preview</h2>
        {d.stem.trim() ? <Markdown>{d.stem}</Markdown> : <p className={styles.hint}>The question appears here as learners will see it.</p>}
        {d.type === "multiple" ? <p className={styles.choose}>Choose {["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"][correctCount] ?? correctCount}.</p> : null}
        <ol className={styles.previewOptions}>
          {rows.map((r, i) => (
            <li key={r.key} className={r.correct ? styles.previewRight : undefined}>
              <span className={styles.letter}>{optionLetter(i)}</span>
              {r.text.trim() ? <Markdown inline>{r.text}</Markdown> : <span className={styles.hint}>(empty)</span>}
            </li>
          ))}
        </ol>
      </aside>
    </Columns>
  );
}
