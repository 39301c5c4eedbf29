import { describe, expect, it } from "vitest";
import { cardsOfNote, parseCloze, renderCard, searchTextOf, siblingsOf, type Note } from "./notes";

const basic: Note = { id: "b", type: "basic", front: "Default timeout?", back: "3 seconds" };
const reversed: Note = { id: "r", type: "reversed", front: "DLQ", back: "dead-letter queue" };
const cloze: Note = {
  id: "c",
  type: "cloze",
  text: "Lambda retries a failed async invocation {{c1::2}} times, after about {{c2::1 minute::delay}} and {{c3::2 minutes}}; default {{c1::twice}}.",
  extra: "See AsyncErr.",
};

describe("cards of a note", () => {
  it("basic → 1, reversed → 2, cloze → one per distinct cN", () => {
    expect(cardsOfNote(basic)).toEqual([{ noteId: "b", ordinal: 0 }]);
    expect(cardsOfNote(reversed).map((c) => c.ordinal)).toEqual([0, 1]);
    expect(cardsOfNote(cloze).map((c) => c.ordinal)).toEqual([1, 2, 3]);
  });

  it("siblings are the other cards of the same note", () => {
    const all = [...cardsOfNote(cloze), ...cardsOfNote(basic)];
    expect(siblingsOf({ noteId: "c", ordinal: 2 }, all).map((c) => c.ordinal)).toEqual([1, 3]);
    expect(siblingsOf({ noteId: "b", ordinal: 0 }, all)).toEqual([]);
  });
});

describe("rendering", () => {
  it("reversed card 1 asks the back", () => {
    expect(renderCard(reversed, 1)).toEqual({ question: "dead-letter queue", answer: "dead-letter queue\n\n---\n\nDLQ" });
    expect(() => renderCard(basic, 1)).toThrow(/no card 1/);
  });

  it("cloze hides the active deletions with [...] or the hint, shows the others", () => {
    const c1 = renderCard(cloze, 1);
    expect(c1.question).toBe("Lambda retries a failed async invocation [...] times, after about 1 minute and 2 minutes; default [...].");
    expect(c1.answer).toBe("Lambda retries a failed async invocation **2** times, after about 1 minute and 2 minutes; default **twice**.\n\n---\n\nSee AsyncErr.");
    expect(renderCard(cloze, 2).question).toContain("after about [delay] and 2 minutes");
  });

  it("does not bold an answer inside code, where Markdown would print the asterisks", () => {
    const code: Note = { id: "k", type: "cloze", text: "Use `{{c1::--invocation-type Event}}`, `x {{c4::y}}`\n```\naws lambda invoke {{c2::--payload}}\n```\nthen {{c3::wait}}" };
    // a deletion filling a whole code span is bolded around the span
    expect(renderCard(code, 1).question).toContain("Use [...], `x y`");
    expect(renderCard(code, 1).answer).toContain("Use **`--invocation-type Event`**,");
    // inside a longer span or a fence it stays plain
    expect(renderCard(code, 4).answer).toContain("`x y`");
    expect(renderCard(code, 2).answer).toContain("aws lambda invoke --payload\n");
    expect(renderCard(code, 3).answer).toContain("then **wait**");
  });
});

describe("cloze errors are located", () => {
  it.each([
    ["no deletion at all", "plain text", /at least one/],
    ["unclosed", "a {{c1::b", /not closed/],
    ["bad head", "a {{x::b}}", /expected "\{\{cN::answer\}\}"/],
    ["c0", "a {{c0::b}}", /start at c1/],
    ["gap", "{{c1::a}} {{c3::b}}", /missing c2/],
    ["empty answer", "{{c1::}}", /empty answer/],
    ["nested", "{{c1::a {{c2::b}} }}", /nested/],
  ])("%s", (_name, text, message) => {
    const r = parseCloze(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(message);
  });

  it("reports line and column of the bad deletion", () => {
    const r = parseCloze("first line\nsecond {{c1:oops}}");
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ line: 2, column: 8 })] });
  });
});

it("search text drops cloze markup and lower-cases", () => {
  expect(searchTextOf(cloze)).toBe("lambda retries a failed async invocation 2 times, after about 1 minute and 2 minutes; default twice. see asyncerr.");
});
