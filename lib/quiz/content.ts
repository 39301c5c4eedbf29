/**
 * The built-in question banks (content/questions/*.yaml): zod schema and loader with located
 * errors. Shape:
 *
 *   bank: { id, name }
 *   questions:
 *     - { id, type: single|multiple, choose (multiple only), domain, topics, difficulty, stem,
 *         options: [{ text, correct, explanation }], source }
 *
 * Rules: single → exactly one correct option and at least 3 options; multiple → `choose` ≥ 2,
 * exactly `choose` correct options and at least choose + 2 options; option texts unique; every
 * option explained; unknown keys refused.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DOMAIN_IDS, TOPICS } from "./domains";
import type { BankQuestion } from "./question";
import { duplicateIds, kebabId, locateIssues, markdown, readYaml, sourceRef, strictObject, type ContentError } from "../srs/yaml-source";

const optionSchema = strictObject({
  text: markdown("option text"),
  correct: z.boolean({ error: "expected correct: true or false" }),
  explanation: markdown("explanation"),
});

const questionSchema = strictObject({
  id: kebabId,
  type: z.enum(["single", "multiple"], { error: "expected type: single or multiple" }),
  choose: z.number({ error: "expected choose: a whole number ≥ 2" }).int().min(2, "choose must be at least 2").optional(),
  domain: z.enum(DOMAIN_IDS, { error: `expected domain: one of ${DOMAIN_IDS.join(", ")}` }),
  topics: z
    .array(z.enum(TOPICS, { error: `unknown topic: expected one of ${TOPICS.join(", ")} (add new topics to lib/quiz/domains.ts)` }))
    .min(1, "expected at least one topic"),
  difficulty: z.enum(["easy", "medium", "hard"], { error: "expected difficulty: easy, medium or hard" }),
  stem: markdown("stem"),
  options: z.array(optionSchema),
  source: sourceRef,
}).superRefine((q, ctx) => {
  const correct = q.options.filter((o) => o.correct).length;
  if (q.type === "single") {
    if (q.choose !== undefined) ctx.addIssue({ code: "custom", path: ["choose"], message: "choose is only for type: multiple" });
    if (correct !== 1) ctx.addIssue({ code: "custom", path: ["options"], message: `a single-answer question needs exactly 1 correct option, found ${correct}` });
    if (q.options.length < 3) ctx.addIssue({ code: "custom", path: ["options"], message: `expected at least 3 options, found ${q.options.length}` });
  } else if (q.choose === undefined) {
    ctx.addIssue({ code: "custom", path: ["type"], message: "a multiple-response question needs choose: how many options are correct" });
  } else {
    if (correct !== q.choose) ctx.addIssue({ code: "custom", path: ["options"], message: `choose is ${q.choose} but ${correct} option(s) are marked correct` });
    if (q.options.length < q.choose + 2) ctx.addIssue({ code: "custom", path: ["options"], message: `choose ${q.choose} needs at least ${q.choose + 2} options, found ${q.options.length}` });
  }
  const seen = new Set<string>();
  q.options.forEach((o, i) => {
    if (seen.has(o.text)) ctx.addIssue({ code: "custom", path: ["options", i, "text"], message: "duplicate option text" });
    seen.add(o.text);
  });
});

export const bankFileSchema = strictObject({
  bank: strictObject({ id: kebabId, name: markdown("name") }),
  questions: z.array(questionSchema).min(1, "a bank needs at least one question"),
}).superRefine((file, ctx) => duplicateIds(file.questions, ["questions"], ctx));

export type BankFile = z.output<typeof bankFileSchema>;

// The schema's output is a BankQuestion (compile-time check that the two stay in step).
const _fits: (q: BankFile["questions"][number]) => BankQuestion = (q) => q;
void _fits;

export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };

export function parseBankFile(text: string, file?: string): LoadResult<BankFile> {
  const src = readYaml(text, file);
  if (src.syntaxErrors.length) return { ok: false, errors: src.syntaxErrors };
  const r = bankFileSchema.safeParse(src.value);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: locateIssues(r.error.issues, src, file) };
}

/** Every content/questions/*.yaml under the project root, parsed; errors name the file. */
export function loadBankFiles(root: string): LoadResult<BankFile[]> {
  const dir = path.join(root, "content", "questions");
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
  const banks: BankFile[] = [];
  const errors: ContentError[] = [];
  for (const f of files) {
    const r = parseBankFile(readFileSync(path.join(dir, f), "utf8"), path.join("content", "questions", f));
    if (r.ok) banks.push(r.value);
    else errors.push(...r.errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: banks };
}
