"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, type ButtonVariant } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";

/** Runs an action that makes a draft (a new lab, or a copy of a published one) and opens it. */
export function OpenDraftButton<I>({ action, input, label, variant = "primary" }: { action: (input: I) => Promise<ActionResult<{ id: string }>>; input: I; label: string; variant?: ButtonVariant }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <Button
        variant={variant}
        pending={pending}
        onClick={() =>
          start(async () => {
            const result = await action(input);
            if (result.ok) router.push(`/author/labs/${result.data.id}`);
            else setError(result.error);
          })
        }
      >
        {label}
      </Button>
      {error ? <span role="alert"> {error}</span> : null}
    </span>
  );
}
