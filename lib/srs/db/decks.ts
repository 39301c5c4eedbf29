/**
 * The learner's decks: the list with today's counts, create, rename and limits, delete, and the
 * Mistakes deck every "make a card" lands in.
 */
import { State } from "ts-fsrs";
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import { defaultDeckLimits } from "../queue";
import { ensureBuiltInDecks } from "./builtin-sync";
import { loadStudyQueue } from "./queue";

export const MISTAKES_KEY = "mistakes";

export const deckFieldsInput = z.object({
  name: z.string({ error: "expected a name" }).trim().min(1, "Give the deck a name.").max(120, "at most 120 characters"),
  description: z.string().trim().max(2000, "at most 2,000 characters").default(""),
  newPerDay: z.coerce.number({ error: "expected a number" }).int("a whole number").min(0, "0 or more").max(9999, "at most 9,999").default(defaultDeckLimits.newPerDay),
  reviewsPerDay: z.coerce.number({ error: "expected a number" }).int("a whole number").min(0, "0 or more").max(99999, "at most 99,999").default(defaultDeckLimits.reviewsPerDay),
});
export type DeckFields = z.output<typeof deckFieldsInput>;

export interface DeckSummary {
  id: string;
  name: string;
  description: string;
  kind: "custom" | "builtin" | "mistakes";
  newPerDay: number;
  reviewsPerDay: number;
  cards: number;
  suspended: number;
  /** Due now in today's queue. */
  due: { new: number; learning: number; review: number };
}

/** Every deck of the learner with its card count and what is due today (built-in decks copied first). */
export async function listDecks(userId: string, opts: { now?: Date } = {}, db: Db = getDb()): Promise<DeckSummary[]> {
  await ensureBuiltInDecks(userId, db);
  const [decks, totals, suspended, queue] = await Promise.all([
    db.deck.findMany({ where: { ownerId: userId }, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
    db.card.groupBy({ by: ["deckId"], where: { ownerId: userId }, _count: { _all: true } }),
    db.card.groupBy({ by: ["deckId"], where: { ownerId: userId, suspended: true }, _count: { _all: true } }),
    loadStudyQueue(userId, { now: opts.now }, db),
  ]);
  const due = new Map<string, DeckSummary["due"]>();
  for (const c of queue.cards) {
    const d = due.get(c.deckId) ?? { new: 0, learning: 0, review: 0 };
    if (c.state === State.New) d.new++;
    else if (c.state === State.Review) d.review++;
    else d.learning++;
    due.set(c.deckId, d);
  }
  const count = (rows: Array<{ deckId: string; _count: { _all: number } }>, id: string) => rows.find((r) => r.deckId === id)?._count._all ?? 0;
  return decks.map((d) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    kind: d.kind,
    newPerDay: d.newPerDay,
    reviewsPerDay: d.reviewsPerDay,
    cards: count(totals, d.id),
    suspended: count(suspended, d.id),
    due: due.get(d.id) ?? { new: 0, learning: 0, review: 0 },
  }));
}

export async function getOwnDeck(userId: string, deckId: string, db: Db = getDb()) {
  const deck = await db.deck.findFirst({ where: { id: deckId, ownerId: userId } });
  if (!deck) throw new ActionError("not_found", "There is no such deck.", { deckId: ["not one of your decks"] });
  return deck;
}

export async function createDeck(userId: string, fields: DeckFields, db: Db = getDb()): Promise<{ id: string }> {
  return db.deck.create({ data: { ownerId: userId, kind: "custom", ...fields }, select: { id: true } });
}

export async function updateDeck(userId: string, deckId: string, fields: DeckFields, db: Db = getDb()): Promise<{ id: string }> {
  await getOwnDeck(userId, deckId, db);
  return db.deck.update({ where: { id: deckId }, data: fields, select: { id: true } });
}

/**
 * Deletes one of the learner's own decks with its notes and cards (their answers stay in the
 * review log). Built-in copies are not deletable — the next visit would copy them again — and
 * the Mistakes deck is where quizzes and labs put cards; both can be emptied, not removed.
 */
export async function deleteDeck(userId: string, deckId: string, db: Db = getDb()) {
  const deck = await getOwnDeck(userId, deckId, db);
  if (deck.kind !== "custom") {
    throw new ActionError("invalid", deck.kind === "builtin" ? "Built-in decks cannot be deleted; suspend their cards instead." : "The Mistakes deck cannot be deleted.");
  }
  await db.deck.delete({ where: { id: deckId } });
  return { deleted: deckId };
}

/** The learner's Mistakes deck, created on first use. */
export async function mistakesDeck(userId: string, db: Db = getDb()): Promise<{ id: string }> {
  const where = { ownerId_key: { ownerId: userId, key: MISTAKES_KEY } };
  const found = await db.deck.findUnique({ where, select: { id: true } });
  if (found) return found;
  try {
    return await db.deck.create({
      data: {
        ownerId: userId,
        kind: "mistakes",
        key: MISTAKES_KEY,
        name: "Mistakes",
        description: "Cards made from questions you got wrong in quizzes and labs.",
      },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await db.deck.findUnique({ where, select: { id: true } }))!;
  }
}
