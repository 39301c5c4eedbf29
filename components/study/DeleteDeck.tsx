"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";

/** Deletes an own deck after a confirmation that says what goes with it. */
export function DeleteDeck({ deckId, name, cards, action }: { deckId: string; name: string; cards: number; action: (input: { deckId: string }) => Promise<ActionResult<{ deleted: string }>> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div>
      <Button
        variant="danger"
        pending={pending}
        onClick={async () => {
          if (!window.confirm(`Delete "${name}" and its ${cards} card${cards === 1 ? "" : "s"}? Your answers stay in your statistics.`)) return;
          setPending(true);
          const r = await action({ deckId });
          setPending(false);
          if (r.ok) router.push("/study");
          else setError(r.error);
        }}
      >
        Delete deck
      </Button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
