import Link from "next/link";
import { ThemeToggle } from "./ThemeToggle";
import styles from "./PublicHeader.module.css";

/** Header for the pages a visitor sees before signing in (landing, sign-in, sign-up). */
export function PublicHeader({ signedIn = false }: { signedIn?: boolean }) {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        <span aria-hidden="true" className={styles.logo}>
          λ
        </span>
        Lambda Lab
      </Link>
      <nav aria-label="Account" className={styles.nav}>
        <ThemeToggle />
        {signedIn ? (
          <Link href="/dashboard" className={styles.link}>
            Dashboard
          </Link>
        ) : (
          <>
            <Link href="/sign-in" className={styles.link}>
              Sign in
            </Link>
            <Link href="/sign-up" className={styles.cta}>
              Create account
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
