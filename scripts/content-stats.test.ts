import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentStats } from "./content-stats";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-stats-"));
  roots.push(root);
  for (const d of ["labs", "content/decks", "content/questions"]) fs.mkdirSync(path.join(root, d), { recursive: true });
  return root;
}

const deck = `deck: { id: tiny, name: Tiny, description: A tiny deck }
notes:
  - { id: one, type: basic, front: "Q", back: "A", tags: [domain:development, topic:async], source: "[AsyncErr]" }
  - { id: two, type: reversed, front: "Q2", back: "A2", tags: [domain:development, topic:async], source: "[AsyncErr]" }
  - { id: three, type: cloze, text: "{{c1::Two}} retries, {{c2::six}} hours, {{c1::twice}}", tags: [domain:development, topic:retries], source: "[AsyncErr]" }
`;

describe("content:stats", () => {
  it("counts cards generated from notes (basic 1, reversed 2, cloze per number), questions, and labs with a valid unique id", () => {
    const root = tempRoot();
    fs.writeFileSync(path.join(root, "content/decks/tiny.yaml"), deck);
    fs.copyFileSync("content/questions/aws-lambda.yaml", path.join(root, "content/questions/aws-lambda.yaml"));
    const lab = fs.readFileSync("labs/sync-vs-async.yaml", "utf8");
    fs.writeFileSync(path.join(root, "labs/a.yaml"), lab);
    fs.writeFileSync(path.join(root, "labs/b.yaml"), lab); // same id again
    fs.writeFileSync(path.join(root, "labs/c.yaml"), lab.replace(/^id: .*$/m, "id: Not_A_Slug"));
    fs.writeFileSync(path.join(root, "labs/notes.txt"), "not a lab file");
    const { stats, problems } = contentStats(root);
    const bankSize = (fs.readFileSync("content/questions/aws-lambda.yaml", "utf8").match(/^\s+- id: /gm) ?? []).length;
    expect(stats).toEqual({ labs: 1, cards: 1 + 2 + 2, questions: bankSize });
    expect(problems).toEqual([
      expect.stringMatching(/^labs\/b\.yaml:1:1: id: "sync-vs-async" is already the id of another lab file$/),
      expect.stringMatching(/^labs\/c\.yaml:1:1: id: expected a lab id/),
    ]);
  });

  it("reports a broken deck file with its line and column and leaves it out", () => {
    const root = tempRoot();
    fs.writeFileSync(path.join(root, "content/decks/bad.yaml"), deck.replace("type: basic", "type: bsic"));
    const { stats, problems } = contentStats(root);
    expect(stats.cards).toBe(0);
    expect(problems[0]).toMatch(/^content\/decks\/bad\.yaml:3:\d+: notes\[0\]/);
  });
});
