/**
 * Every quiz operation as a procedure (lib/actions): the same authentication, validation, roles
 * and rate limits behind the server actions the pages use and the JSON routes under
 * app/api/quizzes. Input schemas live here (or beside their domain) and are reused by both.
 */
import { z } from "zod";
import { ActionError, defineProcedure } from "@/lib/actions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { DOMAIN_IDS } from "./domains";
import { questionInputSchema } from "./question-input";
import { quizInputSchema } from "./quiz-input";
import { openAttempt, saveAnswer, startAttempt, submitAttempt } from "./service/attempts";
import { createQuestion, getBankQuestion, importGiftQuestions, listBank, MAX_GIFT_BYTES, retireQuestion, updateQuestion } from "./service/bank";
import { makeMistakeCard } from "./service/mistakes";
import { createQuiz, deleteQuiz, listQuizzes } from "./service/quizzes";

const id = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` }).max(64, { error: `expected ${what}` });

export const startInput = z.object({
  quizId: id("a quiz id"),
  mode: z.enum(["practice", "exam"], { error: "Choose practice or exam mode." }),
  count: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1).max(200).optional()),
});
export const attemptInput = z.object({ attemptId: id("an attempt id") });
export const answerInput = z.object({
  attemptId: id("an attempt id"),
  questionId: id("a question id"),
  selected: z.array(z.string().max(64), { error: "expected selected: a list of option ids" }).max(20).optional(),
  flagged: z.boolean({ error: "expected flagged: true or false" }).optional(),
});
export const mistakeInput = z.object({ attemptId: id("an attempt id"), questionId: id("a question id") });
export const questionIdInput = z.object({ questionId: id("a question id") });
export const bankFilterInput = z.object({
  domain: z.preprocess((v) => (v === "" ? undefined : v), z.enum(DOMAIN_IDS).optional()),
  text: z.string().max(200).optional(),
  owner: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["all", "mine", "builtin"]).optional()),
});
export const giftImportInput = z.object({
  text: z.preprocess(
    (v) => (typeof v === "string" ? v : v === undefined || v === null ? "" : v),
    z.string({ error: "Paste GIFT text or choose a file." }).max(MAX_GIFT_BYTES, "The text is larger than 1 MB; split it into smaller files."),
  ),
  file: z.unknown().optional(),
  defaultDomain: z.preprocess((v) => (v === "" ? undefined : v), z.enum(DOMAIN_IDS, { error: "Choose a domain." }).optional()),
  difficulty: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["easy", "medium", "hard"], { error: "Choose a difficulty." }).optional()),
  dryRun: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()).default(false),
});
export const quizIdInput = z.object({ quizId: id("a quiz id") });

// ---- learners ------------------------------------------------------------------------------

export const listQuizzesProcedure = defineProcedure({
  name: "quiz.list",
  input: z.object({}),
  handler: (_input, { user }) => listQuizzes(user),
});

export const startAttemptProcedure = defineProcedure({
  name: "quiz.start",
  input: startInput,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: (input, { user }) => startAttempt(user, input),
});

export const openAttemptProcedure = defineProcedure({
  name: "quiz.attempt",
  input: attemptInput,
  handler: ({ attemptId }, { user }) => openAttempt(user, attemptId),
});

export const saveAnswerProcedure = defineProcedure({
  name: "quiz.answer",
  input: answerInput,
  // A fast learner clicks through options and flags; a script is bounded.
  rateLimit: { name: "user", points: 600, durationSec: 60 },
  handler: (input, { user }) => saveAnswer(user, input),
});

export const submitAttemptProcedure = defineProcedure({
  name: "quiz.submit",
  input: attemptInput,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: ({ attemptId }, { user }) => submitAttempt(user, attemptId),
});

export const makeMistakeCardProcedure = defineProcedure({
  name: "quiz.mistakeCard",
  input: mistakeInput,
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: ({ attemptId, questionId }, { user }) => makeMistakeCard(user, attemptId, questionId),
});

// ---- authors -------------------------------------------------------------------------------

export const listBankProcedure = defineProcedure({
  name: "quiz.bank",
  input: bankFilterInput,
  roles: STAFF_ROLES,
  handler: (filter, { user }) => listBank(user, filter),
});

export const getQuestionProcedure = defineProcedure({
  name: "quiz.question",
  input: questionIdInput,
  roles: STAFF_ROLES,
  handler: ({ questionId }, { user }) => getBankQuestion(user, questionId),
});

export const createQuestionProcedure = defineProcedure({
  name: "quiz.createQuestion",
  input: questionInputSchema,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: (input, { user }) => createQuestion(user, input),
});

export const updateQuestionProcedure = defineProcedure({
  name: "quiz.updateQuestion",
  input: z.intersection(questionIdInput, questionInputSchema),
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: ({ questionId, ...input }, { user }) => updateQuestion(user, questionId, input),
});

export const retireQuestionProcedure = defineProcedure({
  name: "quiz.retireQuestion",
  input: questionIdInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: ({ questionId }, { user }) => retireQuestion(user, questionId),
});

export const importGiftProcedure = defineProcedure({
  name: "quiz.importGift",
  input: giftImportInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: async ({ text, file, ...rest }, { user }) => {
    // An uploaded file (the form's file input) wins over pasted text.
    const uploaded = file instanceof Blob && file.size > 0 ? await readUpload(file) : null;
    return importGiftQuestions(user, { text: uploaded ?? text, ...rest });
  },
});

async function readUpload(file: Blob): Promise<string> {
  if (file.size > MAX_GIFT_BYTES) throw new ActionError("invalid", "The file is larger than 1 MB; split it into smaller files.", { file: ["file too large"] });
  const text = await file.text();
  if (text.includes("\u0000")) throw new ActionError("invalid", "That file is not text: upload a GIFT (.txt or .gift) file.", { file: ["not a text file"] });
  return text;
}

export const createQuizProcedure = defineProcedure({
  name: "quiz.createQuiz",
  input: quizInputSchema,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: (input, { user }) => createQuiz(user, input),
});

export const deleteQuizProcedure = defineProcedure({
  name: "quiz.deleteQuiz",
  input: quizIdInput,
  roles: STAFF_ROLES,
  handler: ({ quizId }, { user }) => deleteQuiz(user, quizId),
});
