"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui";
import { makeCardRequest } from "./requests";
import styles from "./MakeCardButton.module.css";

/**
 * "Make a card" from a wrong answer: a card in the learner's Mistakes deck, made by the same path
 * lab mistakes take. Clicking twice (or on the same mistake in another attempt) keeps one card.
 */
export function MakeCardButton({ attemptId, questionId }: { attemptId: string; questionId: string }) {
  const [state, setState] = useState<{ kind: "idle" } | { kind: "pending" } | { kind: "done"; created: boolean; deckId: string | null } | { kind: "error"; message: string }>({ kind: "idle" });
  if (state.kind === "done") {
    return (
      <p className={styles.done} role="status">
        {state.created ? "Card added to your Mistakes deck." : "This mistake already has a card in your Mistakes deck."}{" "}
        <Link href={state.deckId ? `/study/review?deck=${encodeURIComponent(state.deckId)}` : "/study"}>Review your mistakes</Link>
      </p>
    );
  }
  return (
    <div className={styles.wrap}>
      <Button
        variant="secondary"
        pending={state.kind === "pending"}
        onClick={async () => {
          setState({ kind: "pending" });
          const result = await makeCardRequest(attemptId, questionId);
          setState(result.ok ? { kind: "done", created: result.data.status === "created", deckId: result.data.deckId } : { kind: "error", message: result.error });
        }}
      >
        Make a card
      </Button>
      {state.kind === "error" ? (
        <span className={styles.error} role="alert">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
