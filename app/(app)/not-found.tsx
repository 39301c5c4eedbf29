import { ButtonLink, EmptyState } from "@/components/ui";
import styles from "../status-page.module.css";

// notFound() from a signed-in page (a lab, a class, an attempt that does not exist or is not
// yours): shown inside the app shell, which already holds the page's <main>.
export default function AppNotFound() {
  return (
    <div className={styles.main}>
      <EmptyState headingLevel={1} title="Not found" action={<ButtonLink href="/dashboard">Back to your dashboard</ButtonLink>}>
        <p>There is nothing here, or it is not shared with you. It may have been deleted, or the link may be mistyped.</p>
      </EmptyState>
    </div>
  );
}
