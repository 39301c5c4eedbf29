/**
 * CSV that opens correctly in a spreadsheet, names in any script included:
 * - UTF-8 with a byte-order mark: Excel reads a BOM-less CSV in the machine's legacy code page,
 *   which turns 王芳, محمد or 🎓 into mojibake; with the BOM it reads UTF-8 (LibreOffice and
 *   Google Sheets accept both).
 * - RFC 4180: CRLF between records; a field containing a comma, a double quote, CR or LF is
 *   enclosed in double quotes, and its double quotes are doubled.
 * - Formula injection (OWASP "CSV Injection"): a text cell starting with =, +, -, @, a tab or a
 *   carriage return is run as a formula by spreadsheets; such cells get a leading apostrophe so
 *   they stay text. Numbers the app computes are written as numbers and never prefixed.
 */

export const CSV_BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text made formula-safe and quoted when RFC 4180 needs it. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header row, records, CRLF after each record (RFC 4180 allows a final one). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * A file name for Content-Disposition: ASCII fallback plus RFC 5987 `filename*` for the real
 * (UTF-8) name, so a class called "数据库 101" downloads under its own name.
 */
export function contentDisposition(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\/;]/g, "").replace(/\s+/g, "-").replace(/^-+|-+$/g, "") || "gradebook";
  return `attachment; filename="${ascii}.csv"; filename*=UTF-8''${encodeURIComponent(`${name}.csv`)}`;
}
