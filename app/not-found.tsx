import Link from "next/link";
import { EmptyState } from "@/components/ui";
import styles from "./status-page.module.css";

export default function NotFound() {
  return (
    <main id="main" className={styles.main}>
      <EmptyState title="Page not found" action={<Link href="/">Go to the start page</Link>}>
        <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      </EmptyState>
    </main>
  );
}
