import type { ReactNode } from "react";
import { PublicHeader } from "@/components/shell/PublicHeader";
import styles from "./auth.module.css";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <PublicHeader />
      <main id="main" className={styles.main}>
        <div className={styles.panel}>{children}</div>
      </main>
    </>
  );
}
