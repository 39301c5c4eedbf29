"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Button, Field, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import styles from "./AuthForm.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [result, formAction, pending] = useActionState(signInAction, null);
  const errors = fieldErrorsOf(result);
  const values = valuesOf(result);
  return (
    <form action={formAction} noValidate className={styles.form} aria-label="Sign in">
      <FormError result={result} />
      <Field
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={values.email}
        errors={errors.email}
      />
      <Field name="password" type="password" label="Password" autoComplete="current-password" required errors={errors.password} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Button type="submit" pending={pending} className={styles.submit}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
