import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { getCurrentUser } from "@/lib/auth/session";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <>
      <h1 className={styles.title}>Create your account</h1>
      <p className={styles.subtitle}>Free and self-hosted: your progress stays on this server.</p>
      <SignUpForm />
      <p className={styles.switch}>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
