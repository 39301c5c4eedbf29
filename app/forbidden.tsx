import { ButtonLink, EmptyState } from "@/components/ui";
import styles from "./status-page.module.css";

// Rendered with HTTP 403 when a page calls forbidden() (lib/auth requireRole).
export default function Forbidden() {
  return (
    // A div, not <main>: this renders inside the app shell, which has the page's <main> already.
    <div className={styles.main}>
      <EmptyState headingLevel={1} title="You do not have access to this page" action={<ButtonLink href="/dashboard">Back to your dashboard</ButtonLink>}>
        <p>It is reserved for another role. If you think you should have access, ask an admin of this Lambda Lab.</p>
      </EmptyState>
    </div>
  );
}
