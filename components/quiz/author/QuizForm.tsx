"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useState } from "react";
import { Badge, Button, Field, FormError, TextAreaField, fieldErrorsOf, controlClass, submitKeepingFields } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import { DOMAINS } from "@/lib/quiz/domains";
import { stemExcerpt } from "@/lib/quiz/question";
import type { BankListItem } from "@/lib/quiz/service/bank";
import styles from "./Author.module.css";
import picker from "./QuizForm.module.css";

/**
 * Assemble a quiz from the bank: a fixed selection (in the order ticked) or a random draw spread
 * over the exam domains by weight (DVA-C02's 32/26/24/18 unless changed), with its own clock.
 */
export function QuizForm({ bank, action }: { bank: readonly BankListItem[]; action: ServerAction<never, { id: string }> }) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [visibility, setVisibility] = useState<"public" | "private">("public");
  const [selection, setSelection] = useState<"fixed" | "draw">("fixed");
  const [chosen, setChosen] = useState<string[]>([]);
  const [count, setCount] = useState("20");
  const [duration, setDuration] = useState("40");
  const [weights, setWeights] = useState<Record<string, string>>(Object.fromEntries(DOMAINS.map((d) => [d.id, String(d.weight)])));
  const [filterDomain, setFilterDomain] = useState("");
  const [filterText, setFilterText] = useState("");

  useEffect(() => {
    if (result?.ok) router.push("/quizzes");
  }, [result, router]);

  const shown = useMemo(
    () => bank.filter((q) => (!filterDomain || q.domain === filterDomain) && (!filterText.trim() || q.stem.toLowerCase().includes(filterText.trim().toLowerCase()))),
    [bank, filterDomain, filterText],
  );
  const toggle = (id: string) => setChosen((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));

  return (
    // Visibility and selection are radios driven by state: keep them through a refusal (an
    // "Only me" quiz must not come back as "Everyone signed in").
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} className={styles.form} noValidate>
      <FormError result={result} />
      <Field name="title" label="Title" value={title} onChange={(e) => setTitle(e.target.value)} errors={errors.title} />
      <TextAreaField name="description" label="Description (optional)" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} errors={errors.description} />

      <fieldset className={styles.fieldset}>
        <legend className={styles.label}>Who can take it</legend>
        <div className={styles.radios}>
          <label className={styles.radio}>
            <input type="radio" name="visibility" value="public" checked={visibility === "public"} onChange={() => setVisibility("public")} /> Everyone signed in
          </label>
          <label className={styles.radio}>
            <input type="radio" name="visibility" value="private" checked={visibility === "private"} onChange={() => setVisibility("private")} /> Only me (draft)
          </label>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.label}>Questions</legend>
        <div className={styles.radios}>
          <label className={styles.radio}>
            <input type="radio" name="selection" value="fixed" checked={selection === "fixed"} onChange={() => setSelection("fixed")} /> A fixed selection
          </label>
          <label className={styles.radio}>
            <input type="radio" name="selection" value="draw" checked={selection === "draw"} onChange={() => setSelection("draw")} /> A random draw by exam domain
          </label>
        </div>
        {errors.selection ? <p className={styles.error}>{errors.selection.join(" ")}</p> : null}
      </fieldset>

      {selection === "fixed" ? (
        <fieldset className={styles.fieldset}>
          <legend className={styles.label}>
            Choose questions <Badge tone="accent">{chosen.length} chosen</Badge>
          </legend>
          {errors.questionIds ? (
            <p className={styles.error} role="alert">
              {errors.questionIds.join(" ")}
            </p>
          ) : null}
          <div className={picker.filters}>
            <select value={filterDomain} onChange={(e) => setFilterDomain(e.target.value)} aria-label="Filter by domain" className={controlClass}>
              <option value="">All domains</option>
              {DOMAINS.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <input type="search" value={filterText} onChange={(e) => setFilterText(e.target.value)} placeholder="Filter by text" aria-label="Filter by text" className={`${controlClass} ${picker.search}`} />
          </div>
          {chosen.map((id) => (
            <input key={id} type="hidden" name="questionIds" value={id} />
          ))}
          <ul className={picker.list}>
            {shown.map((q) => (
              <li key={q.id}>
                <label className={picker.item}>
                  <input type="checkbox" checked={chosen.includes(q.id)} onChange={() => toggle(q.id)} aria-label={`Include: ${stemExcerpt(q.stem, 160)}`} />
                  <span className={picker.order}>{chosen.includes(q.id) ? chosen.indexOf(q.id) + 1 : ""}</span>
                  <span className={picker.stem}>{stemExcerpt(q.stem, 160)}</span>
                  <span className={picker.meta}>
                    {DOMAINS.find((d) => d.id === q.domain)?.name} · {q.type === "multiple" ? `choose ${q.choose}` : "single"} · {q.builtin ? "built-in" : "yours"}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <fieldset className={styles.fieldset}>
          <legend className={styles.label}>Draw</legend>
          <Field name="questionCount" label="Questions per attempt" type="number" min={1} max={200} value={count} onChange={(e) => setCount(e.target.value)} errors={errors.questionCount} hint="Drawn afresh for every attempt from the built-in bank and your own questions." />
          <p className={styles.hint}>Weight per exam domain (the DVA-C02 exam uses 32 / 26 / 24 / 18; 0 leaves a domain out):</p>
          <div className={picker.weights}>
            {DOMAINS.map((d) => (
              <Field
                key={d.id}
                name={`weight.${d.id}`}
                label={d.name}
                type="number"
                min={0}
                max={100}
                value={weights[d.id]}
                onChange={(e) => setWeights({ ...weights, [d.id]: e.target.value })}
                errors={errors[`domainWeights.${d.id}`]}
              />
            ))}
          </div>
          {errors.domainWeights ? <p className={styles.error}>{errors.domainWeights.join(" ")}</p> : null}
        </fieldset>
      )}

      <Field name="durationMinutes" label="Exam time (minutes)" type="number" min={1} max={600} value={duration} onChange={(e) => setDuration(e.target.value)} errors={errors.durationMinutes} hint="The AWS exam gives 130 minutes for 65 questions — 2 minutes each." />

      <div className={styles.actions}>
        <Button type="submit" pending={pending}>
          Create quiz
        </Button>
      </div>
    </form>
  );
}
