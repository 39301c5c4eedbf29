/**
 * The Mistakes deck service: quizzes and labs turn a wrong answer into a card with
 * lib/srs/mistakes.ts (mistakeFromQuiz / mistakeFromLab) and hand the note to `addMistakeCard`.
 * The same mistake twice gives one card: notes are unique per learner by their source ref
 * (Note.sourceRef, a UNIQUE (ownerId, sourceRef) index backs it against concurrent clicks).
 */
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import type { MistakeNote } from "../mistakes";
import { mistakesDeck } from "./decks";
import { noteContentInput } from "./note-content";
import { insertNotes, nextPosition } from "./notes";

export interface MistakeCardResult {
  /** False when the learner already had a card for this mistake. */
  created: boolean;
  noteId: string;
  deckId: string;
}

const sourceRefInput = z.string().regex(/^source:[a-z0-9:_.-]+$/, 'expected a source ref like "source:quiz:<id>"').max(300);

export async function addMistakeCard(userId: string, note: MistakeNote, db: Db = getDb()): Promise<MistakeCardResult> {
  const content = noteContentInput.safeParse({ type: "basic", front: note.front, back: note.back, tags: [...note.tags, note.sourceRef] });
  const ref = sourceRefInput.safeParse(note.sourceRef);
  if (!content.success || !ref.success) {
    const issue = (content.error ?? ref.error)!.issues[0]!;
    throw new ActionError("invalid", `Cannot make a card from this mistake: ${issue.path.join(".") || "sourceRef"}: ${issue.message}`);
  }
  const existing = () => db.note.findUnique({ where: { ownerId_sourceRef: { ownerId: userId, sourceRef: ref.data } }, select: { id: true, deckId: true } });
  const found = await existing();
  if (found) return { created: false, noteId: found.id, deckId: found.deckId };
  const deck = await mistakesDeck(userId, db);
  try {
    const noteId = await db.$transaction(async (tx) => {
      const position = await nextPosition(tx, deck.id);
      const { noteIds } = await insertNotes(tx, [{ ownerId: userId, deckId: deck.id, content: content.data, position, sourceRef: ref.data }], new Date());
      return noteIds[0]!;
    });
    return { created: true, noteId, deckId: deck.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing();
    if (!raced) throw error;
    return { created: false, noteId: raced.id, deckId: raced.deckId };
  }
}
