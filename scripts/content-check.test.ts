import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkContent, formatContentError, parseCloze } from "./content-check";

const deck = (notes: string) => `deck:
  id: t
  name: "T"
  description: d
notes:
${notes}`;

const bank = (questions: string) => `bank:
  id: t
  name: "T"
questions:
${questions}`;

const messages = (text: string) => checkContent(text, "f.yaml").errors.map(formatContentError);

describe("parseCloze", () => {
  it("accepts answers and hints, and reports the numbers used", () => {
    expect(parseCloze("{{c1::2}} retries, {{c2::1 minute::delay}}, again {{c1::2}}")).toEqual({ numbers: [1, 2] });
    expect(parseCloze("needs {{c1::sqs:SendMessage}}")).toEqual({ numbers: [1] });
  });
  it("refuses malformed, unclosed, gapped and empty clozes", () => {
    expect(parseCloze("{{c1:2}}")).toHaveProperty("error", expect.stringContaining("malformed"));
    expect(parseCloze("{{c1::}}")).toHaveProperty("error", expect.stringContaining("malformed"));
    expect(parseCloze("{{c0::x}}")).toHaveProperty("error", expect.stringContaining("malformed"));
    expect(parseCloze("{{c1::a::b::c}}")).toHaveProperty("error", expect.stringContaining("malformed"));
    expect(parseCloze("{{c1::x")).toHaveProperty("error", expect.stringContaining("never closed"));
    expect(parseCloze("x}} {{c1::y}}")).toHaveProperty("error", expect.stringContaining("without a matching"));
    expect(parseCloze("{{c1::a}} {{c3::b}}")).toHaveProperty("error", expect.stringContaining("c1, c3"));
    expect(parseCloze("no deletions")).toHaveProperty("error", expect.stringContaining("at least one"));
  });
});

describe("checkContent — deck", () => {
  const good = `  - id: a-b
    type: basic
    front: "Q?"
    back: "A."
    tags: [domain:development, topic:async]
    source: "[AsyncErr]"
  - id: c-d
    type: cloze
    text: "{{c1::2}} retries"
    tags: [domain:development, topic:retries]
    source: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html"
`;
  it("accepts a well-formed deck and counts cards (one per cloze number)", () => {
    const r = checkContent(deck(good), "f.yaml");
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe("deck");
    expect(r.counts.cards.total).toBe(2);
    expect(r.counts.type).toEqual({ basic: 1, cloze: 1 });
  });
  it("locates unknown keys, duplicate ids, bad tags and sources by line", () => {
    const bad = deck(`  - id: a-b
    type: basic
    front: "Q?"
    back: "A."
    hint: nope
    tags: [domain:dev, topic:async]
    source: "[Nowhere]"
  - id: a-b
    type: cloze
    text: "{{c2::x}}"
    tags: [topic:async]
    source: "[AsyncErr]"
`);
    expect(messages(bad)).toEqual([
      'f.yaml:10:11: notes[0].hint: unknown key "hint" (expected one of: id, type, front, back, tags, source)',
      "f.yaml:11:11: notes[0].tags: needs at least one domain: tag",
      expect.stringMatching(/^f\.yaml:11:12: notes\[0\]\.tags\[0\]: unknown tag "domain:dev" \(expected domain:</),
      expect.stringMatching(/^f\.yaml:12:13: notes\[0\]\.source: expected one source key/),
      'f.yaml:13:9: notes[1].id: duplicate id "a-b" (first used at notes[0])',
      "f.yaml:15:11: notes[1].text: cloze numbers must run from c1 with no gap; found c2",
      "f.yaml:16:11: notes[1].tags: needs at least one domain: tag",
    ]);
  });
  it("reports a YAML syntax error with its position", () => {
    const [m] = messages("deck: [unclosed\n");
    expect(m).toMatch(/^f\.yaml:\d+:\d+: YAML: /);
  });
});

describe("checkContent — bank", () => {
  const option = (text: string, correct: boolean) =>
    `      - text: "${text}"\n        correct: ${correct}\n        explanation: "because"\n`;
  const single = (opts: string, extra = "") => `  - id: q-one
    type: single
    domain: development
    topics: [async, idempotency]
    difficulty: medium${extra}
    stem: "A company… Which solution?"
    options:
${opts}    source: "[AsyncErr]"
`;
  it("accepts a single-answer question with exactly one correct option", () => {
    const r = checkContent(bank(single(option("a", true) + option("b", false) + option("c", false) + option("d", false))), "f.yaml");
    expect(r.errors).toEqual([]);
    expect(r.counts.domain).toEqual({ development: 1 });
  });
  it("refuses two correct answers on a single question, naming the line of options", () => {
    const text = bank(single(option("a", true) + option("b", true) + option("c", false) + option("d", false)));
    expect(messages(text)).toEqual(["f.yaml:12:7: questions[0].options: expected exactly 1 correct option(s), found 2"]);
  });
  it("refuses choose on a single question, and a multiple question without enough options", () => {
    expect(messages(bank(single(option("a", true) + option("b", false) + option("c", false), "\n    choose: 2"))))
      .toEqual([expect.stringMatching(/^f\.yaml:10:13: questions\[0\]\.choose: unknown key "choose"/)]);
    const multi = `  - id: q-two
    type: multiple
    choose: 2
    domain: security
    topics: [permissions]
    difficulty: hard
    stem: "Choose TWO."
    options:
${option("a", true)}${option("b", true)}${option("c", false)}    source: "[Arch:with-sqs.md]"
`;
    expect(messages(bank(multi))).toEqual(["f.yaml:13:7: questions[0].options: expected at least 4 options, found 3"]);
  });
  it("refuses an option without an explanation and a non-boolean correct", () => {
    const opts = option("a", true) + `      - text: "b"\n        correct: yes\n` + option("c", false) + option("d", false);
    expect(messages(bank(single(opts)))).toEqual([
      'f.yaml:15:9: questions[0].options[1]: missing key "explanation"',
      "f.yaml:16:18: questions[0].options[1].correct: expected true or false",
    ]);
  });
});

describe("the built-in content", () => {
  for (const file of ["content/decks/aws-lambda.yaml", "content/questions/aws-lambda.yaml"]) {
    it(`${file} passes the checker`, () => {
      const r = checkContent(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"), file);
      expect(r.errors.map(formatContentError)).toEqual([]);
    });
  }
  it("meets the issue's sizes: ≥ 150 cards, ≥ 80 questions", () => {
    const d = checkContent(readFileSync(new URL("../content/decks/aws-lambda.yaml", import.meta.url), "utf8"), "d");
    const b = checkContent(readFileSync(new URL("../content/questions/aws-lambda.yaml", import.meta.url), "utf8"), "b");
    expect(d.counts.cards.total).toBeGreaterThanOrEqual(150);
    expect(Object.values(b.counts.type).reduce((a, n) => a + n, 0)).toBeGreaterThanOrEqual(80);
  });
});
