/**
 * The card browser's query language (a subset of Anki's search syntax, docs.ankiweb.net
 * "Searching"): terms separated by spaces are ANDed; a leading `-` negates a term.
 *
 *   deck:"AWS Lambda"   deck by name, case-insensitive, subdecks ("name::child") included, `*` glob
 *   tag:topic:async     tag, case-insensitive; `*` is a wildcard (`tag:domain:*` = any domain tag)
 *   is:due is:new is:learn is:review is:suspended
 *                       Anki's meanings: is:learn includes relearning, is:review includes lapsed
 *                       (relearning) cards, is:due is review + learning cards waiting now
 *   rated:N             answered in the last N learner days (1 = today), 1..365 like Anki
 *   "a phrase"  word    free text in the note's fields, case-insensitive
 *
 * Parsing gives a typed AST or errors with a 1-based column. `matchesCard` evaluates the AST over
 * plain card rows; `toCardWhere` turns it into a Prisma-shaped `where` object for the model
 * described at `CardWhereFields`.
 */
import { State } from "ts-fsrs";
import { dueCutoffs, isDue } from "./queue";
import { learnerDayStart, learnerDayNumber, type LearnerDayConfig } from "./learner-day";

export type IsValue = "due" | "new" | "learn" | "review" | "suspended";
const IS_VALUES: readonly IsValue[] = ["due", "new", "learn", "review", "suspended"];

interface TermBase {
  negated: boolean;
  /** 1-based column where the term (including its `-`) starts. */
  column: number;
}
export type SearchTerm = TermBase &
  (
    | { kind: "deck"; name: string }
    | { kind: "tag"; pattern: string }
    | { kind: "is"; value: IsValue }
    | { kind: "rated"; days: number }
    | { kind: "text"; text: string }
  );

export interface SearchError {
  column: number;
  message: string;
}

export type SearchParse = { ok: true; terms: SearchTerm[] } | { ok: false; errors: SearchError[] };

const FILTERS = ["deck", "tag", "is", "rated"] as const;

export function parseSearch(input: string): SearchParse {
  const terms: SearchTerm[] = [];
  const errors: SearchError[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

  /** Reads a "quoted" string starting at the quote; returns the value and the index after it. */
  const readQuoted = (start: number): { value: string; next: number } | null => {
    let value = "";
    let j = start + 1;
    while (j < n) {
      const ch = input[j]!;
      if (ch === "\\" && (input[j + 1] === '"' || input[j + 1] === "\\")) {
        value += input[j + 1];
        j += 2;
      } else if (ch === '"') return { value, next: j + 1 };
      else {
        value += ch;
        j++;
      }
    }
    errors.push({ column: start + 1, message: 'unterminated quote: expected a closing "' });
    return null;
  };
  const readBare = (start: number) => {
    let j = start;
    while (j < n && !isSpace(input[j])) j++;
    return { value: input.slice(start, j), next: j };
  };

  while (i < n) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    const column = i + 1;
    let negated = false;
    if (input[i] === "-") {
      negated = true;
      i++;
      if (i >= n || isSpace(input[i])) {
        errors.push({ column, message: 'a lone "-" must be followed by a term to exclude, e.g. -tag:x' });
        continue;
      }
    }
    if (input[i] === '"') {
      const q = readQuoted(i);
      if (!q) break;
      i = q.next;
      if (q.value.trim() === "") errors.push({ column, message: "empty quoted phrase" });
      else terms.push({ kind: "text", text: q.value, negated, column });
      continue;
    }
    const key = /^([A-Za-z]+):/.exec(input.slice(i));
    if (!key) {
      const w = readBare(i);
      i = w.next;
      terms.push({ kind: "text", text: w.value, negated, column });
      continue;
    }
    const name = key[1]!.toLowerCase();
    const valueStart = i + key[0].length;
    if (!(FILTERS as readonly string[]).includes(name)) {
      const w = readBare(i);
      i = w.next;
      errors.push({ column, message: `unknown filter "${key[1]}:" — expected deck:, tag:, is: or rated: (put text containing ":" in quotes)` });
      continue;
    }
    let value: string;
    if (input[valueStart] === '"') {
      const q = readQuoted(valueStart);
      if (!q) break;
      value = q.value;
      i = q.next;
    } else {
      const w = readBare(valueStart);
      value = w.value;
      i = w.next;
    }
    if (value.trim() === "") {
      errors.push({ column: valueStart + 1, message: `${name}: needs a value, e.g. ${name === "deck" ? 'deck:"AWS Lambda"' : name === "tag" ? "tag:topic:async" : name === "is" ? "is:due" : "rated:7"}` });
      continue;
    }
    switch (name) {
      case "deck":
        terms.push({ kind: "deck", name: value, negated, column });
        break;
      case "tag":
        if (/\s/.test(value)) errors.push({ column: valueStart + 1, message: "tags cannot contain spaces" });
        else terms.push({ kind: "tag", pattern: value, negated, column });
        break;
      case "is": {
        const v = value.toLowerCase();
        if ((IS_VALUES as readonly string[]).includes(v)) terms.push({ kind: "is", value: v as IsValue, negated, column });
        else errors.push({ column: valueStart + 1, message: `unknown is:${value} — expected one of ${IS_VALUES.map((x) => `is:${x}`).join(", ")}` });
        break;
      }
      case "rated": {
        const days = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isInteger(days) || days < 1 || days > 365) errors.push({ column: valueStart + 1, message: `rated: expected a whole number of days 1..365, got "${value}"` });
        else terms.push({ kind: "rated", days, negated, column });
        break;
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, terms };
}

/** "column 9: message", for the line under the browser's search box. */
export function formatSearchError(e: SearchError): string {
  return `column ${e.column}: ${e.message}`;
}

// ---------------------------------------------------------------------------------------------
// Matching shared by the evaluator and the database filter

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

export interface DeckRef {
  id: string;
  name: string;
}

/** Decks a `deck:` term selects: every deck whose name, or a parent's name ("parent::child"), matches. */
export function decksMatching(name: string, decks: readonly DeckRef[]): string[] {
  const re = globToRegExp(name);
  return decks
    .filter((d) => {
      const segments = d.name.toLowerCase().split("::");
      return segments.some((_, k) => re.test(segments.slice(0, k + 1).join("::")));
    })
    .map((d) => d.id);
}

export function tagMatches(pattern: string, tags: readonly string[]): boolean {
  const re = globToRegExp(pattern);
  return tags.some((t) => re.test(t.toLowerCase()));
}

/** Tags as stored on a note for portable `contains` search: lower-case, space-separated and padded. */
export function tagsField(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  return clean.length ? ` ${clean.join(" ")} ` : " ";
}

export interface SearchContext {
  now: Date;
  day: LearnerDayConfig;
  learnAheadMinutes?: number;
  decks: readonly DeckRef[];
}

/** Start of the window `rated:N` looks at: the start of the learner day N-1 days ago. */
export function ratedSince(days: number, ctx: Pick<SearchContext, "now" | "day">): Date {
  return learnerDayStart(learnerDayNumber(ctx.now, ctx.day) - (days - 1), ctx.day);
}

// ---------------------------------------------------------------------------------------------
// Evaluator over plain rows

export interface SearchableCard {
  id: string;
  deckId: string;
  state: State;
  due: Date;
  scheduled_days: number;
  suspended: boolean;
  buriedUntil?: Date | null;
  last_review?: Date | null;
  tags: readonly string[];
  /** `searchTextOf(note)`: lower-case plain text of the note's fields. */
  searchText: string;
}

function matchesTerm(t: SearchTerm, c: SearchableCard, ctx: SearchContext): boolean {
  switch (t.kind) {
    case "deck":
      return decksMatching(t.name, ctx.decks).includes(c.deckId);
    case "tag":
      return tagMatches(t.pattern, c.tags);
    case "text":
      return c.searchText.includes(t.text.toLowerCase());
    case "rated":
      return c.last_review != null && c.last_review >= ratedSince(t.days, ctx);
    case "is":
      switch (t.value) {
        case "new":
          return c.state === State.New;
        case "learn":
          return c.state === State.Learning || c.state === State.Relearning;
        case "review":
          return c.state === State.Review || c.state === State.Relearning;
        case "suspended":
          return c.suspended;
        case "due":
          return isDue(c, dueCutoffs({ now: ctx.now, day: ctx.day, learnAheadMinutes: ctx.learnAheadMinutes }), ctx.now);
      }
  }
}

export function matchesCard(terms: readonly SearchTerm[], card: SearchableCard, ctx: SearchContext): boolean {
  return terms.every((t) => matchesTerm(t, card, ctx) !== t.negated);
}

// ---------------------------------------------------------------------------------------------
// Database filter

/**
 * Field names of the card model the filter targets (defaults shown), for a schema like:
 *
 *   model Card { id; deckId String; state Int (ts-fsrs State); due DateTime; scheduledDays Int;
 *                suspended Boolean; buriedUntil DateTime?; lastReview DateTime?;
 *                note Note @relation(...) }
 *   model Note { tags String  // tagsField(tags): " domain:security topic:async "
 *                searchText String  // searchTextOf(note) }
 *
 * Tags and text are stored lower-cased so `contains` behaves the same on SQLite (LIKE is
 * case-insensitive for ASCII) and PostgreSQL (case-sensitive; Prisma's `mode: "insensitive"` is
 * PostgreSQL-only), and tags are a padded string because the schema keeps no scalar lists.
 */
export interface CardWhereFields {
  deckId: string;
  state: string;
  due: string;
  scheduledDays: string;
  suspended: string;
  buriedUntil: string;
  lastReview: string;
  note: string;
  tags: string;
  searchText: string;
}

export const defaultCardWhereFields: CardWhereFields = {
  deckId: "deckId",
  state: "state",
  due: "due",
  scheduledDays: "scheduledDays",
  suspended: "suspended",
  buriedUntil: "buriedUntil",
  lastReview: "lastReview",
  note: "note",
  tags: "tags",
  searchText: "searchText",
};

type Where = Record<string, unknown>;

/**
 * Prisma `where` for the terms. Exact except one case: a tag glob with `*` in the MIDDLE
 * (`tag:a*b`) becomes "contains ' a' and contains 'b '" — a superset; filter those rows with
 * `matchesCard` if exactness matters. Prefix, suffix and plain tags are exact.
 */
export function toCardWhere(terms: readonly SearchTerm[], ctx: SearchContext, f: CardWhereFields = defaultCardWhereFields): Where {
  const notBuried = { OR: [{ [f.buriedUntil]: null }, { [f.buriedUntil]: { lte: ctx.now } }] };
  const learning = { in: [State.Learning, State.Relearning] };
  const one = (t: SearchTerm): Where => {
    switch (t.kind) {
      case "deck":
        return { [f.deckId]: { in: decksMatching(t.name, ctx.decks) } };
      case "text":
        return { [f.note]: { [f.searchText]: { contains: t.text.toLowerCase() } } };
      case "rated":
        return { [f.lastReview]: { gte: ratedSince(t.days, ctx) } };
      case "tag": {
        const parts = t.pattern.toLowerCase().split("*");
        const needles =
          parts.length === 1
            ? [` ${parts[0]} `]
            : [` ${parts[0]}`, ...parts.slice(1, -1), `${parts.at(-1)} `].filter((p) => p.trim() !== "");
        const contains = needles.map((p) => ({ [f.note]: { [f.tags]: { contains: p } } }));
        return contains.length === 0 ? { [f.note]: { [f.tags]: { not: " " } } } : contains.length === 1 ? contains[0]! : { AND: contains };
      }
      case "is":
        switch (t.value) {
          case "new":
            return { [f.state]: State.New };
          case "learn":
            return { [f.state]: learning };
          case "review":
            return { [f.state]: { in: [State.Review, State.Relearning] } };
          case "suspended":
            return { [f.suspended]: true };
          case "due": {
            const cut = dueCutoffs({ now: ctx.now, day: ctx.day, learnAheadMinutes: ctx.learnAheadMinutes });
            return {
              AND: [
                { [f.suspended]: false },
                notBuried,
                {
                  OR: [
                    { [f.state]: State.Review, [f.due]: { lt: cut.endOfToday } },
                    { [f.state]: learning, [f.scheduledDays]: { lt: 1 }, [f.due]: { lte: cut.learnAheadUntil } },
                    { [f.state]: learning, [f.scheduledDays]: { gte: 1 }, [f.due]: { lt: cut.endOfToday } },
                  ],
                },
              ],
            };
          }
        }
    }
  };
  // SQL's NOT over a NULL comparison is NULL, which would drop never-reviewed cards from
  // `-rated:N`; spell that negation out so it matches the evaluator.
  const negate = (t: SearchTerm): Where =>
    t.kind === "rated" ? { OR: [{ [f.lastReview]: null }, { [f.lastReview]: { lt: ratedSince(t.days, ctx) } }] } : { NOT: one(t) };
  return { AND: terms.map((t) => (t.negated ? negate(t) : one(t))) };
}
