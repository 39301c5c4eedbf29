"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Button, Field, FormError, SelectField, TextAreaField, fieldErrorsOf, submitKeepingFields } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import { GRADING_METHOD_LABELS, GRADING_METHODS, LATE_POLICIES, LATE_POLICY_LABELS } from "@/lib/classroom/grading";
import styles from "./Classroom.module.css";

export interface AssignmentFormValues {
  assignmentId?: string;
  kind: "lab" | "quiz" | "study";
  title: string;
  instructions: string;
  labSlug: string;
  quizId: string;
  quizMode: "practice" | "exam";
  studyGoal: "reviews" | "retention";
  goalTarget: string;
  opensAt: string | null;
  dueAt: string | null;
  latePolicy: string;
  latePenaltyPct: string;
  attemptsAllowed: string;
  gradingMethod: string;
}

/** ISO → the value of a datetime-local input in the browser's zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function AssignmentForm({
  classId,
  labs,
  quizzes,
  initial,
  action,
}: {
  classId: string;
  labs: ReadonlyArray<{ slug: string; title: string; mine: boolean }>;
  quizzes: ReadonlyArray<{ id: string; title: string }>;
  initial?: AssignmentFormValues;
  action: ServerAction<never, { id: string }>;
}) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  const editing = !!initial?.assignmentId;
  const [kind, setKind] = useState<AssignmentFormValues["kind"]>(initial?.kind ?? "lab");
  const [goal, setGoal] = useState(initial?.studyGoal ?? "reviews");
  const [late, setLate] = useState(initial?.latePolicy ?? "accept");
  // Dates: filled in the browser (its zone), then sent with the zone's offset.
  const [opensAt, setOpensAt] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [tz, setTz] = useState("0");
  useEffect(() => {
    const now = new Date();
    now.setSeconds(0, 0);
    const week = new Date(now.getTime() + 7 * 86_400_000);
    week.setHours(23, 59, 0, 0);
    setOpensAt(toLocalInput(initial?.opensAt ?? now.toISOString()));
    setDueAt(toLocalInput(initial?.dueAt ?? week.toISOString()));
    setTz(String(now.getTimezoneOffset()));
  }, [initial?.opensAt, initial?.dueAt]);
  useEffect(() => {
    if (result?.ok) router.push(`/classes/${classId}`);
  }, [result, router, classId]);

  return (
    <form
      action={formAction}
      // The kind, goal and late-policy controls are React state: keep them through a refusal.
      onSubmit={submitKeepingFields(formAction)}
      aria-label={editing ? "Edit assignment" : "New assignment"}
      className={styles.form}
      noValidate
    >
      <FormError result={result} />
      <input type="hidden" name="classId" value={classId} />
      {editing ? <input type="hidden" name="assignmentId" value={initial!.assignmentId} /> : null}
      <input type="hidden" name="tzOffset" value={tz} />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>What to assign</legend>
        <div className={styles.radios} role="radiogroup">
          {(["lab", "quiz", "study"] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" value={k} checked={kind === k} disabled={editing && kind !== k} onChange={() => setKind(k)} />
              {k === "lab" ? "A lab" : k === "quiz" ? "A quiz or exam" : "A study goal"}
            </label>
          ))}
        </div>
        {editing ? <input type="hidden" name="kind" value={kind} /> : null}
        {kind === "lab" ? (
          <SelectField
            name="labSlug"
            label="Lab"
            defaultValue={initial?.labSlug ?? ""}
            errors={errors.labSlug}
            options={[{ value: "", label: "Choose a lab…" }, ...labs.map((l) => ({ value: l.slug, label: `${l.title}${l.mine ? " (authored)" : ""}` }))]}
            hint="Learners always get the lab's newest published version; each attempt keeps the version it was made on."
          />
        ) : null}
        {kind === "quiz" ? (
          <>
            <SelectField name="quizId" label="Quiz" defaultValue={initial?.quizId ?? ""} errors={errors.quizId} options={[{ value: "", label: "Choose a quiz…" }, ...quizzes.map((q) => ({ value: q.id, label: q.title }))]} hint={<>Assemble new quizzes in <a href="/author/questions/quizzes/new">the question bank</a>.</>} />
            <SelectField name="quizMode" label="Mode" defaultValue={initial?.quizMode ?? "exam"} errors={errors.quizMode} options={[{ value: "exam", label: "Exam (timed, scored at the end)" }, { value: "practice", label: "Practice (feedback after each question)" }]} />
          </>
        ) : null}
        {kind === "study" ? (
          <>
            <SelectField name="studyGoal" label="Goal" value={goal} onChange={(e) => setGoal(e.target.value as "reviews" | "retention")} errors={errors.studyGoal} options={[{ value: "reviews", label: "Review a number of cards" }, { value: "retention", label: "Reach a retention" }]} />
            <Field
              name="goalTarget"
              type="number"
              label={goal === "reviews" ? "Cards to review" : "Retention to reach (%)"}
              defaultValue={initial?.goalTarget ?? (goal === "reviews" ? "100" : "85")}
              min={goal === "reviews" ? 1 : 50}
              max={goal === "reviews" ? 10000 : 99}
              errors={errors.goalTarget}
              hint={goal === "reviews" ? "Answers given from the opening date on count." : "True retention over reviews of learned cards between the opening and due dates (20 reviews or more)."}
            />
          </>
        ) : null}
      </fieldset>
      <Field name="title" label="Title (optional)" defaultValue={initial?.title ?? ""} errors={errors.title} hint="Defaults to the lab's or quiz's title." />
      <TextAreaField name="instructions" label="Instructions (optional, Markdown)" rows={3} defaultValue={initial?.instructions ?? ""} errors={errors.instructions} />
      <div className={styles.grid2}>
        <Field name="opensAt" type="datetime-local" label="Opens" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} errors={errors.opensAt} />
        <Field name="dueAt" type="datetime-local" label="Due" value={dueAt} onChange={(e) => setDueAt(e.target.value)} errors={errors.dueAt} />
      </div>
      <div className={styles.grid2}>
        <SelectField name="latePolicy" label="Late work" value={late} onChange={(e) => setLate(e.target.value)} errors={errors.latePolicy} options={LATE_POLICIES.map((p) => ({ value: p, label: LATE_POLICY_LABELS[p] }))} />
        {late === "penalty" ? <Field name="latePenaltyPct" type="number" min={1} max={100} label="Penalty per day late (%)" defaultValue={initial?.latePenaltyPct || "10"} errors={errors.latePenaltyPct} hint="Each started day after the due time." /> : null}
      </div>
      {kind !== "study" ? (
        <div className={styles.grid2}>
          <Field name="attemptsAllowed" type="number" min={1} max={100} label="Attempts allowed" defaultValue={initial?.attemptsAllowed ?? ""} placeholder="Unlimited" errors={errors.attemptsAllowed} hint="Empty for unlimited. Attempts past the allowance are not counted." />
          <SelectField name="gradingMethod" label="Grade from" defaultValue={initial?.gradingMethod ?? "highest"} errors={errors.gradingMethod} options={GRADING_METHODS.map((m) => ({ value: m, label: GRADING_METHOD_LABELS[m] }))} />
        </div>
      ) : null}
      <div className={styles.actionsRow}>
        <Button type="submit" pending={pending}>
          {editing ? "Save assignment" : "Assign"}
        </Button>
      </div>
    </form>
  );
}
