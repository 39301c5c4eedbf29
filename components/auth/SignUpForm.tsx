"use client";

import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Button, Field, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import { PASSWORD_MIN } from "@/lib/auth/schemas";
import styles from "./AuthForm.module.css";

export function SignUpForm() {
  const [result, formAction, pending] = useActionState(signUpAction, null);
  const errors = fieldErrorsOf(result);
  const values = valuesOf(result);
  return (
    <form action={formAction} noValidate className={styles.form} aria-label="Create account">
      <FormError result={result} />
      <Field name="name" label="Name (optional)" autoComplete="name" defaultValue={values.name} errors={errors.name} />
      <Field name="email" type="email" label="Email" autoComplete="email" required defaultValue={values.email} errors={errors.email} />
      <Field
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters. A few random words make a strong one.`}
        errors={errors.password}
      />
      <Button type="submit" pending={pending} className={styles.submit}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
