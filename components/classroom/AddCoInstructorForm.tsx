"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { Alert, Button, Field, FieldRow, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";

export function AddCoInstructorForm({ classId, action }: { classId: string; action: ServerAction<never, { userId: string; name: string }> }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  useEffect(() => {
    if (result?.ok) {
      form.current?.reset();
      router.refresh();
    }
  }, [result, router]);
  return (
    <form ref={form} action={formAction} aria-label="Add a co-instructor" noValidate>
      <input type="hidden" name="classId" value={classId} />
      <FieldRow>
        <Field name="email" type="email" label="Co-instructor's email" defaultValue={result?.ok ? "" : valuesOf(result).email} errors={errors.email} hint="They need an instructor account on this site." />
        <Button type="submit" pending={pending}>
          Add co-instructor
        </Button>
      </FieldRow>
      <FormError result={result} />
      {result?.ok ? <Alert tone="success">{result.data.name} now teaches this class.</Alert> : null}
    </form>
  );
}
