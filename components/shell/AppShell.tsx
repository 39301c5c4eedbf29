import Link from "next/link";
import type { ReactNode } from "react";
import type { AccountUser } from "@/lib/auth/accounts";
import { navFor } from "./nav";
import { NavLinks } from "./NavLinks";
import { ThemeToggle } from "./ThemeToggle";
import { UserMenu } from "./UserMenu";
import styles from "./AppShell.module.css";

/** The frame of every signed-in page: skip link, brand, navigation by role, theme, account. */
export function AppShell({ user, children }: { user: AccountUser; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link href="/dashboard" className={styles.brand} aria-label="Lambda Lab — dashboard">
            <span aria-hidden="true" className={styles.logo}>
              λ
            </span>
            <span className={styles.brandText}>Lambda Lab</span>
          </Link>
          <NavLinks items={navFor(user.role)} />
          <div className={styles.tools}>
            <ThemeToggle compact />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
}
