/**
 * What an instructor sends to create or edit a bank question — one schema for the authoring form
 * (FormData: `options.0.text`, `options.0.correct`, …) and the JSON API (`options: [{ … }]`).
 * Field errors are keyed by the same names the form uses ("options.1.explanation").
 */
import { z } from "zod";
import { DOMAIN_IDS } from "./domains";

export const MAX_OPTIONS = 8;
export const MIN_OPTIONS = 2;
const TOPIC = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Form checkboxes arrive as "on"; JSON as booleans. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const optionInput = z.object({
  /** The option's id when editing (answers refer to it); absent for a new option. */
  id: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "unknown option id").optional()),
  text: z.string({ error: "Write the option." }).trim().min(1, "Write the option.").max(1000, "Keep an option under 1,000 characters."),
  correct: checkbox,
  explanation: z
    .string({ error: "Explain why this option is right or wrong." })
    .trim()
    .min(1, "Explain why this option is right or wrong.")
    .max(3000, "Keep an explanation under 3,000 characters."),
});

/** `options.3.text`-style keys (FormData) → an options array; a JSON array passes through. */
function gatherOptions(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  if (input.options !== undefined) return raw;
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(input)) {
    const m = /^options\.(\d{1,2})\.(id|text|correct|explanation)$/.exec(key);
    if (!m) continue;
    const i = Number(m[1]);
    if (!rows.has(i)) rows.set(i, {});
    rows.get(i)![m[2]!] = value;
  }
  const options = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return { ...input, options };
}

/** "async, cold start" or ["async", "cold start"] → ["async", "cold-start"]. */
function splitTopics(v: unknown): unknown {
  const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,\n]/) : v;
  if (!Array.isArray(list)) return list;
  return [...new Set(list.map((t) => (typeof t === "string" ? t.trim().toLowerCase().replace(/\s+/g, "-") : t)).filter((t) => t !== ""))];
}

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

export const questionInputSchema = z.preprocess(
  gatherOptions,
  z
    .object({
      type: z.enum(["single", "multiple"], { error: "Choose single answer or multiple response." }),
      domain: z.enum(DOMAIN_IDS, { error: "Choose the exam domain this question tests." }),
      difficulty: z.enum(["easy", "medium", "hard"], { error: "Choose a difficulty." }),
      topics: z.preprocess(
        splitTopics,
        z
          .array(z.string().max(40, "Keep each topic under 40 characters.").regex(TOPIC, "Topics are words like async or cold-start (letters, digits, dashes)."))
          .max(8, "Use at most 8 topics.")
          .default([]),
      ),
      stem: z.string({ error: "Write the question." }).trim().min(1, "Write the question.").max(6000, "Keep the question under 6,000 characters."),
      explanation: optionalText(3000, "Keep the general explanation under 3,000 characters."),
      source: optionalText(300, "Keep the source under 300 characters."),
      options: z
        .array(optionInput, { error: "Add the options to choose from." })
        .min(MIN_OPTIONS, `Give at least ${MIN_OPTIONS} options.`)
        .max(MAX_OPTIONS, `Give at most ${MAX_OPTIONS} options.`),
    })
    .superRefine((q, ctx) => {
      // Too few options is already said; which are right is the next question.
      if (q.options.length < MIN_OPTIONS) return;
      const correct = q.options.filter((o) => o.correct).length;
      if (q.type === "single" && correct !== 1) {
        ctx.addIssue({ code: "custom", path: ["options"], message: `A single-answer question needs exactly one correct option (${correct} marked).` });
      }
      if (q.type === "multiple") {
        if (correct < 2) ctx.addIssue({ code: "custom", path: ["options"], message: `A multiple-response question needs at least two correct options (${correct} marked).` });
        if (correct === q.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "Leave at least one wrong option: every option is marked correct." });
      }
      const seen = new Map<string, number>();
      q.options.forEach((o, i) => {
        const key = o.text.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["options", i, "text"], message: `Same text as option ${seen.get(key)! + 1}.` });
        else seen.set(key, i);
      });
    }),
);

export type QuestionInput = z.output<typeof questionInputSchema>;
