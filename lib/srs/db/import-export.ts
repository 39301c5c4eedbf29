/**
 * CSV/TSV import and deck export (the file format is lib/srs/csv.ts: front, back, tags).
 *
 * Import is two steps: a preview (every row parsed, each bad row with its row number, column and
 * what was expected) and the import of the good rows into a deck. Note types travel in the file:
 * a row whose front holds cloze deletions ({{c1::…}}) becomes a cloze note (its back the "extra"
 * shown after the answer); a row tagged `note-type:reversed` becomes a basic-and-reversed note.
 * Export writes the same conventions, so an exported deck imports back as it was.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { exportCsv, importCsv, type CsvError, type Delimiter, type ParsedRow } from "../csv";
import { parseCloze, renderCard } from "../notes";
import { getOwnDeck } from "./decks";
import { noteContentInput, noteOf, type NoteContent } from "./note-content";
import { insertNotes, nextPosition, ownDeckOrThrow } from "./notes";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
const REVERSED_TAG = "note-type:reversed";

export interface ImportRow {
  row: number;
  type: NoteContent["type"];
  front: string;
  back: string;
  tags: string[];
}

export interface ImportPreview {
  delimiter: "comma" | "tab" | "semicolon";
  header: boolean;
  /** Good rows, at most `previewLimit` of them (all are imported). */
  rows: ImportRow[];
  goodRows: number;
  errors: CsvError[];
}

const delimiterName = (d: Delimiter) => (d === "\t" ? "tab" : d === ";" ? "semicolon" : "comma");

const looksLikeCloze = (front: string) => /\{\{c\d+::/.test(front);

/** A parsed CSV row → note content, or the error that stops it (with the column at fault). */
function contentOfRow(r: ParsedRow): { ok: true; content: NoteContent } | { ok: false; error: CsvError } {
  const reversed = r.tags.includes(REVERSED_TAG);
  const tags = r.tags.filter((t) => t !== REVERSED_TAG);
  if (looksLikeCloze(r.front)) {
    const cloze = parseCloze(r.front);
    if (!cloze.ok) return { ok: false, error: { row: r.row, column: 1, message: `cloze: ${cloze.problems[0]!.message}` } };
  }
  const candidate = looksLikeCloze(r.front)
    ? { type: "cloze", text: r.front, extra: r.back, tags }
    : { type: reversed ? "reversed" : "basic", front: r.front, back: r.back, tags };
  const parsed = noteContentInput.safeParse(candidate);
  if (parsed.success) return { ok: true, content: parsed.data };
  const issue = parsed.error.issues[0]!;
  const column = issue.path[0] === "tags" ? 3 : issue.path[0] === "back" || issue.path[0] === "extra" ? 2 : 1;
  return { ok: false, error: { row: r.row, column, message: `${column === 3 ? "tags" : column === 2 ? "back" : "front"}: ${issue.message}` } };
}

function parseImport(text: string): { contents: Array<{ row: number; content: NoteContent }>; errors: CsvError[]; delimiter: Delimiter; header: boolean } {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) {
    throw new ActionError("invalid", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`, { text: ["file too large"] });
  }
  if (!text.trim()) throw new ActionError("invalid", "The file is empty.", { text: ["expected rows of front, back, tags"] });
  const parsed = importCsv(text);
  if (parsed.rows.length + parsed.errors.length > MAX_IMPORT_ROWS) {
    throw new ActionError("invalid", `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it into smaller files.`, { text: ["too many rows"] });
  }
  const contents: Array<{ row: number; content: NoteContent }> = [];
  const errors = [...parsed.errors];
  for (const r of parsed.rows) {
    const c = contentOfRow(r);
    if (c.ok) contents.push({ row: r.row, content: c.content });
    else errors.push(c.error);
  }
  errors.sort((a, b) => a.row - b.row);
  return { contents, errors, delimiter: parsed.delimiter, header: parsed.header };
}

const rowOf = (row: number, c: NoteContent): ImportRow =>
  c.type === "cloze" ? { row, type: "cloze", front: c.text, back: c.extra ?? "", tags: c.tags } : { row, type: c.type, front: c.front, back: c.back, tags: c.tags };

export function previewImport(text: string, previewLimit = 200): ImportPreview {
  const p = parseImport(text);
  return {
    delimiter: delimiterName(p.delimiter),
    header: p.header,
    rows: p.contents.slice(0, previewLimit).map((c) => rowOf(c.row, c.content)),
    goodRows: p.contents.length,
    errors: p.errors,
  };
}

export interface ImportResult {
  deckId: string;
  imported: number;
  cards: number;
  /** Rows not imported because of an error (see the preview). */
  skipped: number;
}

/** Imports the good rows of the file into one of the learner's decks, or a new deck by name. */
export async function importNotes(userId: string, input: { text: string; deckId?: string; newDeckName?: string }, db: Db = getDb()): Promise<ImportResult> {
  const p = parseImport(input.text);
  if (!p.contents.length) throw new ActionError("invalid", "No row of this file can be imported; see the errors in the preview.", { text: ["no good rows"] });
  return db.$transaction(
    async (tx) => {
      let deckId = input.deckId;
      if (deckId) await ownDeckOrThrow(tx, userId, deckId);
      else {
        const name = input.newDeckName?.trim();
        if (!name) throw new ActionError("invalid", "Choose a deck or name a new one.", { deckId: ["choose a deck"] });
        deckId = (await tx.deck.create({ data: { ownerId: userId, kind: "custom", name: name.slice(0, 120) }, select: { id: true } })).id;
      }
      const start = await nextPosition(tx, deckId);
      const { noteIds, cards } = await insertNotes(
        tx,
        p.contents.map((c, i) => ({ ownerId: userId, deckId: deckId!, content: c.content, position: start + i })),
        new Date(),
      );
      return { deckId, imported: noteIds.length, cards, skipped: p.errors.length };
    },
    { timeout: 120_000 },
  );
}

/** The deck as CSV (lib/srs/csv.ts exportCsv): one row per note, in new-card order. */
export async function exportDeck(userId: string, deckId: string, db: Db = getDb()): Promise<{ filename: string; csv: string }> {
  const deck = await getOwnDeck(userId, deckId, db);
  const notes = await db.note.findMany({ where: { deckId, ownerId: userId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const rows = notes.map((row) => {
    const note = noteOf(row);
    const tags = note.tags ?? [];
    if (note.type === "cloze") {
      // The back column may not be empty: without an "extra", write the answer side with the
      // deletions filled in (it imports back as the extra, the text stays the same).
      const back = note.extra?.trim() ? note.extra : renderCard(note, 1).answer.replace(/\*\*/g, "");
      return { front: note.text, back, tags };
    }
    return { front: note.front, back: note.back, tags: note.type === "reversed" ? [...tags, REVERSED_TAG] : tags };
  });
  const slug = deck.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "deck";
  return { filename: `${slug}.csv`, csv: exportCsv(rows) };
}
