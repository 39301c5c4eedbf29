"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";

type StartAction = (input: { quizId: string; mode: "practice" | "exam" }) => Promise<ActionResult<{ attemptId: string }>>;

/** Starts (or resumes) the assigned quiz in the assigned mode — the quiz service's own start. */
export function StartAssignedQuiz({ quizId, mode, start, label }: { quizId: string; mode: "practice" | "exam"; start: StartAction; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <Button
        variant="primary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await start({ quizId, mode });
            if (result.ok) router.push(`/quizzes/attempts/${result.data.attemptId}`);
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
