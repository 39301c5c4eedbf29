/**
 * The zod schema of a lab file (after param substitution). Unknown keys are refused everywhere;
 * the `scenario` is checked by the engine's own validateScenario, not restated here. See
 * lib/labs/README.md for the format with an example.
 */
import { compile } from "@jmespath-community/jmespath";
import { z } from "zod";
import { DOMAIN_IDS, TOPICS } from "@/lib/quiz/domains";
import { DIFFICULTIES, type LabOption, type LabQuestion } from "./types";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const QUESTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const text = (max: number) => z.string({ error: "expected text" }).trim().min(1, { error: "expected non-empty text" }).max(max, { error: `expected at most ${max} characters` });

/** A JMESPath expression, compiled once here so a syntax error is reported at its line. */
const jmespath = text(2000).superRefine((expr, ctx) => {
  try {
    compile(expr);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `not a valid JMESPath expression: ${String((error as Error)?.message ?? error).split("\n")[0]}` });
  }
});

const scalar = z.union([z.string(), z.number().refine(Number.isFinite), z.boolean()], { error: "expected a text, number or true/false" });

const option = z
  .union([scalar, z.strictObject({ value: scalar, label: text(300) })], {
    error: "expected a value (text, number, true/false) or { value, label }",
  })
  .transform((o): LabOption => (typeof o === "object" ? o : { value: o, label: String(o) }));

const distinctOptions = (min: number, max: number, what: string) =>
  z
    .array(option, { error: `expected a list of ${what}` })
    .min(min, { error: `expected at least ${min} ${what}` })
    .max(max, { error: `expected at most ${max} ${what}` })
    .superRefine((opts, ctx) => {
      const seen = new Map<string, number>();
      opts.forEach((o, i) => {
        const key = JSON.stringify(o.value);
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `${key} is listed twice (also at ${seen.get(key)}); values must be distinct` });
        seen.set(key, i);
      });
    });

const base = {
  id: z.string({ error: "expected a question id" }).regex(QUESTION_ID, { error: "expected an id of letters, digits, - and _" }).max(64),
  prompt: text(4000),
  truth: jmespath,
  explanation: text(8000),
  hints: z.array(text(2000), { error: "expected a list of hints" }).max(10).default([]),
  points: z.number({ error: "expected a number of points" }).positive({ error: "expected points > 0" }).max(100).default(1),
};

const question = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ ...base, type: z.literal("number"), tolerance: z.number({ error: "expected a number" }).min(0, { error: "expected a tolerance ≥ 0" }).default(0) }),
    z.strictObject({ ...base, type: z.literal("boolean") }),
    z.strictObject({ ...base, type: z.literal("choice"), options: distinctOptions(2, 20, "options") }),
    z.strictObject({ ...base, type: z.literal("multi-choice"), options: distinctOptions(2, 20, "options") }),
    z.strictObject({ ...base, type: z.literal("ordered"), items: distinctOptions(2, 12, "items") }),
    z.strictObject({ ...base, type: z.literal("text"), aliases: jmespath.optional() }),
  ],
  { error: 'expected type to be one of "number", "boolean", "choice", "multi-choice", "ordered", "text"' },
);

export const labFileSchema = z.strictObject({
  id: z.string({ error: "expected the lab's id" }).regex(SLUG, { error: "expected a slug: lower-case letters and digits separated by single dashes" }).max(64),
  title: text(120),
  summary: text(8000),
  domains: z
    .array(z.enum(DOMAIN_IDS, { error: `expected an exam domain: ${DOMAIN_IDS.join(", ")}` }), { error: "expected a list of exam domains" })
    .min(1, { error: "expected at least one exam domain" })
    .refine((d) => new Set(d).size === d.length, { error: "a domain is listed twice" }),
  topics: z
    .array(z.enum(TOPICS, { error: `expected a topic: ${TOPICS.join(", ")}` }), { error: "expected a list of topics" })
    .min(1, { error: "expected at least one topic" })
    .refine((t) => new Set(t).size === t.length, { error: "a topic is listed twice" }),
  difficulty: z.enum(DIFFICULTIES, { error: `expected one of ${DIFFICULTIES.join(", ")}` }),
  estimatedMinutes: z.number({ error: "expected a number of minutes" }).int({ error: "expected whole minutes" }).min(1).max(240),
  /** Checked by params.ts before substitution; present here so the key is known. */
  params: z.unknown().optional(),
  /** Checked by the engine's validateScenario, which also reports a missing scenario (located,
   * in the contract's words); zod's own "expected nonoptional" would only say it twice, worse. */
  scenario: z.unknown().optional(),
  questions: z
    .array(question, { error: "expected a list of questions" })
    .min(1, { error: "expected at least one question" })
    .max(50, { error: "expected at most 50 questions" })
    .superRefine((qs, ctx) => {
      const seen = new Map<string, number>();
      qs.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate question id "${q.id}" (also questions[${seen.get(q.id)}])` });
        seen.set(q.id, i);
      });
    }),
});

export type LabFile = z.output<typeof labFileSchema>;

/** Lab-file keys, for "did you mean" and the README. */
export const LAB_KEYS = Object.keys(labFileSchema.shape);

/** The parsed question as the rest of lib/labs uses it (drops zod's branding of defaults). */
export function toQuestion(q: LabFile["questions"][number]): LabQuestion {
  return q as LabQuestion;
}
