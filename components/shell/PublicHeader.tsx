import Link from "next/link";
import { ButtonLink } from "@/components/ui";
import { ThemeToggle } from "./ThemeToggle";
import styles from "./PublicHeader.module.css";

/** Header for the pages a visitor sees before signing in (landing, sign-in, sign-up). */
export function PublicHeader({ signedIn = false }: { signedIn?: boolean }) {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand} aria-label="Lambda Lab — start page">
        <span aria-hidden="true" className={styles.logo}>
          λ
        </span>
        <span className={styles.brandText}>Lambda Lab</span>
      </Link>
      <nav aria-label="Account" className={styles.nav}>
        <ThemeToggle compact="phone" />
        {signedIn ? (
          <ButtonLink href="/dashboard" variant="ghost">
            Dashboard
          </ButtonLink>
        ) : (
          <>
            <ButtonLink href="/sign-in" variant="ghost">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up">Create account</ButtonLink>
          </>
        )}
      </nav>
    </header>
  );
}
