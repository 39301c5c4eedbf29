import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { decksMatching, matchesCard, parseSearch, tagsField, toCardWhere, type SearchableCard, type SearchContext, type SearchTerm } from "./search";

function terms(q: string): SearchTerm[] {
  const r = parseSearch(q);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.terms;
}

describe("parseSearch", () => {
  it("parses filters, negation, phrases and words into a typed AST with columns", () => {
    expect(terms('deck:"AWS Lambda" -tag:domain:* is:due rated:7 "dead letter" retries')).toEqual([
      { kind: "deck", name: "AWS Lambda", negated: false, column: 1 },
      { kind: "tag", pattern: "domain:*", negated: true, column: 19 },
      { kind: "is", value: "due", negated: false, column: 33 },
      { kind: "rated", days: 7, negated: false, column: 40 },
      { kind: "text", text: "dead letter", negated: false, column: 48 },
      { kind: "text", text: "retries", negated: false, column: 62 },
    ]);
  });

  it("accepts escaped quotes and upper-case filter names", () => {
    expect(terms('"say \\"hi\\"" IS:New')).toEqual([
      { kind: "text", text: 'say "hi"', negated: false, column: 1 },
      { kind: "is", value: "new", negated: false, column: 14 },
    ]);
  });

  it.each([
    ['deck:"unterminated', 6, /unterminated quote/],
    ["is:fresh", 4, /unknown is:fresh — expected one of is:due/],
    ["rated:0", 7, /1\.\.365/],
    ["rated:abc", 7, /whole number/],
    ["tag: x", 5, /tag: needs a value/],
    ["ok - x", 4, /lone "-"/],
    ["arn:aws:lambda", 1, /unknown filter "arn:"/],
  ])("%s → error at column %i", (q, column, message) => {
    const r = parseSearch(q);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.column).toBe(column);
      expect(r.errors[0]!.message).toMatch(message);
    }
  });

  it("an empty query matches everything (no terms)", () => {
    expect(terms("   ")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const now = new Date("2026-03-02T10:00:00Z");
const ctx: SearchContext = {
  now,
  day: { utcOffsetMinutes: 0, rolloverHour: 4 },
  decks: [
    { id: "d1", name: "AWS Lambda" },
    { id: "d2", name: "AWS Lambda::Mistakes" },
    { id: "d3", name: "DynamoDB" },
  ],
};
const base: Omit<SearchableCard, "id"> = {
  deckId: "d1",
  state: State.Review,
  due: new Date("2026-03-10T00:00:00Z"),
  scheduled_days: 10,
  suspended: false,
  buriedUntil: null,
  last_review: null,
  tags: [],
  searchText: "",
};
const cards: SearchableCard[] = [
  { ...base, id: "due-review", due: new Date("2026-03-02T20:00:00Z"), tags: ["domain:development", "topic:async"], searchText: "lambda retries async invocations twice", last_review: new Date("2026-02-28T12:00:00Z") },
  { ...base, id: "future-review", tags: ["domain:security"], searchText: "execution role", last_review: new Date("2026-03-02T05:00:00Z") },
  { ...base, id: "new", state: State.New, scheduled_days: 0, deckId: "d2", tags: ["topic:dlq"], searchText: "dead letter queue" },
  { ...base, id: "learning", state: State.Learning, scheduled_days: 0, due: new Date("2026-03-02T10:10:00Z"), deckId: "d3", searchText: "streams" },
  { ...base, id: "relearning", state: State.Relearning, scheduled_days: 0, due: new Date("2026-03-02T09:00:00Z"), tags: ["Domain:Troubleshooting"], searchText: "iterator age" },
  { ...base, id: "suspended", suspended: true, due: new Date("2026-03-01T00:00:00Z"), searchText: "dead letter" },
  { ...base, id: "buried", due: new Date("2026-03-01T00:00:00Z"), buriedUntil: new Date("2026-03-03T04:00:00Z") },
];
const ids = (q: string) => cards.filter((c) => matchesCard(terms(q), c, ctx)).map((c) => c.id);

describe("matchesCard", () => {
  it.each([
    ["is:due", ["due-review", "learning", "relearning"]],
    ["is:new", ["new"]],
    ["is:learn", ["learning", "relearning"]],
    ["is:review", ["due-review", "future-review", "relearning", "suspended", "buried"]],
    ["is:suspended", ["suspended"]],
    ["-is:suspended is:review", ["due-review", "future-review", "relearning", "buried"]],
    ["tag:domain:*", ["due-review", "future-review", "relearning"]],
    ["tag:domain:troubleshooting", ["relearning"]],
    ["-tag:domain:*", ["new", "learning", "suspended", "buried"]],
    ['deck:"aws lambda"', ["due-review", "future-review", "new", "relearning", "suspended", "buried"]],
    ['deck:"AWS Lambda::Mistakes"', ["new"]],
    ["deck:dyn*", ["learning"]],
    ['"dead letter"', ["new", "suspended"]],
    ["DEAD queue", ["new"]],
    ["rated:1", ["future-review"]],
    ["rated:3", ["due-review", "future-review"]],
    ["-rated:1", ["due-review", "new", "learning", "relearning", "suspended", "buried"]],
  ])("%s", (q, expected) => expect(ids(q)).toEqual(expected));

  it("resolves deck names with subdecks", () => {
    expect(decksMatching("aws lambda", ctx.decks)).toEqual(["d1", "d2"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The database filter must select exactly what the evaluator selects. This small interpreter of
// Prisma's where-language (the operators toCardWhere emits, with SQL's NULL semantics for NOT)
// runs the generated filter over the same rows.

type Row = Record<string, unknown>;
function sqlEval(where: Row, row: Row): boolean | null {
  const and = (xs: Array<boolean | null>) => (xs.includes(false) ? false : xs.includes(null) ? null : true);
  const or = (xs: Array<boolean | null>) => (xs.includes(true) ? true : xs.includes(null) ? null : false);
  const results: Array<boolean | null> = [];
  for (const [k, cond] of Object.entries(where)) {
    if (k === "AND") results.push(and((cond as Row[]).map((w) => sqlEval(w, row))));
    else if (k === "OR") results.push(or((cond as Row[]).map((w) => sqlEval(w, row))));
    else if (k === "NOT") {
      const v = sqlEval(cond as Row, row);
      results.push(v === null ? null : !v);
    } else {
      const value = row[k];
      if (cond === null) results.push(value === null || value === undefined);
      else if (typeof cond !== "object" || cond instanceof Date) results.push(value == null ? null : value === cond);
      else if (value !== null && typeof value === "object" && !(value instanceof Date)) results.push(sqlEval(cond as Row, value as Row));
      else {
        const ops = cond as Row;
        const cmp = (op: string, x: unknown): boolean | null => {
          if (value == null) return null;
          const v = value instanceof Date ? value.getTime() : value;
          const y = x instanceof Date ? x.getTime() : x;
          switch (op) {
            case "in": return (x as unknown[]).includes(value);
            case "lt": return (v as number) < (y as number);
            case "lte": return (v as number) <= (y as number);
            case "gte": return (v as number) >= (y as number);
            case "contains": return String(value).includes(String(x));
            case "not": return value !== x;
            default: throw new Error(`operator ${op} not interpreted`);
          }
        };
        results.push(and(Object.entries(ops).map(([op, x]) => cmp(op, x))));
      }
    }
  }
  return and(results);
}

const toRow = (c: SearchableCard): Row => ({
  deckId: c.deckId,
  state: c.state,
  due: c.due,
  scheduledDays: c.scheduled_days,
  suspended: c.suspended,
  buriedUntil: c.buriedUntil ?? null,
  lastReview: c.last_review ?? null,
  note: { tags: tagsField(c.tags), searchText: c.searchText },
});

describe("toCardWhere selects what matchesCard selects", () => {
  it.each([
    "is:due", "-is:due", "is:new", "is:learn", "is:review", "-is:suspended is:review", "tag:domain:*", "tag:*",
    "tag:domain:troubleshooting", "-tag:domain:*", 'deck:"aws lambda"', "-deck:dynamodb", "deck:dyn*", '"dead letter"',
    "DEAD queue", "rated:1", "rated:3", "-rated:1", "tag:*:async", "-tag:*async",
  ])("%s", (q) => {
    const where = toCardWhere(terms(q), ctx);
    const viaDb = cards.filter((c) => sqlEval(where, toRow(c)) === true).map((c) => c.id);
    expect(viaDb).toEqual(ids(q));
  });

  it("emits plain Prisma-shaped objects", () => {
    expect(toCardWhere(terms("tag:topic:async -is:new"), ctx)).toEqual({
      AND: [{ note: { tags: { contains: " topic:async " } } }, { NOT: { state: State.New } }],
    });
  });
});
