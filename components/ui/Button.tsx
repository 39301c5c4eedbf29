import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import styles from "./Button.module.css";

/** danger: the one destructive action of a page or card; danger-ghost: a destructive action among others in a row. */
export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "danger-ghost";

function classes(variant: ButtonVariant, extra?: string): string {
  return [styles.button, styles[variant], extra].filter(Boolean).join(" ");
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows a busy state and blocks double submits (pair with useFormStatus / useActionState). */
  pending?: boolean;
}

/** The one button. Defaults to type="button" so it never submits a form by accident. */
export function Button({ variant = "primary", pending = false, className, type = "button", disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes(variant, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends ComponentProps<typeof Link> {
  variant?: ButtonVariant;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant = "primary", className, ...rest }: ButtonLinkProps) {
  return <Link {...rest} className={classes(variant, className)} />;
}
