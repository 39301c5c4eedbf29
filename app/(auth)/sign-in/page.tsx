import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OidcSignIn } from "@/components/auth/OidcSignIn";
import { SignInForm } from "@/components/auth/SignInForm";
import { Alert } from "@/components/ui";
import { oidcButton } from "@/lib/auth/oidc";
import { safeCallbackPath } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends people back here with ?error=… when an OpenID Connect sign-in fails.
const OIDC_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: "This email already has a Lambda Lab password. Sign in with your password.",
  AccessDenied: "Sign-in was refused.",
  Configuration: "Single sign-on is not working right now. Ask your administrator to check the server log.",
  CredentialsSignin: "Wrong email or password.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl) : undefined;
  if (await getCurrentUser()) redirect(callbackUrl ?? "/dashboard");
  const error = typeof params.error === "string" ? (OIDC_ERRORS[params.error] ?? "Sign-in failed. Please try again.") : null;
  const oidc = oidcButton();
  return (
    <>
      <h1 className={styles.title}>Sign in</h1>
      <p className={styles.subtitle}>Welcome back to Lambda Lab.</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl} />
      {oidc ? <OidcSignIn name={oidc.name} callbackUrl={callbackUrl} /> : null}
      <p className={styles.switch}>
        New here? <Link href="/sign-up">Create an account</Link>
      </p>
    </>
  );
}
