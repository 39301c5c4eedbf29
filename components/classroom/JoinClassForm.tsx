"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button, Field, FieldRow, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import styles from "./Classroom.module.css";

/** Type the code an instructor gave (any case, with or without the dash). */
export function JoinClassForm({ action, code }: { action: ServerAction<never, { classId: string; joined: boolean }>; code?: string }) {
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  useEffect(() => {
    if (result?.ok) router.push(`/classes/${result.data.classId}`);
  }, [result, router]);
  if (code) {
    return (
      <form action={formAction} aria-label="Join this class">
        <input type="hidden" name="code" value={code} />
        <Button type="submit" pending={pending}>
          Join this class
        </Button>
        <FormError result={result} />
        {errors.code ? <p role="alert" className={styles.flag}>{errors.code.join(" ")}</p> : null}
      </form>
    );
  }
  return (
    <form action={formAction} aria-label="Join a class" noValidate>
      <FieldRow>
        <Field
          name="code"
          label="Class code"
          placeholder="K7XW-3MFD"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={valuesOf(result).code}
          errors={errors.code}
          hint="8 letters and digits from your instructor; case and dashes do not matter."
        />
        <Button type="submit" pending={pending}>
          Join
        </Button>
      </FieldRow>
      <FormError result={result} />
    </form>
  );
}
