/**
 * A bank question as the database keeps it: the Question row's JSON columns (options with stable
 * ids, topics) read back into the BankQuestion every pure quiz module works on.
 *
 * Options carry ids because answers are stored as option ids, not positions: an instructor who
 * reorders or fixes the options of a question must not silently change what a past answer meant.
 */
import { createHash, randomBytes } from "node:crypto";
import { DOMAIN_IDS, type DomainId } from "./domains";
import type { BankQuestion, Difficulty, QuestionOption } from "./question";

export interface StoredOption extends QuestionOption {
  id: string;
  explanation: string;
}

/** The Question row fields this module reads (Prisma's model, minus what it does not need). */
export interface QuestionRow {
  id: string;
  builtinKey: string | null;
  ownerId: string | null;
  type: "single" | "multiple";
  choose: number | null;
  stem: string;
  options: string;
  explanation: string | null;
  domain: string;
  topics: string;
  difficulty: Difficulty;
  source: string | null;
  archived: boolean;
  updatedAt?: Date;
}

/** A bank question plus its options' ids (same order as `options`). */
export interface StoredQuestion extends BankQuestion {
  options: StoredOption[];
  builtinKey: string | null;
  ownerId: string | null;
  archived: boolean;
  /** When the row last changed (absent when the caller did not read it). */
  updatedAt?: Date;
}

export class StoredQuestionError extends Error {}

function parseJson(text: string, what: string, id: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StoredQuestionError(`question ${id}: ${what} is not valid JSON`);
  }
}

export function parseOptions(text: string, id = "?"): StoredOption[] {
  const value = parseJson(text, "options", id);
  if (!Array.isArray(value)) throw new StoredQuestionError(`question ${id}: options is not a list`);
  return value.map((o, i) => {
    if (!o || typeof o !== "object" || typeof o.id !== "string" || typeof o.text !== "string" || typeof o.correct !== "boolean") {
      throw new StoredQuestionError(`question ${id}: options[${i}] needs id, text and correct`);
    }
    return { id: o.id, text: o.text, correct: o.correct, explanation: typeof o.explanation === "string" ? o.explanation : "" };
  });
}

export function parseTopics(text: string, id = "?"): string[] {
  const value = parseJson(text, "topics", id);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

export function isDomainId(value: string): value is DomainId {
  return (DOMAIN_IDS as readonly string[]).includes(value);
}

export function fromRow(row: QuestionRow): StoredQuestion {
  if (!isDomainId(row.domain)) throw new StoredQuestionError(`question ${row.id}: unknown domain "${row.domain}"`);
  return {
    id: row.id,
    builtinKey: row.builtinKey,
    ownerId: row.ownerId,
    archived: row.archived,
    ...(row.updatedAt ? { updatedAt: row.updatedAt } : {}),
    type: row.type,
    ...(row.type === "multiple" && row.choose ? { choose: row.choose } : {}),
    domain: row.domain,
    topics: parseTopics(row.topics, row.id),
    difficulty: row.difficulty,
    stem: row.stem,
    options: parseOptions(row.options, row.id),
    ...(row.explanation ? { explanation: row.explanation } : {}),
    ...(row.source ? { source: row.source } : {}),
  };
}

/** The columns of a Question row for a bank question whose options already have ids. */
export function toColumns(q: Omit<BankQuestion, "id" | "options"> & { options: StoredOption[] }) {
  return {
    type: q.type,
    choose: q.type === "multiple" ? (q.choose ?? q.options.filter((o) => o.correct).length) : null,
    stem: q.stem,
    options: JSON.stringify(q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, explanation: o.explanation }))),
    explanation: q.explanation?.trim() ? q.explanation : null,
    domain: q.domain,
    topics: JSON.stringify(q.topics),
    difficulty: q.difficulty,
    source: q.source?.trim() ? q.source : null,
  };
}

/** A fresh option id: 8 hex characters, unique within its question. */
export function newOptionId(taken: ReadonlySet<string>, basis?: string): string {
  for (let n = 0; ; n++) {
    const id = basis !== undefined
      ? createHash("sha256").update(`${basis}\0${n}`).digest("hex").slice(0, 8)
      : randomBytes(4).toString("hex");
    if (!taken.has(id)) return id;
  }
}

/**
 * Ids for a new version of a question's options (a reloaded built-in question, an import): an
 * option keeps the id of the old option with the same text; an option whose text changed keeps
 * the id of the old option at its position when that one is unmatched and equally right or wrong
 * (a typo fix); anything else is a new option. So an old answer never comes to mean a different
 * choice. Ids of new options derive from their text, so loading the same content twice gives
 * the same ids.
 */
export function reconcileOptionIds(previous: readonly StoredOption[], next: readonly QuestionOption[]): StoredOption[] {
  const byText = new Map(previous.map((o) => [o.text, o]));
  const used = new Set<string>();
  const ids: Array<string | undefined> = next.map((o) => {
    const same = byText.get(o.text);
    if (same && !used.has(same.id)) {
      used.add(same.id);
      return same.id;
    }
    return undefined;
  });
  next.forEach((o, i) => {
    const old = previous[i];
    if (ids[i] === undefined && old && !used.has(old.id) && !next.some((n) => n.text === old.text) && old.correct === o.correct) {
      ids[i] = old.id;
      used.add(old.id);
    }
  });
  const taken = new Set([...previous.map((o) => o.id), ...used]);
  return next.map((o, i) => {
    let id = ids[i];
    if (id === undefined) {
      id = newOptionId(taken, o.text);
      taken.add(id);
    }
    return { id, text: o.text, correct: o.correct, explanation: o.explanation ?? "" };
  });
}

/** Option ids → indexes into `options` (what lib/quiz/exam.ts scores); unknown ids are dropped. */
export function indexesOf(q: { options: readonly StoredOption[] }, optionIds: readonly string[]): number[] {
  const at = new Map(q.options.map((o, i) => [o.id, i]));
  return optionIds.flatMap((id) => (at.has(id) ? [at.get(id)!] : []));
}

/** A JSON string list from a column, tolerant of a damaged value (→ empty). */
export function parseIdList(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
