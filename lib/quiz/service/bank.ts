/**
 * The question bank for authors: list, create, edit, retire, and GIFT import. Built-in questions
 * come from content/questions (lib/quiz/content-loader.ts) and are read-only here.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import type { DomainId } from "../domains";
import { formatGiftError, importGift, type GiftError } from "../gift";
import type { Difficulty } from "../question";
import { MAX_OPTIONS, type QuestionInput } from "../question-input";
import { fromRow, newOptionId, toColumns, type StoredOption, type StoredQuestion } from "../stored";
import { canEditQuestion, canSeeQuestion, requireStaff, visibleQuestionsWhere, type QuizUser } from "./access";

export interface BankListItem {
  id: string;
  stem: string;
  type: "single" | "multiple";
  choose: number | null;
  domain: DomainId;
  topics: string[];
  difficulty: Difficulty;
  builtin: boolean;
  editable: boolean;
  optionCount: number;
  /** Options without an explanation (imported questions may lack them). */
  unexplained: number;
  updatedAt: string;
}

export interface BankFilter {
  domain?: DomainId;
  /** Free text, matched against the stem and the topics. */
  text?: string;
  /** Whose questions: all visible (default), the author's own, or the built-in ones. */
  owner?: "all" | "mine" | "builtin";
}

export async function listBank(user: QuizUser, filter: BankFilter = {}, db: Db = getDb()): Promise<BankListItem[]> {
  requireStaff(user);
  const owner = filter.owner ?? "all";
  const rows = await db.question.findMany({
    where: {
      archived: false,
      ...(filter.domain ? { domain: filter.domain } : {}),
      ...(owner === "mine" ? { ownerId: user.id, builtinKey: null } : owner === "builtin" ? { builtinKey: { not: null } } : visibleQuestionsWhere(user)),
    },
    orderBy: [{ builtinKey: "asc" }, { createdAt: "desc" }],
  });
  const needle = filter.text?.trim().toLowerCase();
  return rows
    .map(fromRow)
    .filter((q) => !needle || q.stem.toLowerCase().includes(needle) || q.topics.some((t) => t.includes(needle)))
    .map((q) => ({
      id: q.id,
      stem: q.stem,
      type: q.type,
      choose: q.choose ?? null,
      domain: q.domain,
      topics: q.topics,
      difficulty: q.difficulty,
      builtin: q.builtinKey !== null,
      editable: canEditQuestion(user, q),
      optionCount: q.options.length,
      unexplained: q.options.filter((o) => !o.explanation.trim()).length,
      updatedAt: rows.find((r) => r.id === q.id)!.updatedAt.toISOString(),
    }));
}

/** One question an author may see (built-in ones read-only). */
export async function getBankQuestion(user: QuizUser, id: string, db: Db = getDb()): Promise<StoredQuestion & { editable: boolean }> {
  requireStaff(user);
  const row = await db.question.findUnique({ where: { id } });
  if (!row || row.archived || !canSeeQuestion(user, row)) throw new ActionError("not_found", "There is no such question in your bank.");
  const q = fromRow(row);
  return { ...q, editable: canEditQuestion(user, q) };
}

/** Option ids for an edited question: ids the question already had are kept, others are new. */
function optionsWithIds(input: QuestionInput["options"], previous: readonly StoredOption[] = []): StoredOption[] {
  const known = new Set(previous.map((o) => o.id));
  const taken = new Set<string>();
  return input.map((o) => {
    let id = o.id && known.has(o.id) && !taken.has(o.id) ? o.id : undefined;
    if (!id) id = newOptionId(new Set([...known, ...taken]));
    taken.add(id);
    return { id, text: o.text, correct: o.correct, explanation: o.explanation };
  });
}

function columnsOf(input: QuestionInput, options: StoredOption[]) {
  return toColumns({
    type: input.type,
    choose: input.type === "multiple" ? options.filter((o) => o.correct).length : undefined,
    domain: input.domain,
    topics: input.topics,
    difficulty: input.difficulty,
    stem: input.stem,
    explanation: input.explanation,
    source: input.source,
    options,
  });
}

export async function createQuestion(user: QuizUser, input: QuestionInput, db: Db = getDb()): Promise<{ id: string }> {
  requireStaff(user);
  const row = await db.question.create({ data: { ownerId: user.id, ...columnsOf(input, optionsWithIds(input.options)) }, select: { id: true } });
  return row;
}

async function editableQuestion(user: QuizUser, id: string, db: Db) {
  requireStaff(user);
  const row = await db.question.findUnique({ where: { id } });
  if (!row || row.archived || !canSeeQuestion(user, row)) throw new ActionError("not_found", "There is no such question in your bank.");
  if (row.builtinKey !== null) {
    throw new ActionError("forbidden", "Built-in questions come from content/questions and are changed there. Copy it into a new question to adapt it.");
  }
  if (!canEditQuestion(user, row)) throw new ActionError("forbidden", "Only the question's author (or an admin) can change it.");
  return row;
}

export async function updateQuestion(user: QuizUser, id: string, input: QuestionInput, db: Db = getDb()): Promise<{ id: string }> {
  const row = await editableQuestion(user, id, db);
  const previous = fromRow(row).options;
  await db.question.update({ where: { id }, data: columnsOf(input, optionsWithIds(input.options, previous)) });
  return { id };
}

/**
 * Removes a question from the bank. One that is part of any attempt is archived instead of deleted,
 * so the review of past attempts still shows it; quizzes skip it from now on.
 */
export async function retireQuestion(user: QuizUser, id: string, db: Db = getDb()): Promise<{ id: string; archived: boolean }> {
  await editableQuestion(user, id, db);
  // Answered, or part of an attempt (perhaps one in progress): keep it for their review.
  const answered = await db.examAnswer.count({ where: { questionId: id } });
  const inAttempts = answered ? 0 : await db.examAttempt.count({ where: { questionIds: { contains: JSON.stringify(id) } } });
  if (answered > 0 || inAttempts > 0) {
    await db.question.update({ where: { id }, data: { archived: true } });
    return { id, archived: true };
  }
  await db.question.delete({ where: { id } });
  return { id, archived: false };
}

// ---------------------------------------------------------------------------------------------
// GIFT import

export interface GiftImportInput {
  text: string;
  defaultDomain?: DomainId;
  difficulty?: Difficulty;
  /** Check only: report what would be imported and every error, write nothing. */
  dryRun?: boolean;
}

export interface GiftImportReport {
  /** Questions imported (or, on a dry run, that would be). */
  imported: Array<{ question: number; title?: string; id?: string; stem: string; type: "single" | "multiple"; domain: DomainId }>;
  /** Per-question problems, with the question's number and line in the file. */
  errors: Array<GiftError & { text: string }>;
  /** Good questions not imported because the author's bank already has the same question. */
  duplicates: Array<{ question: number; title?: string; stem: string }>;
  dryRun: boolean;
}

export const MAX_GIFT_BYTES = 1_000_000;
const MAX_STEM = 6000;
const MAX_OPTION = 1000;

/** Limits the authoring form applies too; the GIFT parser does not know them. */
function bankLimitProblem(q: { stem: string; options: ReadonlyArray<{ text: string; explanation?: string }> }): string | null {
  if (q.stem.length > MAX_STEM) return `the question text is ${q.stem.length} characters; the bank keeps at most ${MAX_STEM}`;
  if (q.options.length > MAX_OPTIONS) return `${q.options.length} answers; a bank question has at most ${MAX_OPTIONS}`;
  const long = q.options.findIndex((o) => o.text.length > MAX_OPTION);
  if (long >= 0) return `answer ${long + 1} is longer than ${MAX_OPTION} characters`;
  return null;
}

const normalise = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

export async function importGiftQuestions(user: QuizUser, input: GiftImportInput, db: Db = getDb()): Promise<GiftImportReport> {
  requireStaff(user, "import questions");
  if (Buffer.byteLength(input.text, "utf8") > MAX_GIFT_BYTES) {
    throw new ActionError("invalid", `The file is larger than ${MAX_GIFT_BYTES / 1_000_000} MB; split it into smaller files.`, { text: ["file too large"] });
  }
  const parsed = importGift(input.text, { defaultDomain: input.defaultDomain, difficulty: input.difficulty });
  const errors = parsed.errors.map((e) => ({ ...e, text: formatGiftError(e) }));

  const own = await db.question.findMany({ where: { ownerId: user.id, builtinKey: null, archived: false }, select: { stem: true } });
  const existing = new Set(own.map((r) => normalise(r.stem)));
  const imported: GiftImportReport["imported"] = [];
  const duplicates: GiftImportReport["duplicates"] = [];
  const toCreate: Array<{ number: number; data: ReturnType<typeof toColumns> }> = [];

  parsed.questions.forEach((q, k) => {
    const { question: number, line } = parsed.positions[k]!;
    const title = q.id.startsWith("gift-") ? undefined : q.id;
    const problem = bankLimitProblem(q);
    if (problem) {
      const e: GiftError = { question: number, line, ...(title ? { title } : {}), message: problem };
      errors.push({ ...e, text: formatGiftError(e) });
      return;
    }
    const key = normalise(q.stem);
    if (existing.has(key)) {
      duplicates.push({ question: number, ...(title ? { title } : {}), stem: q.stem });
      return;
    }
    existing.add(key);
    const taken = new Set<string>();
    const options = q.options.map((o) => {
      const id = newOptionId(taken);
      taken.add(id);
      return { id, text: o.text, correct: o.correct, explanation: o.explanation ?? "" };
    });
    toCreate.push({ number, data: toColumns({ ...q, options, source: q.source ?? "GIFT import" }) });
    imported.push({ question: number, ...(title ? { title } : {}), stem: q.stem, type: q.type, domain: q.domain });
  });
  errors.sort((a, b) => a.question - b.question);

  if (!input.dryRun && toCreate.length) {
    const ids = await db.$transaction(toCreate.map((c) => db.question.create({ data: { ownerId: user.id, ...c.data }, select: { id: true } })));
    ids.forEach((r, i) => (imported[i]!.id = r.id));
  }
  return { imported, errors, duplicates, dryRun: Boolean(input.dryRun) };
}
