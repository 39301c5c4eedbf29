/**
 * Loads the built-in decks (content/decks/*.yaml) into the database as shared templates
 * (Deck.ownerId null, Deck.templateKey = the file's deck id), on start-up through the content
 * registry (lib/content). Learners never study a template: each gets their own copy on first
 * study (lib/srs/db/builtin-sync.ts). Idempotent: notes are upserted by (template deck, note id);
 * a note removed from the file is removed from the template (learners keep their copies).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
// From the registry itself, not "@/lib/content": that index lists the loaders (an import cycle).
import { hashFiles, type ContentLoader } from "@/lib/content/registry";
import type { Db } from "@/lib/db";
import { loadDeckFiles, toNote, type DeckFile } from "./content";
import { contentHashOf, contentOf, storedContent } from "./db/note-content";
import { formatContentError } from "./yaml-source";

export const DECKS_DIR = path.join("content", "decks");

function deckHash(file: DeckFile): string {
  return createHash("sha256").update(JSON.stringify(file)).digest("hex");
}

/** Upserts one template deck and its notes; returns how many notes were added or changed. */
export async function saveTemplateDeck(db: Db, file: DeckFile): Promise<number> {
  const hash = deckHash(file);
  const deck = await db.deck.upsert({
    where: { templateKey: file.deck.id },
    create: { templateKey: file.deck.id, kind: "builtin", name: file.deck.name, description: file.deck.description, contentHash: hash },
    update: { name: file.deck.name, description: file.deck.description },
  });
  const existing = new Map((await db.note.findMany({ where: { deckId: deck.id }, select: { id: true, key: true, contentHash: true, position: true } })).map((n) => [n.key!, n]));
  let changed = 0;
  const keep = new Set<string>();
  await db.$transaction(async (tx) => {
    for (const [position, raw] of file.notes.entries()) {
      const stored = storedContent(contentOf(toNote(raw)));
      const contentHash = contentHashOf(stored);
      keep.add(raw.id);
      const before = existing.get(raw.id);
      if (before?.contentHash === contentHash) {
        if (before.position !== position) await tx.note.update({ where: { id: before.id }, data: { position } });
        continue;
      }
      changed++;
      await tx.note.upsert({
        where: { deckId_key: { deckId: deck.id, key: raw.id } },
        create: { deckId: deck.id, ownerId: null, key: raw.id, ...stored, contentHash, position },
        update: { ...stored, contentHash, position },
      });
    }
    const gone = [...existing.keys()].filter((k) => !keep.has(k));
    if (gone.length) await tx.note.deleteMany({ where: { deckId: deck.id, key: { in: gone } } });
    // Written last: learners resync when this hash changes, so it must describe finished notes.
    await tx.deck.update({ where: { id: deck.id }, data: { contentHash: hash } });
  });
  return changed;
}

export const builtInDecks: ContentLoader = {
  id: "srs.decks",
  description: "built-in flashcard decks",
  fingerprint: (root) => hashFiles(root, [DECKS_DIR]),
  async load({ db, root, log }) {
    if (!fs.existsSync(path.join(root, DECKS_DIR))) return { added: 0 };
    const files = loadDeckFiles(root);
    if (!files.ok) {
      for (const e of files.errors) log(formatContentError(e));
      throw new Error(`invalid built-in deck: ${formatContentError(files.errors[0]!)}${files.errors.length > 1 ? ` (and ${files.errors.length - 1} more)` : ""}`);
    }
    let added = 0;
    for (const file of files.value) {
      const n = await saveTemplateDeck(db, file);
      if (n) log(`deck ${file.deck.id}: ${n} note(s) added or changed`);
      added += n;
    }
    return { added };
  },
};
