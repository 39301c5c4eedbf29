import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import styles from "./Field.module.css";

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}

function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {errors && errors.length > 0 ? (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The input look without Field's label frame, for a control labelled another way (aria-label in a
 * toolbar or filter bar): same height, border and colours as every Field and next to a Button.
 */
export const controlClass = styles.input;

function describedBy(id: string, hint: unknown, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Messages for this field, e.g. `result.fieldErrors.email` from an action (lib/actions). */
  errors?: string[];
  id?: string;
}

/** A labelled input with its hint and its errors, wired for screen readers (aria-invalid/-describedby). */
export function Field({ label, hint, errors, id, ...input }: FieldProps) {
  const autoId = useId();
  const fieldId = id ?? `${input.name}-${autoId}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <input
        {...input}
        id={fieldId}
        className={styles.input}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
      />
    </FieldFrame>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, hint, errors, id, options, ...select }: SelectFieldProps) {
  const autoId = useId();
  const fieldId = id ?? `${select.name}-${autoId}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <select
        {...select}
        id={fieldId}
        className={styles.input}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
}

/** A labelled textarea (Markdown, instructions, pasted rows) wired like Field. */
export function TextAreaField({ label, hint, errors, id, className, ...textarea }: TextAreaFieldProps) {
  const autoId = useId();
  const fieldId = id ?? `${textarea.name}-${autoId}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <textarea
        {...textarea}
        id={fieldId}
        className={[styles.input, styles.textarea, className].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
      />
    </FieldFrame>
  );
}
