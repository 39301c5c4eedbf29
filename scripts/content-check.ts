// Checks the built-in study content (content/decks/*.yaml, content/questions/*.yaml) against the
// shape the loaders expect, with a file:line:col for every problem, and prints what it counted.
// Usage: npx tsx scripts/content-check.ts [file.yaml ...]   (default: the two built-in files)
// Exit 0 when every file is clean, 1 otherwise. The study-logic zod schemas (lib/srs/content.ts,
// lib/quiz/content.ts) are meant to replace the shape rules below; the counts stay useful.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";

export const DOMAINS = ["development", "security", "deployment", "troubleshooting"] as const;
export const TOPICS = [
  "invocation", "async", "retries", "idempotency", "dlq", "destinations", "esm", "sqs", "kinesis",
  "dynamodb-streams", "permissions", "versions", "aliases", "execution-environment", "cold-start",
  "concurrency", "provisioned", "reserved", "throttling", "limits", "errors",
  // added sparingly, for facts the list above has no word for
  "monitoring", "encryption", "function-urls", "codedeploy", "sam",
] as const;
// Source keys of docs/lambda-semantics.md; [Arch:<file>] and [LS:<path>] take an argument.
const SOURCE_KEYS = ["Invoke", "InvokeAsync", "AsyncErr", "AsyncCfg", "Retain", "CFN-EIC", "Scaling",
  "RuntimeEnv", "SqsErr", "SqsScale", "CFN-Scaling", "Recursion", "InitBilling"];
const SOURCE_RE = new RegExp(`^(\\[(${SOURCE_KEYS.join("|")})\\]|\\[(Arch|LS):[^\\]\\s]+\\]|https://docs\\.aws\\.amazon\\.com/\\S+)$`);
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ContentError { file: string; line: number; col: number; path: string; message: string }
export interface ContentReport {
  kind: "deck" | "bank" | "unknown";
  errors: ContentError[];
  counts: Record<string, Record<string, number>>;
}

type Path = (string | number)[];
type Obj = Record<string, unknown>;

/** Collects errors for one file; `at` finds the nearest existing node of a path for line:col. */
function makeReporter(file: string, doc: Document, lc: LineCounter, errors: ContentError[]) {
  const at = (p: Path) => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lc.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  };
  return (p: Path, message: string) => {
    const { line, col } = at(p);
    const where = p.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
    errors.push({ file, line, col, path: where, message });
  };
}

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;
const bump = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };

type Report = (p: Path, message: string) => void;

function checkKeys(o: Obj, p: Path, required: string[], optional: string[], report: Report) {
  for (const k of required) if (!(k in o)) report(p, `missing key "${k}"`);
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k)) {
      report([...p, k], `unknown key "${k}" (expected one of: ${[...required, ...optional].join(", ")})`);
    }
  }
}

function checkString(o: Obj, key: string, p: Path, report: Report) {
  if (key in o && !nonEmpty(o[key])) report([...p, key], `expected a non-empty string`);
}

function checkIds(items: unknown[], p: Path, report: Report) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (!isObj(item)) return;
    const id = item.id;
    if (typeof id !== "string" || !ID_RE.test(id)) {
      if ("id" in item) report([...p, i, "id"], `expected a kebab-case id like "sync-invoke-status-code"`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) report([...p, i, "id"], `duplicate id "${id}" (first used at ${p.join(".")}[${first}])`);
    else seen.set(id, i);
  });
}

function checkSource(o: Obj, p: Path, report: Report) {
  if ("source" in o && !(typeof o.source === "string" && SOURCE_RE.test(o.source))) {
    report([...p, "source"], `expected one source key of lambda-semantics.md (e.g. "[AsyncErr]", "[Arch:with-sqs.md]") or one https://docs.aws.amazon.com/ URL`);
  }
}

/**
 * Parses the cloze deletions of a text: `{{cN::answer}}` or `{{cN::answer::hint}}`. Returns the
 * c-numbers used, or a message saying what is malformed. The numbers must run 1..max with no gap,
 * because each number becomes one card and a gap would be a card with nothing hidden.
 */
export function parseCloze(text: string): { numbers: number[] } | { error: string } {
  const numbers = new Set<number>();
  let rest = text;
  for (;;) {
    const open = rest.indexOf("{{");
    const strayClose = rest.indexOf("}}");
    if (strayClose !== -1 && (open === -1 || strayClose < open)) return { error: `"}}" without a matching "{{"` };
    if (open === -1) break;
    const close = rest.indexOf("}}", open + 2);
    if (close === -1) return { error: `"{{" at "${rest.slice(open, open + 20)}…" is never closed` };
    const inner = rest.slice(open + 2, close);
    if (inner.includes("{{")) return { error: `nested "{{" in "{{${inner}}}"` };
    const parts = inner.split("::");
    const m = /^c([1-9]\d*)$/.exec(parts[0] ?? "");
    if (!m || parts.length < 2 || parts.length > 3 || !nonEmpty(parts[1]) || (parts.length === 3 && !nonEmpty(parts[2]))) {
      return { error: `malformed cloze "{{${inner}}}" (expected {{cN::answer}} or {{cN::answer::hint}})` };
    }
    numbers.add(Number(m[1]));
    rest = rest.slice(close + 2);
  }
  if (numbers.size === 0) return { error: "a cloze note needs at least one {{c1::…}} deletion" };
  const sorted = [...numbers].sort((a, b) => a - b);
  const gap = sorted.findIndex((n, i) => n !== i + 1);
  if (gap !== -1) return { error: `cloze numbers must run from c1 with no gap; found ${sorted.map((n) => `c${n}`).join(", ")}` };
  return { numbers: sorted };
}

function checkDeck(root: Obj, report: Report, counts: ContentReport["counts"]) {
  checkKeys(root, [], ["deck", "notes"], [], report);
  if (isObj(root.deck)) {
    checkKeys(root.deck, ["deck"], ["id", "name", "description"], [], report);
    for (const k of ["name", "description"]) checkString(root.deck, k, ["deck"], report);
    if (!(typeof root.deck.id === "string" && ID_RE.test(root.deck.id))) report(["deck", "id"], "expected a kebab-case id");
  } else if ("deck" in root) report(["deck"], "expected a mapping with id, name, description");
  if (!Array.isArray(root.notes) || root.notes.length === 0) {
    if ("notes" in root) report(["notes"], "expected a non-empty list of notes");
    return;
  }
  checkIds(root.notes, ["notes"], report);
  const byType = (counts.type = {}), byDomain = (counts.domain = {}), byTopic = (counts.topic = {});
  const cards = (counts.cards = { total: 0 });
  root.notes.forEach((note, i) => {
    const p: Path = ["notes", i];
    if (!isObj(note)) return report(p, "expected a mapping");
    const type = note.type;
    if (type === "basic" || type === "reversed") {
      checkKeys(note, p, ["id", "type", "front", "back", "tags", "source"], [], report);
      checkString(note, "front", p, report);
      checkString(note, "back", p, report);
      cards.total += type === "reversed" ? 2 : 1;
    } else if (type === "cloze") {
      checkKeys(note, p, ["id", "type", "text", "tags", "source"], ["extra"], report);
      checkString(note, "text", p, report);
      checkString(note, "extra", p, report);
      if (typeof note.text === "string") {
        const cloze = parseCloze(note.text);
        if ("error" in cloze) report([...p, "text"], cloze.error);
        else cards.total += cloze.numbers.length;
      }
    } else {
      report([...p, "type"], `expected basic, reversed or cloze`);
    }
    if (typeof type === "string") bump(byType, type);
    checkSource(note, p, report);
    if (!Array.isArray(note.tags)) {
      if ("tags" in note) report([...p, "tags"], "expected a list of tags like [domain:development, topic:async]");
      return;
    }
    let domains = 0, topics = 0;
    const seen = new Set<string>();
    note.tags.forEach((tag, j) => {
      const [kind, word] = typeof tag === "string" ? tag.split(":", 2) : [];
      if (typeof tag === "string" && seen.has(tag)) report([...p, "tags", j], `duplicate tag "${tag}"`);
      if (typeof tag === "string") seen.add(tag);
      if (kind === "domain" && (DOMAINS as readonly string[]).includes(word ?? "")) { domains++; bump(byDomain, word!); }
      else if (kind === "topic" && (TOPICS as readonly string[]).includes(word ?? "")) { topics++; bump(byTopic, word!); }
      else report([...p, "tags", j], `unknown tag ${JSON.stringify(tag)} (expected domain:<${DOMAINS.join("|")}> or topic:<${TOPICS.join("|")}>)`);
    });
    if (domains === 0) report([...p, "tags"], "needs at least one domain: tag");
    if (topics === 0) report([...p, "tags"], "needs at least one topic: tag");
  });
}

function checkBank(root: Obj, report: Report, counts: ContentReport["counts"]) {
  checkKeys(root, [], ["bank", "questions"], [], report);
  if (isObj(root.bank)) {
    checkKeys(root.bank, ["bank"], ["id", "name"], [], report);
    checkString(root.bank, "name", ["bank"], report);
    if (!(typeof root.bank.id === "string" && ID_RE.test(root.bank.id))) report(["bank", "id"], "expected a kebab-case id");
  } else if ("bank" in root) report(["bank"], "expected a mapping with id and name");
  if (!Array.isArray(root.questions) || root.questions.length === 0) {
    if ("questions" in root) report(["questions"], "expected a non-empty list of questions");
    return;
  }
  checkIds(root.questions, ["questions"], report);
  const byType = (counts.type = {}), byDomain = (counts.domain = {}), byTopic = (counts.topic = {});
  const byDifficulty = (counts.difficulty = {});
  root.questions.forEach((q, i) => {
    const p: Path = ["questions", i];
    if (!isObj(q)) return report(p, "expected a mapping");
    const multiple = q.type === "multiple";
    const keys = ["id", "type", "domain", "topics", "difficulty", "stem", "options", "source"];
    checkKeys(q, p, multiple ? [...keys, "choose"] : keys, [], report);
    if (q.type !== "single" && !multiple) report([...p, "type"], "expected single or multiple");
    else bump(byType, q.type as string);
    if (!(DOMAINS as readonly unknown[]).includes(q.domain)) report([...p, "domain"], `expected one of ${DOMAINS.join(", ")}`);
    else bump(byDomain, q.domain as string);
    if (!["easy", "medium", "hard"].includes(q.difficulty as string)) report([...p, "difficulty"], "expected easy, medium or hard");
    else bump(byDifficulty, q.difficulty as string);
    checkString(q, "stem", p, report);
    checkSource(q, p, report);
    if (!Array.isArray(q.topics) || q.topics.length === 0) report([...p, "topics"], "expected a non-empty list of topic words");
    else q.topics.forEach((t, j) => {
      if ((TOPICS as readonly unknown[]).includes(t)) bump(byTopic, t as string);
      else report([...p, "topics", j], `unknown topic ${JSON.stringify(t)} (expected one of ${TOPICS.join(", ")})`);
    });
    const choose = multiple ? q.choose : 1;
    if (multiple && !(Number.isInteger(choose) && (choose as number) >= 2)) report([...p, "choose"], "expected an integer ≥ 2");
    if (!Array.isArray(q.options)) return report([...p, "options"], "expected a list of options");
    const texts = new Set<string>();
    let correct = 0;
    q.options.forEach((o, j) => {
      const op: Path = [...p, "options", j];
      if (!isObj(o)) return report(op, "expected a mapping with text, correct, explanation");
      checkKeys(o, op, ["text", "correct", "explanation"], [], report);
      checkString(o, "text", op, report);
      checkString(o, "explanation", op, report);
      if ("correct" in o && typeof o.correct !== "boolean") report([...op, "correct"], "expected true or false");
      if (o.correct === true) correct++;
      if (typeof o.text === "string" && texts.has(o.text)) report([...op, "text"], "duplicate option text");
      if (typeof o.text === "string") texts.add(o.text);
    });
    if (typeof choose === "number") {
      if (correct !== choose) report([...p, "options"], `expected exactly ${choose} correct option(s), found ${correct}`);
      const min = multiple ? choose + 2 : 3;
      if (q.options.length < min) report([...p, "options"], `expected at least ${min} options, found ${q.options.length}`);
    }
  });
}

/** Checks one content file's text; the top-level key (deck or bank) says which shape applies. */
export function checkContent(text: string, file: string): ContentReport {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const errors: ContentError[] = [];
  const counts: ContentReport["counts"] = {};
  for (const e of doc.errors) {
    const pos = lc.linePos(e.pos[0]);
    errors.push({ file, line: pos.line, col: pos.col, path: "", message: `YAML: ${e.message.split("\n")[0]}` });
  }
  if (errors.length) return { kind: "unknown", errors, counts };
  const report = makeReporter(file, doc, lc, errors);
  const root = doc.toJS() as unknown;
  if (!isObj(root)) {
    report([], "expected a mapping with deck+notes or bank+questions");
    return { kind: "unknown", errors, counts };
  }
  if ("deck" in root || "notes" in root) {
    checkDeck(root, report, counts);
    return { kind: "deck", errors: errors.sort(byPosition), counts };
  }
  if ("bank" in root || "questions" in root) {
    checkBank(root, report, counts);
    return { kind: "bank", errors: errors.sort(byPosition), counts };
  }
  report([], "expected top-level keys deck+notes or bank+questions");
  return { kind: "unknown", errors, counts };
}

const byPosition = (a: ContentError, b: ContentError) => a.line - b.line || a.col - b.col;

export function formatContentError(e: ContentError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.path ? `${e.path}: ` : ""}${e.message}`;
}

function main(argv: string[]): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const files = argv.length ? argv : ["content/decks/aws-lambda.yaml", "content/questions/aws-lambda.yaml"];
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.resolve(root, file), "utf8");
    } catch (e) {
      console.error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      failed++;
      continue;
    }
    const { kind, errors, counts } = checkContent(text, file);
    for (const e of errors) console.error(formatContentError(e));
    failed += errors.length;
    const sort = (m: Record<string, number>) => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ");
    const items = kind === "deck" ? "notes" : "questions";
    const total = Object.values(counts.type ?? {}).reduce((a, b) => a + b, 0);
    console.log(`${file}: ${kind}, ${total} ${items}${errors.length ? `, ${errors.length} error(s)` : ""}`);
    for (const [name, m] of Object.entries(counts)) if (Object.keys(m).length) console.log(`  ${name}: ${sort(m)}`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
