import { ButtonLink, EmptyState } from "@/components/ui";
import styles from "./status-page.module.css";

// An address that matches no page at all (outside the app shell, so this is the page's <main>).
export default function NotFound() {
  return (
    <main id="main" className={styles.main}>
      <EmptyState headingLevel={1} title="Page not found" action={<ButtonLink href="/">Go to the start page</ButtonLink>}>
        <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      </EmptyState>
    </main>
  );
}
