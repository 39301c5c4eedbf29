/**
 * Fast reads for the few queries that run on every request of a hot path (the study queue before
 * each card, the answer's card and settings): one standard SQL text for SQLite and PostgreSQL,
 * run on the driver directly and returned as plain typed rows.
 *
 * Why not getDb().$queryRaw: Prisma's raw path costs ~2 µs per row and ~0.15 ms per query on top
 * of the driver (argument serialisation, result deserialisation, its query interpreter) — for the
 * queue's few hundred rows, more than the query itself (measured: 1.13 ms through Prisma vs 0.39 ms
 * in better-sqlite3 for 314 learning cards). Prisma remains the way to write and for everything
 * else; this is for reads only (the SQLite connection is opened read-only), outside transactions.
 *
 * - SQLite: a second, read-only connection to the same file (WAL: it reads the last committed state
 *   while Prisma's connection writes), with prepared statements kept per SQL text.
 * - PostgreSQL: the pool Prisma's adapter uses (getPgPool()).
 * Values are written and read the way Prisma stores them: DateTime as ISO-8601 text with "+00:00"
 * on SQLite (what @prisma/adapter-better-sqlite3 binds) and as UTC `timestamp(3)` on PostgreSQL
 * (what @prisma/adapter-pg binds), booleans as 0/1 on SQLite.
 */
import Database from "better-sqlite3";
import pg from "pg";

export type SqlValue = string | number | boolean | Date | null;

/** A query built with the `sql` tag: the text around the values, and the values (always bound, never spliced). */
export interface SqlQuery {
  readonly strings: readonly string[];
  readonly values: readonly SqlValue[];
}

/** `sql\`SELECT "id" FROM "Card" WHERE "ownerId" = ${userId}\`` — every `${…}` becomes a bound parameter. */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
  return { strings: [...strings], values };
}

/** How to read a column: its JavaScript type, `?` when it may be NULL. */
export type ColumnKind = "text" | "text?" | "number" | "number?" | "boolean" | "date" | "date?";

type ValueOf<K extends ColumnKind> = K extends "text"
  ? string
  : K extends "text?"
    ? string | null
    : K extends "number"
      ? number
      : K extends "number?"
        ? number | null
        : K extends "boolean"
          ? boolean
          : K extends "date"
            ? Date
            : Date | null;

export type RowOf<C extends Record<string, ColumnKind>> = { [K in keyof C]: ValueOf<C[K]> };

/** What runs the SQL for one database: rows as arrays, in the order of `columns`. */
export interface RowSource {
  read(query: SqlQuery, columns: readonly string[]): Promise<unknown[][]>;
  close(): void;
}

/** A query whose columns are not what the caller expects: a programming error, said plainly. */
export class RowShapeError extends Error {
  override name = "RowShapeError";
}

export async function readRowsFrom<const C extends Record<string, ColumnKind>>(source: RowSource, query: SqlQuery, columns: C): Promise<RowOf<C>[]> {
  const names = Object.keys(columns);
  const kinds = names.map((n) => columns[n]!);
  const raw = await source.read(query, names);
  const out: RowOf<C>[] = new Array(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const values = raw[r]!;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = convert(values[i], kinds[i]!, names[i]!);
    out[r] = row as RowOf<C>;
  }
  return out;
}

function convert(value: unknown, kind: ColumnKind, name: string): unknown {
  if (value === null || value === undefined) {
    if (kind.endsWith("?")) return null;
    throw new RowShapeError(`column "${name}" is NULL but was read as ${kind} (use "${kind}?")`);
  }
  switch (kind) {
    case "text":
    case "text?":
      return String(value);
    case "number":
    case "number?":
      return typeof value === "number" ? value : Number(value); // bigint, PostgreSQL int8/numeric text
    case "boolean":
      return value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true";
    case "date":
    case "date?":
      return value instanceof Date ? value : typeof value === "number" ? new Date(value) : new Date(String(value));
  }
}

/** The query text with `?` (SQLite) or `$1, $2, …` (PostgreSQL) between the parts. */
export function queryText(query: SqlQuery, placeholder: (index: number) => string): string {
  let text = query.strings[0]!;
  for (let i = 1; i < query.strings.length; i++) text += placeholder(i) + query.strings[i];
  return text;
}

// ── SQLite ──────────────────────────────────────────────────────────────────────────────────────

/** Prisma's SQLite DateTime text (adapter-better-sqlite3, timestampFormat "iso8601"): compared as text. */
export const sqliteDateText = (d: Date) => d.toISOString().replace("Z", "+00:00");

const sqliteArg = (v: SqlValue): string | number | null => (v instanceof Date ? sqliteDateText(v) : typeof v === "boolean" ? (v ? 1 : 0) : v);

const MAX_STATEMENTS = 200;

export function sqliteRowSource(file: string, busyTimeoutMs: number): RowSource {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  const statements = new Map<string, { stmt: Database.Statement; order: number[] | null }>();
  return {
    async read(query, columns) {
      const text = queryText(query, () => "?");
      let entry = statements.get(text);
      if (!entry) {
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        const stmt = db.prepare(text).raw(true);
        const returned = stmt.columns().map((c) => c.name);
        // Usually the SELECT list is the columns in order; otherwise map by name.
        const same = returned.length === columns.length && returned.every((n, i) => n === columns[i]);
        const order = same ? null : columns.map((c) => returned.indexOf(c));
        if (order?.includes(-1)) throw new RowShapeError(`the query returns ${returned.join(", ")}; expected ${columns.join(", ")}: ${text}`);
        entry = { stmt, order };
        statements.set(text, entry);
      }
      const rows = entry.stmt.all(...query.values.map(sqliteArg)) as unknown[][];
      const order = entry.order;
      return order ? rows.map((r) => order.map((i) => r[i])) : rows;
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}

// ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────────

const TIMESTAMP_OID = 1114; // timestamp without time zone: Prisma's DateTime, stored in UTC
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
/** What @prisma/adapter-pg binds for a DateTime: the UTC wall time, no zone. */
export const pgTimestampText = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;

const pgArg = (v: SqlValue): string | number | boolean | null => (v instanceof Date ? pgTimestampText(v) : v);

// pg's default parser would read a zone-less timestamp in the server process's local zone.
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

export function pgRowSource(pool: pg.Pool): RowSource {
  const types = {
    getTypeParser: (oid: number, format?: string) => (oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format as "text")),
  };
  return {
    async read(query, columns) {
      const result = await pool.query({ text: queryText(query, (i) => `$${i}`), values: query.values.map(pgArg), rowMode: "array", types: types as never });
      const returned = result.fields.map((f) => f.name);
      if (returned.length === columns.length && returned.every((n, i) => n === columns[i])) return result.rows as unknown[][];
      const order = columns.map((c) => returned.indexOf(c));
      if (order.includes(-1)) throw new RowShapeError(`the query returns ${returned.join(", ")}; expected ${columns.join(", ")}`);
      return (result.rows as unknown[][]).map((r) => order.map((i) => r[i]));
    },
    close() {
      // The pool belongs to getDb()'s connection and is closed with it.
    },
  };
}
