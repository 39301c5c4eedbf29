/**
 * Every flashcard operation as a procedure (lib/actions): one pipeline — authenticate, validate,
 * authorise, rate-limit — behind both the server actions of app/(app)/study and the JSON routes
 * under app/api/study. Input schemas live here and are shared by both. Ownership (is this the
 * learner's card, note, deck?) is checked by the services in lib/srs/db.
 */
import { checkParameters } from "ts-fsrs";
import { z } from "zod";
import { defineProcedure } from "@/lib/actions";
import { answerCard, undoAnswer } from "./db/answers";
import { bulkEdit, bulkInput, searchCards } from "./db/browser";
import { ensureBuiltInDecks } from "./db/builtin-sync";
import { createDeck, deckFieldsInput, deleteDeck, listDecks, updateDeck } from "./db/decks";
import { exportDeck, importNotes, previewImport } from "./db/import-export";
import { getLearnerSettings, saveWeights, settingsInput, updateLearnerSettings } from "./db/learner-settings";
import { noteContentInput } from "./db/note-content";
import { createNote, setSuspended, updateNote } from "./db/notes";
import { reviewCard, reviewView } from "./db/queue";
import { loadStats } from "./db/stats";

const id = (what: string) => z.string({ error: `expected ${what}` }).min(1, `expected ${what}`).max(64);
const optionalDeck = z.preprocess((v) => (v === "" || v === null ? undefined : v), id("a deck id").optional());

/** Client-generated per answer (a UUID is ideal); reused when the same answer is retried. */
export const idempotencyKey = z
  .string({ error: "expected an idempotency key" })
  .min(8, "an idempotency key has at least 8 characters")
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "an idempotency key is letters, digits, - and _ (a UUID)");

export const answerInput = z.object({
  cardId: id("a card id"),
  rating: z.coerce.number({ error: "expected a rating 1–4" }).int().min(1, "expected a rating 1 (Again) to 4 (Easy)").max(4, "expected a rating 1 (Again) to 4 (Easy)"),
  idempotencyKey,
  durationMs: z.coerce.number().finite().min(0).optional(),
  expectedReps: z.coerce.number().int().min(0).optional(),
});

const view = (userId: string, deckId?: string, cardId?: string) => reviewView(userId, { deckId, cardId });

export const queueProcedure = defineProcedure({
  name: "study.queue",
  input: z.object({ deckId: optionalDeck }),
  handler: async ({ deckId }, { user }) => {
    await ensureBuiltInDecks(user.id);
    return view(user.id, deckId);
  },
});

// Far beyond a person (who answers at most a card or two a second); stops a runaway script.
const ANSWER_LIMIT = { name: "user", points: 6000, durationSec: 60 };

/** POST /api/study/answers — one answer; a replay with the same key returns the first result. */
export const answerProcedure = defineProcedure({
  name: "study.answer",
  input: answerInput,
  rateLimit: ANSWER_LIMIT,
  handler: (input, { user }) => answerCard(user.id, { ...input, rating: input.rating as 1 | 2 | 3 | 4 }),
});

/** The review screen's answer: the answer, then what to show next. */
export const answerAndNextProcedure = defineProcedure({
  name: "study.answerAndNext",
  input: answerInput.extend({ deckId: optionalDeck }),
  rateLimit: ANSWER_LIMIT,
  handler: async ({ deckId, ...input }, { user }) => {
    const answer = await answerCard(user.id, { ...input, rating: input.rating as 1 | 2 | 3 | 4 });
    return { answer, view: await view(user.id, deckId) };
  },
});

export const undoInput = z.object({ logId: z.coerce.number({ error: "expected the answer's logId" }).int().min(1), idempotencyKey, deckId: optionalDeck });

/** Takes an answer back; the restored card is shown again. */
export const undoProcedure = defineProcedure({
  name: "study.undo",
  input: undoInput,
  rateLimit: { name: "user", points: 600, durationSec: 60 },
  handler: async ({ deckId, ...input }, { user }) => {
    const undo = await undoAnswer(user.id, input);
    return { undo, view: await view(user.id, deckId, undo.cardId) };
  },
});

export const suspendInput = z.object({
  cardIds: z.array(id("a card id")).min(1, "Select at least one card.").max(1000),
  suspended: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(true),
  deckId: optionalDeck,
});

/** Suspends (or restores) cards; answers with the next card to review. */
export const suspendProcedure = defineProcedure({
  name: "study.suspend",
  input: suspendInput,
  rateLimit: { name: "user", points: 600, durationSec: 60 },
  handler: async ({ cardIds, suspended, deckId }, { user }) => {
    const changed = await setSuspended(user.id, cardIds, suspended);
    return { changed, view: await view(user.id, deckId) };
  },
});

export const createNoteInput = z.intersection(z.object({ deckId: id("a deck id") }), noteContentInput);

export const createNoteProcedure = defineProcedure({
  name: "study.createNote",
  input: createNoteInput,
  rateLimit: { name: "user", points: 300, durationSec: 60 },
  handler: ({ deckId, ...content }, { user }) => createNote(user.id, deckId, content),
});

export const updateNoteInput = z.intersection(z.object({ noteId: id("a note id"), cardId: id("a card id").optional() }), noteContentInput);

/** Edits a note; with `cardId`, answers with that card re-rendered (the review screen's E). */
export const updateNoteProcedure = defineProcedure({
  name: "study.updateNote",
  input: updateNoteInput,
  rateLimit: { name: "user", points: 300, durationSec: 60 },
  handler: async ({ noteId, cardId, ...content }, { user }) => {
    const updated = await updateNote(user.id, noteId, content);
    const card = cardId ? await reviewCard(user.id, cardId, await getLearnerSettings(user.id), new Date()) : null;
    return { ...updated, card };
  },
});

export const listDecksProcedure = defineProcedure({
  name: "study.decks",
  input: z.object({}),
  handler: (_input, { user }) => listDecks(user.id),
});

export const createDeckProcedure = defineProcedure({
  name: "study.createDeck",
  input: deckFieldsInput,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: (fields, { user }) => createDeck(user.id, fields),
});

export const updateDeckProcedure = defineProcedure({
  name: "study.updateDeck",
  input: deckFieldsInput.extend({ deckId: id("a deck id") }),
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: ({ deckId, ...fields }, { user }) => updateDeck(user.id, deckId, fields),
});

export const deleteDeckProcedure = defineProcedure({
  name: "study.deleteDeck",
  input: z.object({ deckId: id("a deck id") }),
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: ({ deckId }, { user }) => deleteDeck(user.id, deckId),
});

export const searchInput = z.object({
  q: z.string().max(1000, "at most 1,000 characters").default(""),
  page: z.coerce.number().int().min(1).default(1),
});

export const searchProcedure = defineProcedure({
  name: "study.search",
  input: searchInput,
  handler: (input, { user }) => searchCards(user.id, input),
});

export const bulkProcedure = defineProcedure({
  name: "study.bulk",
  input: bulkInput,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: (input, { user }) => bulkEdit(user.id, input),
});

export const importTextInput = z.object({ text: z.string({ error: "expected the file's text" }).max(6 * 1024 * 1024, "the file is too large") });

export const importPreviewProcedure = defineProcedure({
  name: "study.importPreview",
  input: importTextInput,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: async ({ text }) => previewImport(text),
});

export const importProcedure = defineProcedure({
  name: "study.import",
  input: importTextInput.extend({ deckId: optionalDeck, newDeckName: z.string().max(120).optional() }),
  rateLimit: { name: "user", points: 20, durationSec: 60 },
  handler: (input, { user }) => importNotes(user.id, input),
});

export const exportProcedure = defineProcedure({
  name: "study.export",
  input: z.object({ deckId: id("a deck id") }),
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: ({ deckId }, { user }) => exportDeck(user.id, deckId),
});

export const getSettingsProcedure = defineProcedure({
  name: "study.settings",
  input: z.object({}),
  handler: (_input, { user }) => getLearnerSettings(user.id),
});

export const updateSettingsProcedure = defineProcedure({
  name: "study.updateSettings",
  input: settingsInput,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: (input, { user }) => updateLearnerSettings(user.id, input),
});

export const weightsInput = z.object({
  /** 21 FSRS-6 weights (from the optimiser), or null to go back to the defaults. */
  weights: z
    .array(z.number().finite(), { error: "expected a list of 21 numbers" })
    .length(21, "expected 21 FSRS-6 weights")
    .nullable(),
});

export const saveWeightsProcedure = defineProcedure({
  name: "study.saveWeights",
  input: weightsInput,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  // checkParameters clamps each weight into FSRS's allowed range.
  handler: ({ weights }, { user }) => saveWeights(user.id, weights ? [...checkParameters(weights)] : null),
});

export const statsProcedure = defineProcedure({
  name: "study.stats",
  input: z.object({}),
  handler: (_input, { user }) => loadStats(user.id),
});

/** Admission to "Optimise my parameters" (the route streams the job itself). */
export const optimiseProcedure = defineProcedure({
  name: "study.optimise",
  input: z.object({}),
  rateLimit: { name: "user", points: 10, durationSec: 60 * 60 },
  handler: async (_input, { user }) => ({ userId: user.id }),
});
