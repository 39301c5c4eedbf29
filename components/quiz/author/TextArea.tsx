import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import styles from "./Author.module.css";

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled textarea with hint and errors wired for screen readers, like the UI kit's Field. */
export function TextArea({ label, hint, errors, ...rest }: TextAreaProps) {
  const id = `${rest.name}-${useId()}`;
  const invalid = Boolean(errors?.length);
  const described = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <textarea {...rest} id={id} className={styles.textarea} aria-invalid={invalid || undefined} aria-describedby={described} />
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
