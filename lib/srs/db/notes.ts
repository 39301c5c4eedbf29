/**
 * Notes and their cards in the database: create a note with the cards it generates (lib/srs/notes
 * cardsOfNote), edit a note (its cards follow: a new cloze number adds a card, a removed one
 * removes it), suspend cards. Every function checks that the learner owns what it touches.
 */
import { randomUUID } from "node:crypto";
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { cardsOfNote, type Note } from "../notes";
import { newCardColumns } from "./card-state";
import { contentHashOf, storedContent, type NoteContent } from "./note-content";
import type { Tx } from "./tx";

export interface NewNote {
  ownerId: string;
  deckId: string;
  content: NoteContent;
  position: number;
  key?: string | null;
  templateNoteId?: string | null;
  /** Built-in copies: the template content's hash (see Note.contentHash). */
  contentHash?: string | null;
  sourceRef?: string | null;
}

/**
 * A new card's place in the deck's new-card order: its note's position, then its ordinal — the
 * front→back card of a reversed note (and c1 of a cloze) comes first, as in Anki. The queue sorts
 * new cards by this one number (lib/srs/queue.ts).
 */
export function cardPosition(notePosition: number, ordinal: number): number {
  return notePosition * 1000 + Math.min(ordinal, 999);
}

/** Data for createMany: the note row and its card rows (ids generated here). */
export function noteRows(input: NewNote, now: Date) {
  const id = randomUUID();
  const stored = storedContent(input.content);
  const note = {
    id,
    ownerId: input.ownerId,
    deckId: input.deckId,
    ...stored,
    position: input.position,
    key: input.key ?? null,
    templateNoteId: input.templateNoteId ?? null,
    contentHash: input.contentHash ?? null,
    sourceRef: input.sourceRef ?? null,
  };
  const cards = cardsOfNote({ id, ...input.content } as Note).map((ref) => ({
    id: randomUUID(),
    ownerId: input.ownerId,
    deckId: input.deckId,
    noteId: id,
    ordinal: ref.ordinal,
    position: cardPosition(input.position, ref.ordinal),
    ...newCardColumns(now),
  }));
  return { note, cards };
}

/** Inserts notes and all their cards (two statements whatever the count). */
export async function insertNotes(tx: Tx, inputs: readonly NewNote[], now: Date): Promise<{ noteIds: string[]; cards: number }> {
  if (!inputs.length) return { noteIds: [], cards: 0 };
  const rows = inputs.map((n) => noteRows(n, now));
  await tx.note.createMany({ data: rows.map((r) => r.note) });
  const cards = rows.flatMap((r) => r.cards);
  await tx.card.createMany({ data: cards });
  return { noteIds: rows.map((r) => r.note.id), cards: cards.length };
}

/** The next new-card position in a deck (after every note already there). */
export async function nextPosition(tx: Tx, deckId: string): Promise<number> {
  const max = await tx.note.aggregate({ where: { deckId }, _max: { position: true } });
  return (max._max.position ?? -1) + 1;
}

export async function ownDeckOrThrow(db: Tx, userId: string, deckId: string) {
  const deck = await db.deck.findFirst({ where: { id: deckId, ownerId: userId } });
  if (!deck) throw new ActionError("not_found", "There is no such deck.", { deckId: ["not one of your decks"] });
  return deck;
}

export async function createNote(userId: string, deckId: string, content: NoteContent, db: Db = getDb()) {
  return db.$transaction(async (tx) => {
    await ownDeckOrThrow(tx, userId, deckId);
    const position = await nextPosition(tx, deckId);
    const { noteIds, cards } = await insertNotes(tx, [{ ownerId: userId, deckId, content, position }], new Date());
    return { noteId: noteIds[0]!, cards };
  });
}

/**
 * Replaces a note's fields and tags. The type cannot change (the cards' history belongs to their
 * template). Cards follow the content: a cloze number that appears gets a new card; one that
 * disappears takes its card with it (its answers stay in the review log).
 */
export async function updateNote(userId: string, noteId: string, content: NoteContent, db: Db = getDb()) {
  return db.$transaction(async (tx) => {
    const row = await tx.note.findFirst({ where: { id: noteId, ownerId: userId }, include: { cards: { select: { id: true, ordinal: true } } } });
    if (!row) throw new ActionError("not_found", "There is no such note.");
    if (row.type !== content.type) {
      throw new ActionError("invalid", `This is a ${row.type} note; its type cannot change.`, { type: [`expected ${row.type}`] });
    }
    const stored = storedContent(content);
    await tx.note.update({ where: { id: noteId }, data: { fields: stored.fields, tags: stored.tags, searchText: stored.searchText } });
    const wanted = new Set(cardsOfNote({ id: noteId, ...content } as Note).map((c) => c.ordinal));
    const have = new Set(row.cards.map((c) => c.ordinal));
    const removed = row.cards.filter((c) => !wanted.has(c.ordinal)).map((c) => c.id);
    if (removed.length) await tx.card.deleteMany({ where: { id: { in: removed } } });
    const added = [...wanted].filter((o) => !have.has(o));
    if (added.length) {
      const now = new Date();
      await tx.card.createMany({
        data: added.map((ordinal) => ({ id: randomUUID(), ownerId: userId, deckId: row.deckId, noteId, ordinal, position: cardPosition(row.position, ordinal), ...newCardColumns(now) })),
      });
    }
    return { noteId, cardsAdded: added.length, cardsRemoved: removed.length, edited: contentHashOf(stored) !== row.contentHash };
  });
}

/** Suspends (or restores) the learner's cards among `cardIds`; returns how many changed. */
export async function setSuspended(userId: string, cardIds: readonly string[], suspended: boolean, db: Db = getDb()): Promise<number> {
  const r = await db.card.updateMany({ where: { id: { in: [...cardIds] }, ownerId: userId, suspended: !suspended }, data: { suspended } });
  return r.count;
}
