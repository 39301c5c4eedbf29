/**
 * CSV/TSV import and export of flashcards: columns front, back, tags (tags space-separated, as in
 * Anki's text import). Quoting follows RFC 4180: a field may be wrapped in double quotes, inside
 * which the delimiter, CR/LF and doubled quotes ("") are literal. A UTF-8 BOM and CRLF line ends are
 * accepted; the delimiter (tab, comma or semicolon) is sniffed from the first records.
 *
 * Import never throws on bad input: it returns the good rows for the preview plus one error per
 * bad row (1-based row number as a spreadsheet shows it, the 1-based column when one field is at
 * fault, and what was expected).
 */

export interface ParsedRow {
  /** 1-based record number in the file (header included), as a spreadsheet numbers rows. */
  row: number;
  front: string;
  back: string;
  tags: string[];
}

export interface CsvError {
  row: number;
  column?: number;
  message: string;
}

export type Delimiter = "," | "\t" | ";";

export interface CsvImport {
  rows: ParsedRow[];
  errors: CsvError[];
  delimiter: Delimiter;
  /** True when the first record was a "front,back,tags" header and was skipped. */
  header: boolean;
}

interface RawRecord {
  row: number;
  fields: string[];
  /** Set when the record is malformed (unterminated quote, text after a closing quote). */
  problem?: { column: number; message: string };
}

/** RFC 4180 records; malformed records are reported, and parsing resumes at the next line. */
function records(text: string, delimiter: Delimiter): RawRecord[] {
  const out: RawRecord[] = [];
  let i = 0;
  const n = text.length;
  let row = 0;
  while (i < n) {
    row++;
    const fields: string[] = [];
    let problem: RawRecord["problem"];
    let field = "";
    let atFieldStart = true;
    for (;;) {
      if (atFieldStart && text[i] === '"') {
        // quoted field
        let j = i + 1;
        let value = "";
        let closed = false;
        while (j < n) {
          if (text[j] === '"') {
            if (text[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          value += text[j];
          j++;
        }
        if (!closed) {
          problem = { column: fields.length + 1, message: 'unterminated quoted field: expected a closing " (a quote inside a quoted field is written "")' };
          i = n;
          fields.push(value);
          break;
        }
        i = j;
        const next = text[i];
        if (i < n && next !== delimiter && next !== "\n" && next !== "\r") {
          problem = { column: fields.length + 1, message: `unexpected text after the closing quote: expected ${delimiter === "\t" ? "a tab" : `"${delimiter}"`} or the end of the line` };
          // skip to the end of the line and resume
          while (i < n && text[i] !== "\n") i++;
          fields.push(value);
          i++;
          break;
        }
        field = value;
        atFieldStart = false;
        continue;
      }
      const ch = text[i];
      if (i >= n || ch === "\n" || (ch === "\r" && text[i + 1] === "\n") || ch === "\r") {
        fields.push(field);
        if (ch === "\r" && text[i + 1] === "\n") i += 2;
        else i += 1;
        break;
      }
      if (ch === delimiter) {
        fields.push(field);
        field = "";
        atFieldStart = true;
        i++;
        continue;
      }
      field += ch;
      atFieldStart = false;
      i++;
    }
    out.push({ row, fields, problem });
  }
  return out;
}

const isBlank = (r: RawRecord) => !r.problem && r.fields.every((f) => f.trim() === "");

/**
 * Tab if the first records split consistently on tabs, else comma, else semicolon: the candidate
 * whose first (up to) 10 non-blank records most often have 2–3 fields wins; ties keep that order.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of ["\t", ",", ";"] as const) {
    const recs = records(sample, d).filter((r) => !isBlank(r)).slice(0, 10);
    const score = recs.filter((r) => !r.problem && r.fields.length >= 2 && r.fields.length <= 3).length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function isHeader(fields: string[]): boolean {
  const f = fields.map((x) => x.trim().toLowerCase());
  return f[0] === "front" && f[1] === "back" && (f.length === 2 || f[2] === "tags");
}

export function importCsv(input: string, opts: { delimiter?: Delimiter } = {}): CsvImport {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  const rows: ParsedRow[] = [];
  const errors: CsvError[] = [];
  const all = records(text, delimiter);
  const header = all.length > 0 && !all[0]!.problem && isHeader(all[0]!.fields);
  for (const rec of header ? all.slice(1) : all) {
    if (isBlank(rec)) continue;
    if (rec.problem) {
      errors.push({ row: rec.row, ...rec.problem });
      continue;
    }
    const [front = "", back = "", tags = "", ...extra] = rec.fields;
    if (rec.fields.length < 2) {
      errors.push({ row: rec.row, message: `expected at least 2 columns (front, back[, tags]) separated by ${delimiter === "\t" ? "tabs" : `"${delimiter}"`}, found 1` });
    } else if (extra.length > 0) {
      errors.push({ row: rec.row, column: 4, message: `expected at most 3 columns (front, back, tags), found ${rec.fields.length}; quote fields that contain "${delimiter === "\t" ? "\\t" : delimiter}"` });
    } else if (front.trim() === "") {
      errors.push({ row: rec.row, column: 1, message: "front is empty" });
    } else if (back.trim() === "") {
      errors.push({ row: rec.row, column: 2, message: "back is empty" });
    } else {
      rows.push({ row: rec.row, front, back, tags: tags.split(/\s+/).filter(Boolean) });
    }
  }
  return { rows, errors, delimiter, header };
}

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A deck as CSV: UTF-8 BOM first (Excel only reads UTF-8 when it sees one), a header row, CRLF line
 * ends (RFC 4180), fields quoted only when they must be. `importCsv(exportCsv(x))` gives x back.
 */
export function exportCsv(cards: ReadonlyArray<{ front: string; back: string; tags: readonly string[] }>, delimiter: Delimiter = ","): string {
  const line = (fields: string[]) => fields.map((f) => quote(f, delimiter)).join(delimiter);
  return "\uFEFF" + [line(["front", "back", "tags"]), ...cards.map((c) => line([c.front, c.back, c.tags.join(" ")]))].join("\r\n") + "\r\n";
}
