"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button, Field, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import type { ServerAction } from "@/lib/actions/action";
import styles from "./DeckForm.module.css";

export interface DeckFormValues {
  deckId?: string;
  name: string;
  description: string;
  newPerDay: number;
  reviewsPerDay: number;
}

type DeckAction = ServerAction<never, { id: string }>;

/** Create a deck, or change a deck's name, description and daily limits. */
export function DeckForm({ action, initial, submitLabel, goToDeck = false }: { action: DeckAction; initial: DeckFormValues; submitLabel: string; goToDeck?: boolean }) {
  const [result, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  const errors = fieldErrorsOf(result);
  const values = valuesOf(result);
  useEffect(() => {
    if (result?.ok) {
      if (goToDeck) router.push(`/study/decks/${result.data.id}`);
      else router.refresh();
    }
  }, [goToDeck, result, router]);
  return (
    <form action={formAction} className={styles.form}>
      <FormError result={result} />
      {result?.ok && !goToDeck ? (
        <p role="status" className={styles.saved}>
          Saved.
        </p>
      ) : null}
      {initial.deckId ? <input type="hidden" name="deckId" value={initial.deckId} /> : null}
      <Field name="name" label="Name" required defaultValue={values.name ?? initial.name} errors={errors.name} />
      <Field name="description" label="Description" defaultValue={values.description ?? initial.description} errors={errors.description} />
      <div className={styles.limits}>
        <Field name="newPerDay" label="New cards per day" type="number" min={0} inputMode="numeric" defaultValue={values.newPerDay ?? String(initial.newPerDay)} errors={errors.newPerDay} hint="Anki's default is 20." />
        <Field name="reviewsPerDay" label="Reviews per day" type="number" min={0} inputMode="numeric" defaultValue={values.reviewsPerDay ?? String(initial.reviewsPerDay)} errors={errors.reviewsPerDay} hint="Anki's default is 200." />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
