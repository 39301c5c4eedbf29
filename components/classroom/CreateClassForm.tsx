"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button, Field, FieldRow, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";

export function CreateClassForm({ action }: { action: ServerAction<never, { id: string }> }) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  const values = valuesOf(result);
  useEffect(() => {
    if (result?.ok) router.push(`/classes/${result.data.id}`);
  }, [result, router]);
  return (
    <form action={formAction} aria-label="Create a class" noValidate>
      <FieldRow>
        <Field name="name" label="Class name" placeholder="Serverless Foundations" defaultValue={values.name} errors={errors.name} required />
        <Field name="term" label="Term (optional)" placeholder="Spring 2027" defaultValue={values.term} errors={errors.term} />
        <Button type="submit" pending={pending}>
          Create class
        </Button>
      </FieldRow>
      <FormError result={result} />
    </form>
  );
}
