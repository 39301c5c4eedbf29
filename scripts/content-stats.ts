// npm run content:stats — how much built-in content there is, counted from the files themselves:
//   labs       labs/*.yaml files that parse as a lab with a valid, unique id (lib/labs/lab-file.ts)
//   cards      cards the built-in decks' notes generate (content/decks/*.yaml: basic 1, reversed 2,
//              cloze one per cN — lib/srs/notes.ts cardsOfNote)
//   questions  questions in the built-in banks (content/questions/*.yaml)
// A line per file goes first; the LAST line is the JSON {"labs","cards","questions"}. A file that
// does not parse is reported as file:line:col: … and the exit code is 1 (the counts leave it out).
import fs from "node:fs";
import path from "node:path";
import { parseLabSource } from "../lib/labs/lab-file";
import { loadBankFiles } from "../lib/quiz/content";
import { loadDeckFiles, toNote } from "../lib/srs/content";
import { cardsOfNote } from "../lib/srs/notes";
import { formatContentError } from "../lib/srs/yaml-source";

const LAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ContentStats {
  labs: number;
  cards: number;
  questions: number;
}

export function contentStats(root: string): { stats: ContentStats; lines: string[]; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];

  const labDir = path.join(root, "labs");
  const labIds = new Set<string>();
  const labFiles = fs.existsSync(labDir) ? fs.readdirSync(labDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const f of labFiles) {
    const rel = path.join("labs", f);
    const parsed = parseLabSource(fs.readFileSync(path.join(labDir, f), "utf8"), { file: rel });
    if (!parsed.ok) {
      const e = parsed.errors[0]!;
      problems.push(`${rel}:${e.line ?? 1}:${e.column ?? 1}: ${e.path ? `${e.path}: ` : ""}${e.message}`);
      continue;
    }
    const id = parsed.value.id;
    if (!LAB_ID.test(id)) problems.push(`${rel}:1:1: id: expected a lab id of lower-case letters and digits separated by dashes, got ${JSON.stringify(id)}`);
    else if (labIds.has(id)) problems.push(`${rel}:1:1: id: "${id}" is already the id of another lab file`);
    else labIds.add(id);
  }
  lines.push(`labs: ${labIds.size} of ${labFiles.length} file(s) in labs/`);

  let cards = 0;
  if (fs.existsSync(path.join(root, "content", "decks"))) {
    const decks = loadDeckFiles(root);
    if (!decks.ok) problems.push(...decks.errors.map(formatContentError));
    else
      for (const d of decks.value) {
        const n = d.notes.reduce((sum, note) => sum + cardsOfNote(toNote(note)).length, 0);
        lines.push(`deck ${d.deck.id}: ${d.notes.length} notes, ${n} cards`);
        cards += n;
      }
  }

  let questions = 0;
  if (fs.existsSync(path.join(root, "content", "questions"))) {
    const banks = loadBankFiles(root);
    if (!banks.ok) problems.push(...banks.errors.map(formatContentError));
    else
      for (const b of banks.value) {
        lines.push(`bank ${b.bank.id}: ${b.questions.length} questions`);
        questions += b.questions.length;
      }
  }
  return { stats: { labs: labIds.size, cards, questions }, lines, problems };
}

// Run as a script (tsx), not when a test imports contentStats.
if (typeof __filename !== "undefined" && process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { stats, lines, problems } = contentStats(process.argv[2] ?? process.cwd());
  for (const l of lines) console.log(l);
  for (const p of problems) console.log(`error: ${p}`);
  console.log(JSON.stringify(stats));
  if (problems.length) process.exitCode = 1;
}
