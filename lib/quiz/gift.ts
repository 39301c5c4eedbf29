/**
 * GIFT import (Moodle's quiz text format, docs.moodle.org "GIFT format") into bank questions.
 *
 * Supported: multiple choice with one right answer (`{=right ~wrong}`), multiple response with
 * weights (`{~%50%a ~%50%b ~%-100%c}`: options with a positive weight are the correct ones; we
 * score all-or-nothing like the AWS exam), true/false (`{T}`, `{FALSE#wrong fb#right fb}`, turned
 * into a two-option single question), per-answer feedback `#…` (→ the option's explanation),
 * general feedback `####…`, titles `::title::`, format tags `[markdown]`, comments `//`, escapes
 * `\~ \= \# \{ \} \: \\ \n`, `$CATEGORY:` lines, missing-word questions (text after the answer
 * block), blank-line separation.
 *
 * Refused per question with the reason (never silently dropped): essay `{}`, numeric `{#…}`,
 * matching `{=a -> b}`, short answer (only `=` answers), descriptions (no answer block), partial
 * credit on a single answer.
 *
 * Why not gift-pegjs 1.0.2: it is not installed here (it pulls the unmaintained pegjs 0.10), and a
 * PEG parser throws on the first syntax error of the whole file — one bad question would hide
 * every other question and every other error, while an import preview needs all good questions
 * plus one located error per bad one. GIFT's block structure (blank-line separated) makes a small
 * hand-written parser the simpler way to get that.
 */
import { DOMAINS, TOPICS, type DomainId } from "./domains";
import type { BankQuestion, Difficulty, QuestionOption } from "./question";

export interface GiftError {
  /** 1-based index of the question in the file (categories and comments are not counted). */
  question: number;
  /** 1-based line in the file. */
  line: number;
  title?: string;
  message: string;
}

export interface GiftOptions {
  /** Domain for questions whose $CATEGORY names none. Without it such questions are errors. */
  defaultDomain?: DomainId;
  difficulty?: Difficulty;
  /** Prefix of generated ids when a question has no title. */
  idPrefix?: string;
}

export interface GiftImport {
  questions: BankQuestion[];
  /** Where each of `questions` is in the file (same order): its 1-based number and first line. */
  positions: Array<{ question: number; line: number }>;
  errors: GiftError[];
}

interface Block {
  text: string;
  line: number;
}

/** Non-blank line groups with their first line number; comment lines are dropped. */
function blocks(input: string): Block[] {
  const lines = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const out: Block[] = [];
  let cur: string[] = [];
  let start = 0;
  lines.forEach((raw, i) => {
    if (/^\s*\/\//.test(raw)) return;
    if (raw.trim() === "") {
      if (cur.length) out.push({ text: cur.join("\n"), line: start });
      cur = [];
      return;
    }
    if (!cur.length) start = i + 1;
    cur.push(raw);
  });
  if (cur.length) out.push({ text: cur.join("\n"), line: start });
  return out;
}

/** Index of the next unescaped occurrence of `token` at or after `from`, or -1. */
function findUnescaped(s: string, token: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\") {
      i++;
      continue;
    }
    if (s.startsWith(token, i)) return i;
  }
  return -1;
}

function splitUnescaped(s: string, token: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = findUnescaped(s, token); at >= 0; at = findUnescaped(s, token, from)) {
    parts.push(s.slice(from, at));
    from = at + token.length;
  }
  parts.push(s.slice(from));
  return parts;
}

function unescape(s: string): string {
  return s.replace(/\\([~=#{}:\\n])/g, (_m, c: string) => (c === "n" ? "\n" : c));
}

/** Strips a leading [html]/[moodle]/[plain]/[markdown] format tag. */
function stripFormat(s: string): string {
  return s.replace(/^\s*\[(?:html|moodle|plain|markdown)\]/i, "");
}

const clean = (s: string) => unescape(stripFormat(s)).trim();

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

function domainFromCategory(category: string | null): DomainId | null {
  if (!category) return null;
  const segments = category.split("/").map((s) => s.trim().toLowerCase());
  for (const seg of segments.reverse()) {
    const d = DOMAINS.find((x) => x.id === seg || x.name.toLowerCase() === seg);
    if (d) return d.id;
  }
  return null;
}

function topicsFromCategory(category: string | null): string[] {
  if (!category) return [];
  return category
    .split("/")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => (TOPICS as readonly string[]).includes(s));
}

interface RawAnswer {
  marker: "=" | "~";
  weight: number | null;
  text: string;
  feedback?: string;
  offset: number;
}

class QuestionError extends Error {
  constructor(message: string, readonly offset?: number) {
    super(message);
  }
}

/** Splits an answer block body into answers, and the general feedback (####). */
function splitAnswers(body: string, bodyOffset: number): { answers: RawAnswer[]; general?: string } {
  let general: string | undefined;
  const g = findUnescaped(body, "####");
  if (g >= 0) {
    general = clean(body.slice(g + 4));
    body = body.slice(0, g);
  }
  const starts: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") {
      i++;
      continue;
    }
    if (body[i] === "=" || body[i] === "~") starts.push(i);
  }
  const lead = body.slice(0, starts[0] ?? body.length).trim();
  if (lead) throw new QuestionError(`unexpected text "${lead.slice(0, 30)}" in the answer block: each answer starts with = (right) or ~ (wrong)`, bodyOffset);
  const answers: RawAnswer[] = starts.map((s, k) => {
    let chunk = body.slice(s + 1, starts[k + 1] ?? body.length);
    let weight: number | null = null;
    const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(chunk);
    if (w) {
      weight = Number(w[1]);
      chunk = chunk.slice(w[0].length);
    } else if (/^\s*%/.test(chunk)) {
      throw new QuestionError('malformed weight: expected a percentage like ~%50% or ~%-100%', bodyOffset + s);
    }
    const h = findUnescaped(chunk, "#");
    const text = clean(h >= 0 ? chunk.slice(0, h) : chunk);
    const feedback = h >= 0 ? clean(chunk.slice(h + 1)) : undefined;
    return { marker: body[s] as "=" | "~", weight, text, feedback, offset: bodyOffset + s };
  });
  return { answers, general };
}

type Parsed = Omit<BankQuestion, "id" | "domain" | "topics" | "difficulty" | "source">;

function parseQuestion(text: string): { title?: string; parsed: Parsed } {
  let rest = text;
  let offset = 0;
  let title: string | undefined;
  if (rest.trimStart().startsWith("::")) {
    const open = rest.indexOf("::");
    const close = findUnescaped(rest, "::", open + 2);
    if (close < 0) throw new QuestionError('unterminated title: expected "::title::"', open);
    title = clean(rest.slice(open + 2, close));
    offset = close + 2;
    rest = rest.slice(offset);
  }
  const open = findUnescaped(rest, "{");
  if (open < 0) throw new QuestionError("no answer block {…}: descriptions and text-only items cannot be imported as questions");
  const close = findUnescaped(rest, "}", open + 1);
  if (close < 0) throw new QuestionError('answer block not closed: expected "}"', offset + open);
  const nested = findUnescaped(rest.slice(0, close), "{", open + 1);
  if (nested >= 0) throw new QuestionError('"{" inside an answer block: escape it as \\{', offset + nested);
  if (findUnescaped(rest, "{", close + 1) >= 0) throw new QuestionError("more than one answer block: embedded (cloze) questions are not supported", offset + findUnescaped(rest, "{", close + 1));
  const before = clean(rest.slice(0, open));
  const after = clean(rest.slice(close + 1));
  const stem = after ? `${before} _____ ${after}` : before;
  if (!stem) throw new QuestionError("the question has no text before its answer block");
  const body = rest.slice(open + 1, close);
  const bodyOffset = offset + open + 1;
  const trimmed = body.trim();

  if (trimmed === "") throw new QuestionError("essay questions ({}) are not supported: a bank question needs options to choose from", bodyOffset);
  if (trimmed.startsWith("#")) throw new QuestionError("numerical questions ({#…}) are not supported: a bank question needs options to choose from", bodyOffset);
  const tf = /^(TRUE|FALSE|T|F)(?=\s*(?:#|$))/i.exec(trimmed);
  if (tf) {
    const truth = tf[1]!.toUpperCase().startsWith("T");
    let fb = trimmed.slice(tf[0].length);
    let general: string | undefined;
    const g = findUnescaped(fb, "####");
    if (g >= 0) {
      general = clean(fb.slice(g + 4));
      fb = fb.slice(0, g);
    }
    // GIFT: {T#feedback shown when answered wrong#feedback shown when answered right}
    const [wrongFb, rightFb] = splitUnescaped(fb, "#").slice(1).map(clean);
    const options: QuestionOption[] = [
      { text: "True", correct: truth, explanation: (truth ? rightFb : wrongFb) ?? "" },
      { text: "False", correct: !truth, explanation: (truth ? wrongFb : rightFb) ?? "" },
    ];
    return { title, parsed: { type: "single", stem, options, explanation: general } };
  }
  if (findUnescaped(body, "->") >= 0) throw new QuestionError("matching questions (=a -> b) are not supported", bodyOffset + findUnescaped(body, "->"));

  const { answers, general } = splitAnswers(body, bodyOffset);
  if (answers.length === 0) throw new QuestionError("no answers in the block: expected =right and ~wrong answers", bodyOffset);
  const empty = answers.find((a) => a.text === "");
  if (empty) throw new QuestionError(`empty answer after "${empty.marker}"`, empty.offset);
  if (answers.every((a) => a.marker === "=")) {
    throw new QuestionError("short-answer questions (only = answers) are not supported: add ~wrong options to make it multiple choice", bodyOffset);
  }
  const rights = answers.filter((a) => a.marker === "=");
  const weighted = answers.filter((a) => a.marker === "~" && a.weight !== null && a.weight > 0);
  let correct: (a: RawAnswer) => boolean;
  if (rights.length > 0) {
    if (weighted.length > 0 || rights.some((a) => a.weight !== null && a.weight !== 100)) {
      throw new QuestionError("partial credit is not supported: use one =right answer, or ~%N% weights on every right answer for multiple response", (weighted[0] ?? rights[0]!).offset);
    }
    if (rights.length > 1) {
      throw new QuestionError(`${rights.length} answers marked =: a single-answer question has one; for multiple response write ~%${Math.round(100 / rights.length)}% before each right answer`, rights[1]!.offset);
    }
    correct = (a) => a.marker === "=";
  } else {
    if (weighted.length === 0) throw new QuestionError("no right answer: mark it with = or give the right answers a positive ~%N% weight", bodyOffset);
    const sum = weighted.reduce((s, a) => s + a.weight!, 0);
    if (Math.abs(sum - 100) > 0.5) {
      throw new QuestionError(`the positive weights add up to ${Math.round(sum * 100) / 100}%, expected 100%`, weighted[0]!.offset);
    }
    correct = (a) => a.weight !== null && a.weight > 0;
  }
  const options = answers.map((a) => ({ text: a.text, correct: correct(a), explanation: a.feedback ?? "" }));
  const seen = new Set<string>();
  for (const [k, o] of options.entries()) {
    if (seen.has(o.text)) throw new QuestionError(`duplicate answer "${o.text}"`, answers[k]!.offset);
    seen.add(o.text);
  }
  const nCorrect = options.filter((o) => o.correct).length;
  if (options.length < 2) throw new QuestionError("expected at least 2 answers to choose from", bodyOffset);
  if (nCorrect === options.length) throw new QuestionError("every answer is right: add at least one wrong answer", bodyOffset);
  return {
    title,
    parsed: nCorrect > 1 ? { type: "multiple", choose: nCorrect, stem, options, explanation: general } : { type: "single", stem, options, explanation: general },
  };
}

export function importGift(input: string, opts: GiftOptions = {}): GiftImport {
  const questions: BankQuestion[] = [];
  const positions: GiftImport["positions"] = [];
  const errors: GiftError[] = [];
  const usedIds = new Set<string>();
  let category: string | null = null;
  let index = 0;
  for (const block of blocks(input)) {
    let text = block.text;
    let line = block.line;
    // $CATEGORY: lines set the category of the questions that follow.
    while (/^\s*\$CATEGORY:/i.test(text)) {
      const nl = text.indexOf("\n");
      const first = nl < 0 ? text : text.slice(0, nl);
      category = first.replace(/^\s*\$CATEGORY:/i, "").trim();
      if (nl < 0) {
        text = "";
        break;
      }
      text = text.slice(nl + 1);
      line++;
    }
    if (!text.trim()) continue;
    index++;
    const lineAt = (offset?: number) => (offset === undefined ? line : line + (text.slice(0, offset).match(/\n/g)?.length ?? 0));
    try {
      const { title, parsed } = parseQuestion(text);
      const domain = domainFromCategory(category) ?? opts.defaultDomain;
      if (!domain) {
        errors.push({ question: index, line, title, message: `no exam domain: add a "$CATEGORY: …/${DOMAINS[0].id}" line (one of ${DOMAINS.map((d) => d.id).join(", ")}) or choose a default domain for the import` });
        continue;
      }
      const base = slug(title ?? "") || `${opts.idPrefix ?? "gift"}-${index}`;
      let id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
      questions.push({ id, domain, topics: topicsFromCategory(category), difficulty: opts.difficulty ?? "medium", ...parsed });
      positions.push({ question: index, line });
    } catch (e) {
      if (!(e instanceof QuestionError)) throw e;
      const title = /^\s*::(.*?)::/.exec(text)?.[1];
      errors.push({ question: index, line: lineAt(e.offset), ...(title ? { title: clean(title) } : {}), message: e.message });
    }
  }
  return { questions, positions, errors };
}

export function formatGiftError(e: GiftError): string {
  return `question ${e.question}${e.title ? ` "${e.title}"` : ""} (line ${e.line}): ${e.message}`;
}
