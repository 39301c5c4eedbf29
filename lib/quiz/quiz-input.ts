/**
 * What an instructor sends to assemble a quiz — one schema for the form (FormData: a checkbox per
 * question named `questionIds`, `weight.security`, …) and the JSON API.
 */
import { z } from "zod";
import { DOMAINS, type DomainId } from "./domains";

export const MAX_QUIZ_QUESTIONS = 200;
export const MAX_DURATION_MINUTES = 600;

const toList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** `weight.<domain>` form fields → { domain: weight }; a JSON `domainWeights` object passes through. */
function gatherWeights(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  if (input.domainWeights !== undefined) return raw;
  const keys = DOMAINS.map((d) => `weight.${d.id}`);
  if (!keys.some((k) => k in input)) return raw;
  const weights: Record<string, unknown> = {};
  for (const d of DOMAINS) weights[d.id] = blankToUndefined(input[`weight.${d.id}`]) ?? 0;
  return { ...input, domainWeights: weights };
}

const weight = z.coerce.number({ error: "Enter a weight from 0 to 100." }).int("Use whole numbers.").min(0, "Enter a weight from 0 to 100.").max(100, "Enter a weight from 0 to 100.");

const common = {
  title: z.string({ error: "Give the quiz a title." }).trim().min(1, "Give the quiz a title.").max(120, "Keep the title under 120 characters."),
  description: z.preprocess(blankToUndefined, z.string().trim().max(1000, "Keep the description under 1,000 characters.").optional()),
  visibility: z.enum(["public", "private"], { error: "Choose who can take the quiz." }).default("public"),
  durationMinutes: z.coerce
    .number({ error: "Enter the exam time in minutes." })
    .int("Use whole minutes.")
    .min(1, "Give at least 1 minute.")
    .max(MAX_DURATION_MINUTES, `At most ${MAX_DURATION_MINUTES} minutes.`),
};

export const quizInputSchema = z.preprocess(
  gatherWeights,
  z.discriminatedUnion(
    "selection",
    [
      z.object({
        ...common,
        selection: z.literal("fixed"),
        questionIds: z.preprocess(
          toList,
          z.array(z.string().min(1).max(64)).min(1, "Choose at least one question.").max(MAX_QUIZ_QUESTIONS, `Choose at most ${MAX_QUIZ_QUESTIONS} questions.`),
        ),
      }),
      z.object({
        ...common,
        selection: z.literal("draw"),
        questionCount: z.coerce
          .number({ error: "Enter how many questions to draw." })
          .int("Use a whole number.")
          .min(1, "Draw at least 1 question.")
          .max(MAX_QUIZ_QUESTIONS, `Draw at most ${MAX_QUIZ_QUESTIONS} questions.`),
        domainWeights: z
          .object(Object.fromEntries(DOMAINS.map((d) => [d.id, weight])) as Record<DomainId, typeof weight>)
          .refine((w) => Object.values(w).some((v) => v > 0), "Give at least one domain a weight above 0.")
          .optional(),
      }),
    ],
    { error: "Choose a fixed selection or a random draw." },
  ),
);

export type QuizInput = z.output<typeof quizInputSchema>;
