// Decks against a real database: the built-in deck loaded as a template and copied per learner on
// first study (idempotent, refreshed when the content changes unless the learner edited the note),
// the Mistakes deck with dedup by source ref, note edits that add and remove cloze cards.
import { beforeEach, describe, expect, it } from "vitest";
import type { AccountUser } from "@/lib/auth/accounts";
import { loadDeckFiles } from "@/lib/srs/content";
import { builtInDecks, saveTemplateDeck } from "@/lib/srs/content-loader";
import { ensureBuiltInDecks } from "@/lib/srs/db/builtin-sync";
import { createDeck, deleteDeck, listDecks } from "@/lib/srs/db/decks";
import { addMistakeCard } from "@/lib/srs/db/mistakes";
import { createNote, updateNote } from "@/lib/srs/db/notes";
import { mistakeFromLab, mistakeFromQuiz } from "@/lib/srs/mistakes";
import { cardsOfNote } from "@/lib/srs/notes";
import { toNote } from "@/lib/srs/content";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "study_decks" });
beforeEach(() => testDb.reset());

async function learner(email = "learner@example.com"): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role: "learner" }, select: { id: true, email: true, name: true, role: true } });
}

const deckFile = () => {
  const files = loadDeckFiles(process.cwd());
  if (!files.ok) throw new Error("built-in deck does not parse");
  return files.value[0]!;
};
const expectedCards = () => deckFile().notes.reduce((n, note) => n + cardsOfNote(toNote(note)).length, 0);

describe("built-in decks", () => {
  it("loads the template once; a learner's first visit copies every note and card, a second copies nothing", async () => {
    const ctx = { db: testDb.db, root: process.cwd(), log: () => {} };
    const file = deckFile();
    expect(await builtInDecks.load(ctx)).toEqual({ added: file.notes.length });
    expect(await builtInDecks.load(ctx)).toEqual({ added: 0 });
    const template = await testDb.db.deck.findUniqueOrThrow({ where: { templateKey: file.deck.id } });
    expect(template).toMatchObject({ ownerId: null, kind: "builtin", name: file.deck.name });
    expect(await testDb.db.card.count({ where: { deckId: template.id } })).toBe(0); // templates have no cards

    const u = await learner();
    expect(await ensureBuiltInDecks(u.id)).toBe(file.notes.length);
    expect(await ensureBuiltInDecks(u.id)).toBe(0);
    expect(await testDb.db.note.count({ where: { ownerId: u.id } })).toBe(file.notes.length);
    expect(await testDb.db.card.count({ where: { ownerId: u.id } })).toBe(expectedCards());
    expect(expectedCards()).toBeGreaterThanOrEqual(150);

    const decks = await listDecks(u.id);
    expect(decks).toHaveLength(1);
    expect(decks[0]).toMatchObject({ kind: "builtin", name: file.deck.name, cards: expectedCards(), due: { new: 20, learning: 0, review: 0 } });
  });

  it("concurrent first visits copy once", async () => {
    await saveTemplateDeck(testDb.db, deckFile());
    const u = await learner();
    await Promise.all([ensureBuiltInDecks(u.id), ensureBuiltInDecks(u.id), ensureBuiltInDecks(u.id)]);
    expect(await testDb.db.deck.count({ where: { ownerId: u.id } })).toBe(1);
    expect(await testDb.db.card.count({ where: { ownerId: u.id } })).toBe(expectedCards());
  });

  it("a content update refreshes notes the learner did not edit, keeps edited ones, adds new cloze cards", async () => {
    const file = deckFile();
    await saveTemplateDeck(testDb.db, file);
    const u = await learner();
    await ensureBuiltInDecks(u.id);
    const [first, second] = file.notes.filter((n) => n.type === "basic");
    const mineFirst = await testDb.db.note.findFirstOrThrow({ where: { ownerId: u.id, key: first!.id } });
    const mineSecond = await testDb.db.note.findFirstOrThrow({ where: { ownerId: u.id, key: second!.id } });
    await updateNote(u.id, mineSecond.id, { type: "basic", front: "My own wording", back: "Mine", tags: ["mine"] });

    const changed = {
      ...file,
      notes: file.notes.map((n) =>
        n.id === first!.id
          ? { id: n.id, type: "cloze" as const, text: "Retries: {{c1::two}} and {{c2::one minute}}", tags: n.tags, source: n.source }
          : n.id === second!.id && n.type !== "cloze"
            ? { ...n, front: "Reworded upstream" }
            : n,
      ),
    };
    expect(await saveTemplateDeck(testDb.db, changed)).toBe(2);
    expect(await ensureBuiltInDecks(u.id)).toBe(1); // only the unedited note
    const refreshed = await testDb.db.note.findUniqueOrThrow({ where: { id: mineFirst.id }, include: { cards: true } });
    expect(refreshed.type).toBe("cloze");
    expect(refreshed.cards.map((c) => c.ordinal).sort()).toEqual([1, 2]);
    const kept = await testDb.db.note.findUniqueOrThrow({ where: { id: mineSecond.id } });
    expect(JSON.parse(kept.fields)).toEqual({ front: "My own wording", back: "Mine" });
  });
});

describe("the Mistakes deck", () => {
  const question = {
    id: "async-retry-duplicate",
    type: "single" as const,
    domain: "development" as const,
    topics: ["async", "idempotency"],
    stem: "An async invoke fails twice. How many times does the handler run?",
    options: [
      { text: "Once", correct: false, explanation: "Lambda retries async invokes." },
      { text: "Three times", correct: true, explanation: "One attempt and two retries by default." },
    ],
  };

  it("creates the deck on first use and one card per mistake, however often it is made", async () => {
    const u = await learner();
    const note = mistakeFromQuiz({ question, selected: [0] });
    const first = await addMistakeCard(u.id, note);
    expect(first.created).toBe(true);
    const again = await addMistakeCard(u.id, note);
    expect(again).toEqual({ ...first, created: false });
    const raced = await Promise.all([1, 2, 3].map(() => addMistakeCard(u.id, mistakeFromQuiz({ question: { ...question, id: "other-q" }, selected: [0] }))));
    expect(raced.filter((r) => r.created)).toHaveLength(1);
    const deck = await testDb.db.deck.findUniqueOrThrow({ where: { id: first.deckId } });
    expect(deck).toMatchObject({ ownerId: u.id, kind: "mistakes", name: "Mistakes" });
    expect(await testDb.db.card.count({ where: { deckId: deck.id } })).toBe(2);
    const stored = await testDb.db.note.findUniqueOrThrow({ where: { id: first.noteId } });
    expect(stored.sourceRef).toBe("source:quiz:async-retry-duplicate");
    expect(stored.tags).toContain(" domain:development ");
    // Another learner's same mistake is their own card.
    const other = await learner("other@example.com");
    expect((await addMistakeCard(other.id, note)).created).toBe(true);
  });

  it("takes lab mistakes the same way and refuses a note without a source ref", async () => {
    const u = await learner();
    const lab = mistakeFromLab({ labId: "async-retries", labTitle: "Async retries", questionId: "attempts", prompt: "How many attempts?", predicted: 1, actual: 3, domains: ["development"], topics: ["async"] });
    expect((await addMistakeCard(u.id, lab)).created).toBe(true);
    await expect(addMistakeCard(u.id, { ...lab, sourceRef: "not a ref" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("cannot be deleted, nor can a built-in copy; an own deck can", async () => {
    const u = await learner();
    const m = await addMistakeCard(u.id, mistakeFromQuiz({ question, selected: [0] }));
    await expect(deleteDeck(u.id, m.deckId)).rejects.toMatchObject({ code: "invalid" });
    const own = await createDeck(u.id, { name: "Mine", description: "", newPerDay: 20, reviewsPerDay: 200 });
    await createNote(u.id, own.id, { type: "basic", front: "a", back: "b", tags: [] });
    await deleteDeck(u.id, own.id);
    expect(await testDb.db.card.count({ where: { deckId: own.id } })).toBe(0);
  });
});

describe("notes", () => {
  it("editing a cloze note adds a card for a new number and removes the card of a vanished one", async () => {
    const u = await learner();
    const deck = await createDeck(u.id, { name: "Cloze", description: "", newPerDay: 20, reviewsPerDay: 200 });
    const { noteId, cards } = await createNote(u.id, deck.id, { type: "cloze", text: "{{c1::Two}} retries, {{c2::six}} hours", tags: [] });
    expect(cards).toBe(2);
    const r = await updateNote(u.id, noteId, { type: "cloze", text: "{{c1::Two}} retries, {{c3::six}} hours, {{c2::DLQ}}", tags: [] });
    expect(r).toMatchObject({ cardsAdded: 1, cardsRemoved: 0 });
    const r2 = await updateNote(u.id, noteId, { type: "cloze", text: "{{c1::Two}} retries", tags: [] });
    expect(r2).toMatchObject({ cardsAdded: 0, cardsRemoved: 2 });
    await expect(updateNote(u.id, noteId, { type: "basic", front: "a", back: "b", tags: [] })).rejects.toMatchObject({ code: "invalid" });
    const other = await learner("other@example.com");
    await expect(updateNote(other.id, noteId, { type: "cloze", text: "{{c1::x}}", tags: [] })).rejects.toMatchObject({ code: "not_found" });
  });
});
