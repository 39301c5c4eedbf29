"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { AnswerResult, UndoResult } from "@/lib/srs/db/answers";
import type { NoteContent } from "@/lib/srs/db/note-content";
import type { ReviewCard, ReviewView } from "@/lib/srs/db/queue";
import { Markdown } from "@/components/ui/Markdown";
import { newIdempotencyKey } from "./idempotency-key";
import { NoteEditor } from "./NoteEditor";
import styles from "./ReviewSession.module.css";

type Rating = 1 | 2 | 3 | 4;

/** The server actions the session calls (passed in, so tests can stand in for the server). */
export interface ReviewActions {
  answer(input: { cardId: string; rating: Rating; idempotencyKey: string; durationMs: number; expectedReps: number; deckId?: string }): Promise<ActionResult<{ answer: AnswerResult; view: ReviewView }>>;
  undo(input: { logId: number; idempotencyKey: string; deckId?: string }): Promise<ActionResult<{ undo: UndoResult; view: ReviewView }>>;
  suspend(input: { cardIds: string[]; suspended: boolean; deckId?: string }): Promise<ActionResult<{ changed: number; view: ReviewView }>>;
  updateNote(input: { noteId: string; cardId: string } & NoteContent): Promise<ActionResult<{ card: ReviewCard | null }>>;
  refresh(input: { deckId?: string }): Promise<ActionResult<ReviewView>>;
}

export interface ReviewSessionProps {
  initial: ReviewView;
  deckId?: string;
  actions: ReviewActions;
}

const RATINGS: ReadonlyArray<{ rating: Rating; label: string; key: string }> = [
  { rating: 1, label: "Again", key: "1" },
  { rating: 2, label: "Hard", key: "2" },
  { rating: 3, label: "Good", key: "3" },
  { rating: 4, label: "Easy", key: "4" },
];

const STATE_KIND = ["new", "learning", "review", "learning"] as const;

const keyOf = (card: ReviewCard | null) => (card ? `${card.cardId}:${card.reps}` : "done");

/** Network failures (not refusals) are retried with the SAME key: the server answers once. */
async function withRetry<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await call();
    } catch (error) {
      if (i + 1 >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 300 * 2 ** i));
    }
  }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * The review screen, keyboard first: Space or Enter shows the answer, 1–4 rate it (each button
 * shows when the card would come back), Z undoes the last answer, E edits the note, S suspends
 * the card. Every action is also a button. Focus moves to the card as it changes and a polite live
 * region says what happened, so it works with a screen reader and without a mouse.
 */
export function ReviewSession({ initial, deckId, actions }: ReviewSessionProps) {
  const [view, setView] = useState<ReviewView>(initial);
  // Revealed for one particular card (id + reps), so a new card always starts on its question.
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<Array<{ logId: number; cardId: string }>>([]);
  const busyRef = useRef(false);
  const keyRef = useRef(newIdempotencyKey());
  const shownAt = useRef(Date.now());
  const cardRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const card = view.card;
  const cardKey = keyOf(card);
  const revealed = revealedFor === cardKey;
  // What is on screen right now, updated synchronously: a key pressed before React re-renders
  // runs a handler from the previous render, which must not act on the card that just left.
  const onScreen = useRef({ cardKey, revealed });
  onScreen.current = { cardKey, revealed };
  const show = (next: ReviewView) => {
    onScreen.current = { cardKey: keyOf(next.card), revealed: false };
    setView(next);
  };

  const announce = (text: string) => setAnnouncement(text);
  const countsText = (v: ReviewView) => `${v.counts.new} new, ${v.counts.learning} learning, ${v.counts.review} to review left.`;

  // A new card on screen: a fresh idempotency key, the clock restarts, focus goes to the card.
  useEffect(() => {
    keyRef.current = newIdempotencyKey();
    shownAt.current = Date.now();
    cardRef.current?.focus();
  }, [cardKey]);

  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    if (busyRef.current) return undefined; // one request at a time: a double press does nothing
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch {
      setError("Could not reach the server. Check your connection and try again — nothing was lost.");
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const reveal = useCallback(() => {
    if (!card || onScreen.current.cardKey !== cardKey || onScreen.current.revealed) return;
    onScreen.current = { cardKey, revealed: true };
    setRevealedFor(cardKey);
    announce("Answer shown. Rate it: 1 Again, 2 Hard, 3 Good, 4 Easy.");
  }, [card, cardKey, revealed]);

  const rate = useCallback(
    (rating: Rating) =>
      run(async () => {
        if (!card || onScreen.current.cardKey !== keyOf(card) || !onScreen.current.revealed) return;
        const idempotencyKey = keyRef.current;
        const r = await withRetry(() =>
          actions.answer({ cardId: card.cardId, rating, idempotencyKey, durationMs: Date.now() - shownAt.current, expectedReps: card.reps, deckId }),
        );
        if (!r.ok) {
          setError(r.error);
          if (r.code === "conflict" || r.code === "not_found") {
            const fresh = await actions.refresh({ deckId });
            if (fresh.ok) show(fresh.data);
          }
          return;
        }
        setHistory((h) => [...h, { logId: r.data.answer.logId, cardId: card.cardId }]);
        show(r.data.view);
        announce(`Rated ${RATINGS[rating - 1]!.label}: back in ${r.data.answer.interval}. ${r.data.view.card ? countsText(r.data.view) : "No more cards for now."}`);
      }),
    [actions, card, deckId, revealed, run],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        const last = history.at(-1);
        if (!last) {
          announce("Nothing to undo.");
          return;
        }
        const r = await withRetry(() => actions.undo({ logId: last.logId, idempotencyKey: newIdempotencyKey(), deckId }));
        setHistory((h) => h.slice(0, -1));
        if (!r.ok) return setError(r.error);
        show(r.data.view);
        announce("Answer undone. The card is back.");
      }),
    [actions, deckId, history, run],
  );

  const suspend = useCallback(
    () =>
      run(async () => {
        if (!card || onScreen.current.cardKey !== keyOf(card)) return;
        const r = await actions.suspend({ cardIds: [card.cardId], suspended: true, deckId });
        if (!r.ok) return setError(r.error);
        show(r.data.view);
        announce("Card suspended: it will not come up until you unsuspend it in the browser (search is:suspended).");
      }),
    [actions, card, deckId, run],
  );

  const openEditor = useCallback(() => {
    if (!card) return;
    setEditing(true);
  }, [card]);

  // Nothing due now but a learning card later today: fetch again when it comes due.
  useEffect(() => {
    if (card || !view.nextLearningDue) return;
    const wait = new Date(view.nextLearningDue).getTime() - Date.now() + 1000;
    if (wait > 60 * 60 * 1000) return;
    const timer = setTimeout(() => {
      void actions.refresh({ deckId }).then((fresh) => {
        if (fresh.ok) show(fresh.data);
      });
    }, Math.max(1000, wait));
    return () => clearTimeout(timer);
  }, [actions, card, deckId, view.nextLearningDue]); // show() only sets state

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (editing && !dialog.open) dialog.showModal?.();
    if (!editing && dialog.open) dialog.close?.();
  }, [editing]);

  const closeEditor = () => {
    setEditing(false);
    cardRef.current?.focus();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const onControl = (e.target as HTMLElement | null)?.closest?.("button, a, summary");
      const key = e.key;
      if (key === " " || key === "Enter") {
        if (onControl) return; // the focused button or link handles its own activation
        e.preventDefault();
        reveal();
      } else if (["1", "2", "3", "4"].includes(key)) {
        if (!revealed) return;
        e.preventDefault();
        void rate(Number(key) as Rating);
      } else if (key === "z" || key === "Z") {
        e.preventDefault();
        void undo();
      } else if (key === "e" || key === "E") {
        e.preventDefault();
        openEditor();
      } else if (key === "s" || key === "S") {
        e.preventDefault();
        void suspend();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [editing, openEditor, rate, reveal, revealed, suspend, undo]);

  const kind = card ? STATE_KIND[card.state] ?? "new" : null;

  return (
    <div className={styles.session}>
      <div className={styles.toolbar}>
        <div className={styles.counts} role="group" aria-label={`Remaining today: ${countsText(view)}`}>
          <span className={`${styles.count} ${styles.new}`} aria-current={kind === "new" || undefined} title="New">
            {view.counts.new}
          </span>
          <span className={`${styles.count} ${styles.learning}`} aria-current={kind === "learning" || undefined} title="Learning">
            {view.counts.learning}
          </span>
          <span className={`${styles.count} ${styles.review}`} aria-current={kind === "review" || undefined} title="To review">
            {view.counts.review}
          </span>
        </div>
        <div className={styles.tools}>
          <Button variant="ghost" onClick={() => void undo()} disabled={!history.length || busy} aria-keyshortcuts="z">
            Undo <kbd>Z</kbd>
          </Button>
          <Button variant="ghost" onClick={openEditor} disabled={!card || busy} aria-keyshortcuts="e">
            Edit <kbd>E</kbd>
          </Button>
          <Button variant="ghost" onClick={() => void suspend()} disabled={!card || busy} aria-keyshortcuts="s">
            Suspend <kbd>S</kbd>
          </Button>
        </div>
      </div>

      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}

      {card ? (
        <>
          <div
            ref={cardRef}
            className={styles.card}
            tabIndex={-1}
            role="region"
            aria-roledescription="flashcard"
            aria-label={`${revealed ? "Answer" : "Question"} — ${card.deckName}`}
            data-testid="review-card"
          >
            <p className={styles.deck}>{card.deckName}</p>
            <Markdown size="card">{revealed ? card.answer : card.question}</Markdown>
          </div>

          <div className={styles.answerBar}>
            {revealed ? (
              <div className={styles.ratings} role="group" aria-label="How well did you remember?">
                {RATINGS.map((r, i) => (
                  <button
                    key={r.rating}
                    type="button"
                    className={`${styles.rating} ${styles[`r${r.rating}`]}`}
                    onClick={() => void rate(r.rating)}
                    disabled={busy}
                    aria-keyshortcuts={r.key}
                  >
                    <span className={styles.interval}>{card.buttons[i]?.label}</span>
                    <span className={styles.ratingLabel}>{r.label}</span>
                    <kbd>{r.key}</kbd>
                  </button>
                ))}
              </div>
            ) : (
              <button type="button" className={styles.show} onClick={reveal} aria-keyshortcuts="Space Enter">
                Show answer <kbd>Space</kbd>
              </button>
            )}
          </div>
        </>
      ) : (
        <div ref={cardRef} tabIndex={-1} className={styles.done} data-testid="review-done">
          <h2>{view.learningLaterToday ? "Nothing due right now" : "Congratulations — you are done for now"}</h2>
          {view.learningLaterToday ? (
            <p>
              {view.learningLaterToday} learning card{view.learningLaterToday === 1 ? "" : "s"} will be due later today
              {view.nextLearningDue ? ` (the next at ${timeOf(view.nextLearningDue)})` : ""}. Come back then, or keep going with a quiz or a lab.
            </p>
          ) : (
            <p>{view.answeredToday ? `You answered ${view.answeredToday} card${view.answeredToday === 1 ? "" : "s"} today. ` : ""}New cards and reviews come back tomorrow.</p>
          )}
          <p className={styles.links}>
            <Link href="/study">Back to decks</Link> · <Link href="/study/stats">See your statistics</Link>
          </p>
        </div>
      )}

      <p className={styles.keys}>
        Keys: <kbd>Space</kbd>/<kbd>Enter</kbd> show answer · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>Z</kbd> undo · <kbd>E</kbd> edit · <kbd>S</kbd> suspend
      </p>

      <div role="status" aria-live="polite" className="visually-hidden" data-testid="review-status">
        {announcement}
      </div>

      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby="edit-note-title" onClose={() => editing && closeEditor()} onCancel={closeEditor}>
        {editing && card ? (
          <>
            <h2 id="edit-note-title">Edit note</h2>
            <NoteEditor
              initial={card.note}
              onCancel={closeEditor}
              onSave={async (content) => {
                const r = await actions.updateNote({ noteId: card.noteId, cardId: card.cardId, ...content });
                if (r.ok) {
                  if (r.data.card) setView((v) => ({ ...v, card: r.data.card }));
                  else {
                    const fresh = await actions.refresh({ deckId });
                    if (fresh.ok) show(fresh.data);
                  }
                  announce("Note saved.");
                  closeEditor();
                }
                return r;
              }}
            />
          </>
        ) : null}
      </dialog>
    </div>
  );
}
