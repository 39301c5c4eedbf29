import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { cardsOfNote } from "./notes";
import { loadDeckFiles, parseDeckFile, toNote } from "./content";
import { formatContentError } from "./yaml-source";

const good = `deck:
  id: demo
  name: Demo
  description: A demo deck.
notes:
  - id: one
    type: basic
    front: "Q?"
    back: "A."
    tags: [domain:development, topic:async]
    source: "[AsyncErr]"
  - id: two
    type: cloze
    text: "Retries {{c1::2}} times after {{c2::1 minute}}."
    tags: [domain:troubleshooting, topic:retries]
    source: https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
`;

describe("parseDeckFile", () => {
  it("accepts a well-formed deck and yields notes that generate cards", () => {
    const r = parseDeckFile(good, "demo.yaml");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.notes.flatMap((n) => cardsOfNote(toNote(n)))).toHaveLength(3);
  });

  it.each([
    ["an unknown key, at the key", good.replace("    source: \"[AsyncErr]\"", '    source: "[AsyncErr]"\n    hint: nope'), "demo.yaml:12:5: notes[0].hint: unknown key \"hint\" (expected only: id, type, front, back, tags, source)"],
    ["a missing back", good.replace('    back: "A."\n', ""), /demo\.yaml:6:5: notes\[0\]\.back: expected back/],
    ["a bad type", good.replace("type: basic", "type: flip"), /notes\[0\]\.type: expected type: basic, reversed or cloze/],
    ["a malformed cloze", good.replace("{{c2::1 minute}}", "{{c3::1 minute}}"), /demo\.yaml:14:11: notes\[1\]\.text: cloze numbers must run from c1 without gaps: missing c2/],
    ["no domain tag", good.replace("[domain:development, topic:async]", "[topic:async]"), /demo\.yaml:10:11: notes\[0\]\.tags: expected at least one domain tag/],
    ["an unknown topic", good.replace("topic:retries", "topic:retrys"), /notes\[1\]\.tags\[1\]: unknown topic "topic:retrys"/],
    ["a duplicate id", good.replace("id: two", "id: one"), /notes\[1\]\.id: duplicate id "one" \(first used at notes\[0\]\)/],
    ["a bad source", good.replace('"[AsyncErr]"', "my notes"), /notes\[0\]\.source: expected a source key/],
    ["broken YAML", good.replace("notes:", "notes: [\n"), /demo\.yaml:\d+:\d+: YAML: /],
  ])("reports %s with file:line:col", (_name, text, expected) => {
    const r = parseDeckFile(text, "demo.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const lines = r.errors.map(formatContentError);
      if (typeof expected === "string") expect(lines).toContain(expected);
      else expect(lines.some((l) => expected.test(l)), lines.join("\n")).toBe(true);
    }
  });
});

// The built-in deck (content/decks/*.yaml, written by the content engineer) must load.
const root = path.resolve(__dirname, "../..");
describe.runIf(existsSync(path.join(root, "content/decks")))("built-in decks", () => {
  it("load without errors and give at least 150 cards", () => {
    const r = loadDeckFiles(root);
    if (!r.ok) throw new Error(r.errors.map(formatContentError).join("\n"));
    const cards = r.value.flatMap((d) => d.notes.flatMap((n) => cardsOfNote(toNote(n))));
    expect(cards.length).toBeGreaterThanOrEqual(150);
  });
});
