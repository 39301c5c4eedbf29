"use client";

import { useEffect } from "react";
import { Button, ButtonLink, EmptyState } from "@/components/ui";
import styles from "../status-page.module.css";

/**
 * An unexpected failure while rendering a signed-in page: said plainly, inside the app shell, with
 * a way to try again. The details stay in the server log; `digest` lets an admin find the entry.
 */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className={styles.main}>
      <EmptyState
        headingLevel={1}
        title="Something went wrong on our side"
        action={
          <div className={styles.actions}>
            <Button onClick={reset}>Try again</Button>
            <ButtonLink href="/dashboard" variant="secondary">
              Back to your dashboard
            </ButtonLink>
          </div>
        }
      >
        <p>This page could not be shown. Trying again often helps; if it keeps happening, tell an admin of this Lambda Lab{error.digest ? <> and quote the code <code>{error.digest}</code></> : null}.</p>
      </EmptyState>
    </div>
  );
}
