/**
 * Each learner's own copy of the built-in decks, made on first study and brought up to date when
 * the built-in content changes.
 *
 * Why copy-on-first-study rather than on sign-up: accounts are created in several places we do
 * not own (sign-up, OIDC, admin), some before a deck existed; a deck added in a later release must
 * reach existing learners too; and instructors who never study should not carry ~400 cards each.
 * Every study page and the queue API call `ensureBuiltInDecks`, which costs two indexed reads
 * when nothing changed.
 *
 * Why copies at all (not shared notes): a learner may edit a card's text, tag it, move it — their
 * changes must not reach anyone else. A content update refreshes only the notes the learner has
 * not edited (Note.contentHash still matches the copy's content); their cards and history stay.
 */
import { randomUUID } from "node:crypto";
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import { cardsOfNote, type Note } from "../notes";
import { newCardColumns } from "./card-state";
import { contentHashOf, contentOf, noteOf } from "./note-content";
import { cardPosition, insertNotes } from "./notes";

const copyKey = (templateKey: string) => `builtin:${templateKey}`;

/** Copies or refreshes every built-in deck for the learner; returns the notes added or refreshed. */
export async function ensureBuiltInDecks(userId: string, db: Db = getDb()): Promise<number> {
  const templates = await db.deck.findMany({
    where: { templateKey: { not: null }, ownerId: null },
    select: { id: true, templateKey: true, contentHash: true, name: true, description: true },
  });
  if (!templates.length) return 0;
  const copies = await db.deck.findMany({
    where: { ownerId: userId, templateId: { in: templates.map((t) => t.id) } },
    select: { id: true, templateId: true, contentHash: true },
  });
  let changed = 0;
  for (const t of templates) {
    const copy = copies.find((c) => c.templateId === t.id);
    if (copy && copy.contentHash === t.contentHash) continue;
    try {
      changed += await syncCopy(db, userId, t as typeof t & { templateKey: string }, copy?.id ?? null);
    } catch (error) {
      // Two requests syncing at once: the other one wrote the same rows; nothing is lost.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return changed;
}

async function syncCopy(
  db: Db,
  userId: string,
  template: { id: string; templateKey: string; contentHash: string | null; name: string; description: string },
  copyId: string | null,
): Promise<number> {
  const templateNotes = await db.note.findMany({ where: { deckId: template.id } });
  return db.$transaction(
    async (tx) => {
      const now = new Date();
      const deckId =
        copyId ??
        (
          await tx.deck.create({
            data: { ownerId: userId, kind: "builtin", key: copyKey(template.templateKey), templateId: template.id, name: template.name, description: template.description },
            select: { id: true },
          })
        ).id;
      const mine = new Map(
        (
          await tx.note.findMany({
            where: { ownerId: userId, templateNoteId: { in: templateNotes.map((n) => n.id) } },
            include: { cards: { select: { ordinal: true } } },
          })
        ).map((n) => [n.templateNoteId!, n]),
      );
      const missing = templateNotes.filter((t) => !mine.has(t.id));
      await insertNotes(
        tx,
        missing.map((t) => ({
          ownerId: userId,
          deckId,
          content: contentOf(noteOf(t)),
          position: t.position,
          key: t.key,
          templateNoteId: t.id,
          contentHash: t.contentHash,
        })),
        now,
      );
      let refreshed = 0;
      for (const t of templateNotes) {
        const copy = mine.get(t.id);
        if (!copy || copy.contentHash === t.contentHash) continue;
        // Edited by the learner since it was copied: their version wins.
        if (contentHashOf(copy) !== copy.contentHash) continue;
        await tx.note.update({
          where: { id: copy.id },
          data: { type: t.type, fields: t.fields, tags: t.tags, searchText: t.searchText, contentHash: t.contentHash, key: t.key },
        });
        const wanted = new Set(cardsOfNote(noteOf({ ...t, id: copy.id }) as Note).map((c) => c.ordinal));
        const have = new Set(copy.cards.map((c) => c.ordinal));
        const gone = [...have].filter((o) => !wanted.has(o));
        if (gone.length) await tx.card.deleteMany({ where: { noteId: copy.id, ordinal: { in: gone } } });
        const added = [...wanted].filter((o) => !have.has(o));
        if (added.length) {
          await tx.card.createMany({
            data: added.map((ordinal) => ({ id: randomUUID(), ownerId: userId, deckId: copy.deckId, noteId: copy.id, ordinal, position: cardPosition(copy.position, ordinal), ...newCardColumns(now) })),
          });
        }
        refreshed++;
      }
      await tx.deck.update({ where: { id: deckId }, data: { contentHash: template.contentHash } });
      return missing.length + refreshed;
    },
    { timeout: 30_000 },
  );
}
