/**
 * Notes and the cards they generate, in Anki's model: a note holds the content, a card is one
 * thing to remember from it. basic → 1 card (front→back); reversed ("Basic (and reversed card)")
 * → 2 cards (front→back, back→front); cloze → one card per distinct cloze number cN.
 *
 * Cloze syntax is Anki's: `{{c1::answer}}` or `{{c1::answer::hint}}`; several deletions may share a
 * number and are then hidden together on the same card. Nested clozes are refused (keeps
 * rendering unambiguous). Numbers must start at c1 with no gaps, so card ordinals stay stable.
 */

export type NoteType = "basic" | "reversed" | "cloze";

export type Note =
  | { id: string; type: "basic" | "reversed"; front: string; back: string; tags?: string[] }
  | { id: string; type: "cloze"; text: string; extra?: string; tags?: string[] };

/** A card template instance: which note, which ordinal (basic 0; reversed 0 and 1; cloze = N of cN). */
export interface CardRef {
  noteId: string;
  ordinal: number;
}

export interface ClozeDeletion {
  ordinal: number;
  answer: string;
  hint?: string;
  /** Offsets of the whole `{{cN::…}}` in the text. */
  start: number;
  end: number;
  /** 1-based line and column of the opening `{{`. */
  line: number;
  column: number;
}

export interface ClozeProblem {
  message: string;
  line: number;
  column: number;
}

export type ClozeParse = { ok: true; deletions: ClozeDeletion[] } | { ok: false; problems: ClozeProblem[] };

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Finds every `{{cN::…}}` in a cloze note's text, or says precisely what is malformed. */
export function parseCloze(text: string): ClozeParse {
  const deletions: ClozeDeletion[] = [];
  const problems: ClozeProblem[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{{", i);
    if (open < 0) break;
    const at = position(text, open);
    const head = /^\{\{c(\d+)::/.exec(text.slice(open));
    if (!head) {
      problems.push({ ...at, message: 'expected "{{cN::answer}}" with N ≥ 1 after "{{"' });
      i = open + 2;
      continue;
    }
    const bodyStart = open + head[0].length;
    const close = text.indexOf("}}", bodyStart);
    const nested = text.indexOf("{{", bodyStart);
    if (close < 0) {
      problems.push({ ...at, message: `cloze c${head[1]} is not closed: expected "}}"` });
      break;
    }
    if (nested >= 0 && nested < close) {
      problems.push({ ...at, message: `cloze c${head[1]} contains another "{{": nested clozes are not supported` });
      i = close + 2;
      continue;
    }
    const body = text.slice(bodyStart, close);
    const sep = body.indexOf("::");
    const answer = sep < 0 ? body : body.slice(0, sep);
    const hint = sep < 0 ? undefined : body.slice(sep + 2);
    const ordinal = Number(head[1]);
    if (ordinal < 1) problems.push({ ...at, message: "cloze numbers start at c1" });
    else if (answer.trim() === "") problems.push({ ...at, message: `cloze c${ordinal} has an empty answer` });
    else if (hint !== undefined && (hint.trim() === "" || hint.includes("::")))
      problems.push({ ...at, message: `cloze c${ordinal}: expected "{{c${ordinal}::answer::hint}}" with one non-empty hint` });
    else deletions.push({ ordinal, answer, hint, start: open, end: close + 2, ...at });
    i = close + 2;
  }
  if (problems.length === 0) {
    if (deletions.length === 0) {
      problems.push({ line: 1, column: 1, message: 'a cloze note needs at least one "{{c1::answer}}"' });
    } else {
      const numbers = [...new Set(deletions.map((d) => d.ordinal))].sort((a, b) => a - b);
      const missing = numbers.length ? Array.from({ length: numbers.at(-1)! }, (_, k) => k + 1).filter((n) => !numbers.includes(n)) : [];
      if (missing.length) {
        problems.push({ line: 1, column: 1, message: `cloze numbers must run from c1 without gaps: missing ${missing.map((n) => `c${n}`).join(", ")}` });
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, deletions };
}

/** The cards a note generates, in ordinal order. Throws only on a cloze note that failed validation. */
export function cardsOfNote(note: Note): CardRef[] {
  switch (note.type) {
    case "basic":
      return [{ noteId: note.id, ordinal: 0 }];
    case "reversed":
      return [
        { noteId: note.id, ordinal: 0 },
        { noteId: note.id, ordinal: 1 },
      ];
    case "cloze": {
      const parsed = parseCloze(note.text);
      if (!parsed.ok) throw new Error(`note ${note.id}: ${parsed.problems[0]!.message}`);
      return [...new Set(parsed.deletions.map((d) => d.ordinal))]
        .sort((a, b) => a - b)
        .map((ordinal) => ({ noteId: note.id, ordinal }));
    }
  }
}

/** Stable key of a card inside its note set, e.g. "sync-invoke-status-code#0". */
export function cardKey(ref: CardRef): string {
  return `${ref.noteId}#${ref.ordinal}`;
}

export interface RenderedCard {
  /** Markdown shown before the reveal. */
  question: string;
  /** Markdown shown after the reveal (Anki's back template: question, rule, answer). */
  answer: string;
}

const ANSWER_RULE = "\n\n---\n\n";

/**
 * Offsets covered by code (fenced blocks and inline code spans): Markdown emphasis does not work
 * there, so a cloze answer inside code is shown plain instead of bold.
 */
function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // Fenced blocks: a line opening with ``` or ~~~ up to the matching closing line (or the end).
  let offset = 0;
  let fenceStart = -1;
  let fenceMarker = "";
  for (const line of text.split("\n")) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceStart < 0 && marker) {
      fenceStart = offset;
      fenceMarker = marker;
    } else if (fenceStart >= 0 && marker && marker[0] === fenceMarker[0] && marker.length >= fenceMarker.length) {
      ranges.push([fenceStart, offset + line.length]);
      fenceStart = -1;
    }
    offset += line.length + 1;
  }
  if (fenceStart >= 0) ranges.push([fenceStart, text.length]);
  // Inline code spans outside fences.
  const inline = /(`+)[^`][\s\S]*?\1/g;
  let m: RegExpExecArray | null;
  while ((m = inline.exec(text))) {
    const start = m.index;
    if (!ranges.some(([a, b]) => start >= a && start < b)) ranges.push([start, start + m[0].length]);
  }
  return ranges;
}

function renderCloze(raw: string, ordinal: number, side: "question" | "answer"): string {
  // A deletion that fills a whole code span ("`{{c1::Event}}`") moves the backticks inside it, so
  // the answer can still be bolded (**`Event`**) and the question shows a plain [...].
  const text = raw.replace(/`\{\{c(\d+)::([^`{}]+?)((?:::[^`{}]*)?)\}\}`/g, "{{c$1::`$2`$3}}");
  const parsed = parseCloze(text);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  const code = codeRanges(text);
  let out = "";
  let last = 0;
  for (const d of parsed.deletions) {
    out += text.slice(last, d.start);
    const inCode = code.some(([a, b]) => d.start >= a && d.start < b);
    if (d.ordinal !== ordinal) out += d.answer;
    else if (side === "question") out += `[${d.hint ?? "..."}]`;
    else out += inCode ? d.answer : `**${d.answer}**`;
    last = d.end;
  }
  return out + text.slice(last);
}

/** Markdown for both sides of one card of a note. */
export function renderCard(note: Note, ordinal: number): RenderedCard {
  switch (note.type) {
    case "basic":
    case "reversed": {
      if (ordinal !== 0 && !(note.type === "reversed" && ordinal === 1)) {
        throw new Error(`note ${note.id} (${note.type}) has no card ${ordinal}`);
      }
      const [q, a] = ordinal === 0 ? [note.front, note.back] : [note.back, note.front];
      return { question: q, answer: q + ANSWER_RULE + a };
    }
    case "cloze": {
      const answerSide = renderCloze(note.text, ordinal, "answer");
      return {
        question: renderCloze(note.text, ordinal, "question"),
        answer: note.extra?.trim() ? answerSide + ANSWER_RULE + note.extra : answerSide,
      };
    }
  }
}

/** Cards of the same note as `card` (Anki's siblings): buried for the day when `card` is answered. */
export function siblingsOf<C extends CardRef>(card: C, cards: readonly C[]): C[] {
  return cards.filter((c) => c.noteId === card.noteId && c.ordinal !== card.ordinal);
}

/**
 * Lower-cased plain text of a note's fields, cloze markers removed — what free-text search looks
 * in (stored beside the note so the database can search it with a portable `contains`).
 */
export function searchTextOf(note: Note): string {
  const raw = note.type === "cloze" ? `${note.text}\n${note.extra ?? ""}` : `${note.front}\n${note.back}`;
  return raw
    .replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, "$1")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
