"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import styles from "./Bank.module.css";

/** Remove a question from the bank (archived if any attempt used it), after a confirmation. */
export function RetireQuestionButton({ questionId, action }: { questionId: string; action: ServerAction<{ questionId: string }, { id: string; archived: boolean }> }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!confirm) {
    return (
      <Button variant="ghost" onClick={() => setConfirm(true)}>
        Remove
      </Button>
    );
  }
  return (
    <span role="group" aria-label="Confirm removal" className={styles.confirm}>
      <Button
        variant="danger"
        pending={pending}
        onClick={() =>
          start(async () => {
            const r = await action({ questionId });
            if (r.ok) router.refresh();
            else setError(r.error);
          })
        }
      >
        Remove it
      </Button>
      <Button variant="ghost" onClick={() => setConfirm(false)}>
        Keep
      </Button>
      {error ? <span role="alert">{error}</span> : null}
    </span>
  );
}
