import { z } from "zod";
import { ROLES } from "./roles";

// One set of schemas for forms, server actions and JSON routes.

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like ana@example.com." }))
  .transform(normaliseEmail);

// NIST SP 800-63B §5.1.1.2: at least 8 characters, allow long passphrases, no composition rules.
// The upper bound keeps argon2 from hashing megabytes on request.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .max(80, "Use at most 80 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Wrong email or password."),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const roleSchema = z.enum(ROLES, { error: `Choose one of: ${ROLES.join(", ")}.` });

export const changeRoleSchema = z.object({
  userId: z.string().min(1, "Which user?"),
  role: roleSchema,
});

/**
 * Only same-site paths may be a post-sign-in destination (an absolute URL there would make the
 * sign-in page an open redirect).
 */
export function safeCallbackPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/sign-in") || value.startsWith("/sign-up") || value.startsWith("/api/")) return fallback;
  return value;
}
