/**
 * The card browser: the search language of lib/srs/search.ts translated to a Prisma `where`
 * (toCardWhere — portable between SQLite and PostgreSQL), a page of rows, and bulk edits
 * (suspend, unsuspend, move to a deck, add or remove a tag) on selected cards or on every card
 * a search matches.
 */
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { renderCard } from "../notes";
import { formatSearchError, parseSearch, tagMatches, tagsField, toCardWhere, type SearchContext, type SearchTerm } from "../search";
import { getLearnerSettings, learnerDayOf } from "./learner-settings";
import { noteOf, tagsOf } from "./note-content";
import { ownDeckOrThrow } from "./notes";

export const PAGE_SIZE = 50;
/** Bulk edits on "every card this search matches" stop here (one request, one transaction). */
export const MAX_BULK = 20_000;

export interface BrowserRow {
  cardId: string;
  noteId: string;
  deckId: string;
  deckName: string;
  /** The question as plain text, shortened. */
  question: string;
  noteType: string;
  ordinal: number;
  state: number;
  due: string;
  interval: number;
  reps: number;
  lapses: number;
  suspended: boolean;
  tags: string[];
}

export type BrowserPage =
  | { ok: true; rows: BrowserRow[]; total: number; page: number; pageCount: number }
  | { ok: false; errors: string[] };

/** Markdown → one line of plain text for a table cell. */
export function plainText(markdown: string, max = 140): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " [code] ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_>#~|]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// A tag glob with `*` in the middle is a superset in SQL (search.ts, toCardWhere); such searches
// are filtered exactly in memory.
const needsExactTagFilter = (terms: readonly SearchTerm[]) => terms.some((t) => t.kind === "tag" && /[^*]\*+[^*]/.test(t.pattern));

async function searchContext(userId: string, now: Date, db: Db): Promise<SearchContext> {
  const [settings, decks] = await Promise.all([getLearnerSettings(userId, db), db.deck.findMany({ where: { ownerId: userId }, select: { id: true, name: true } })]);
  return { now, day: learnerDayOf(settings, now), decks };
}

/** The `where` for a search over the learner's cards, or the parse errors ("column 5: …"). */
export async function cardWhere(userId: string, q: string, now: Date, db: Db = getDb()) {
  const parsed = parseSearch(q);
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors.map(formatSearchError) };
  const ctx = await searchContext(userId, now, db);
  return { ok: true as const, terms: parsed.terms, where: { AND: [{ ownerId: userId }, toCardWhere(parsed.terms, ctx)] } };
}

function exactTagFilter(terms: readonly SearchTerm[]) {
  const tagTerms = terms.filter((t): t is Extract<SearchTerm, { kind: "tag" }> => t.kind === "tag");
  return (tags: string[]) => tagTerms.every((t) => tagMatches(t.pattern, tags) !== t.negated);
}

/** Ids of every card the search matches (for "apply to all matching"), at most MAX_BULK. */
async function matchingIds(userId: string, q: string, now: Date, db: Db): Promise<string[]> {
  const w = await cardWhere(userId, q, now, db);
  if (!w.ok) throw new ActionError("invalid", `The search has errors: ${w.errors.join("; ")}`, { q: w.errors });
  const rows = await db.card.findMany({ where: w.where, select: { id: true, note: { select: { tags: true } } }, take: MAX_BULK + 1 });
  if (rows.length > MAX_BULK) throw new ActionError("invalid", `That search matches more than ${MAX_BULK.toLocaleString("en")} cards; narrow it down first.`);
  const keep = needsExactTagFilter(w.terms) ? exactTagFilter(w.terms) : () => true;
  return rows.filter((r) => keep(tagsOf(r.note.tags))).map((r) => r.id);
}

export async function searchCards(userId: string, input: { q: string; page: number }, opts: { now?: Date } = {}, db: Db = getDb()): Promise<BrowserPage> {
  const now = opts.now ?? new Date();
  const w = await cardWhere(userId, input.q, now, db);
  if (!w.ok) return w;
  const select = {
    id: true,
    noteId: true,
    deckId: true,
    ordinal: true,
    state: true,
    due: true,
    scheduledDays: true,
    reps: true,
    lapses: true,
    suspended: true,
    deck: { select: { name: true } },
    note: { select: { id: true, type: true, fields: true, tags: true } },
  } as const;
  const orderBy = [{ due: "asc" as const }, { position: "asc" as const }, { id: "asc" as const }];
  let rows;
  let total: number;
  let page = Math.max(1, input.page);
  if (needsExactTagFilter(w.terms)) {
    const keep = exactTagFilter(w.terms);
    const all = (await db.card.findMany({ where: w.where, select, orderBy, take: MAX_BULK })).filter((r) => keep(tagsOf(r.note.tags)));
    total = all.length;
    page = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    rows = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  } else {
    total = await db.card.count({ where: w.where });
    page = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    rows = await db.card.findMany({ where: w.where, select, orderBy, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  }
  return {
    ok: true,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => {
      const note = noteOf(r.note);
      let question: string;
      try {
        question = plainText(renderCard(note, r.ordinal).question);
      } catch {
        question = "(this card's note no longer has this card)";
      }
      return {
        cardId: r.id,
        noteId: r.noteId,
        deckId: r.deckId,
        deckName: r.deck.name,
        question,
        noteType: r.note.type,
        ordinal: r.ordinal,
        state: r.state,
        due: r.due.toISOString(),
        interval: r.scheduledDays,
        reps: r.reps,
        lapses: r.lapses,
        suspended: r.suspended,
        tags: note.tags ?? [],
      };
    }),
  };
}

const tagValue = z.string().trim().toLowerCase().min(1, "Type a tag.").max(80).regex(/^[^\s"\\]+$/, "a tag has no spaces, quotes or backslashes");

export const bulkInput = z
  .object({
    /** The selected cards… */
    cardIds: z.array(z.string().min(1).max(64)).max(MAX_BULK).optional(),
    /** …or every card this search matches. */
    q: z.string().max(1000).optional(),
    action: z.enum(["suspend", "unsuspend", "move", "addTag", "removeTag"], { error: "expected suspend, unsuspend, move, addTag or removeTag" }),
    deckId: z.string().max(64).optional(),
    tag: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.cardIds?.length && v.q === undefined) ctx.addIssue({ code: "custom", path: ["cardIds"], message: "Select at least one card." });
    if (v.action === "move" && !v.deckId) ctx.addIssue({ code: "custom", path: ["deckId"], message: "Choose the deck to move the cards to." });
    if (v.action === "addTag" || v.action === "removeTag") {
      const t = tagValue.safeParse(v.tag ?? "");
      if (!t.success) ctx.addIssue({ code: "custom", path: ["tag"], message: t.error.issues[0]!.message });
    }
  });
export type BulkInput = z.output<typeof bulkInput>;

export async function bulkEdit(userId: string, input: BulkInput, opts: { now?: Date } = {}, db: Db = getDb()): Promise<{ cards: number; notes: number }> {
  const now = opts.now ?? new Date();
  const ids = input.cardIds?.length ? input.cardIds : await matchingIds(userId, input.q ?? "", now, db);
  const mine = { id: { in: ids }, ownerId: userId };
  switch (input.action) {
    case "suspend":
    case "unsuspend": {
      const r = await db.card.updateMany({ where: mine, data: { suspended: input.action === "suspend" } });
      return { cards: r.count, notes: 0 };
    }
    case "move": {
      // A note and its cards live in one deck: moving a card moves its note and its siblings.
      return db.$transaction(async (tx) => {
        await ownDeckOrThrow(tx, userId, input.deckId!);
        const noteIds = [...new Set((await tx.card.findMany({ where: mine, select: { noteId: true } })).map((c) => c.noteId))];
        await tx.note.updateMany({ where: { id: { in: noteIds }, ownerId: userId }, data: { deckId: input.deckId! } });
        const r = await tx.card.updateMany({ where: { noteId: { in: noteIds }, ownerId: userId }, data: { deckId: input.deckId! } });
        return { cards: r.count, notes: noteIds.length };
      });
    }
    case "addTag":
    case "removeTag": {
      const tag = tagValue.parse(input.tag);
      return db.$transaction(
        async (tx) => {
          const notes = await tx.note.findMany({ where: { ownerId: userId, cards: { some: mine } }, select: { id: true, tags: true } });
          let changed = 0;
          for (const n of notes) {
            const tags = tagsOf(n.tags);
            const next = input.action === "addTag" ? [...tags, tag] : tags.filter((t) => t !== tag);
            const stored = tagsField(next);
            if (stored === n.tags) continue;
            await tx.note.update({ where: { id: n.id }, data: { tags: stored } });
            changed++;
          }
          return { cards: ids.length, notes: changed };
        },
        { timeout: 60_000 },
      );
    }
  }
}
