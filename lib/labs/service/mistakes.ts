/**
 * "Make a card" from a wrong prediction: the flashcard note for the learner's Mistakes deck, built
 * by the study logic's shared mistakes path (lib/srs/mistakes.ts mistakeFromLab) and stored by the
 * study service's addMistakeCard, so lab and quiz mistakes look alike and the same mistake made
 * twice gives one card (deduplicated by its `source:lab:<lab>:<question>` ref).
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { addMistakeCard, type MistakeCardResult } from "@/lib/srs/db/mistakes";
import { mistakeFromLab, type MistakeNote } from "@/lib/srs/mistakes";
import type { QuestionResult } from "../types";
import type { LabUser } from "./access";
import { instanceFor } from "./variant-runs";
import { findVersionById } from "./versions";

export async function labMistakeNote(user: LabUser, attemptId: string, questionId: string, db: Db = getDb()): Promise<MistakeNote> {
  const attempt = await db.labAttempt.findUnique({ where: { id: attemptId }, include: { lab: { select: { slug: true } } } });
  // Someone else's attempt is reported like a missing one.
  if (!attempt || attempt.userId !== user.id) throw new ActionError("not_found", "There is no such attempt.");
  const result = (JSON.parse(attempt.results) as Omit<QuestionResult, "explanation">[]).find((r) => r.id === questionId);
  if (!result) throw new ActionError("not_found", `That attempt has no question "${questionId}".`, { questionId: ["unknown question"] });
  if (result.correct) throw new ActionError("invalid", "That prediction was right: there is no mistake to learn from.", { questionId: ["this prediction was correct"] });
  const version = await findVersionById(attempt.labVersionId, db);
  if (!version) throw new ActionError("not_found", "That lab version no longer exists.");
  const instance = instanceFor(version, attempt.variantIndex);
  const question = instance.questions.find((q) => q.id === questionId)!;
  return mistakeFromLab({
    labId: attempt.lab.slug,
    labTitle: instance.title,
    questionId,
    prompt: question.prompt,
    predicted: result.prediction,
    actual: result.truth,
    explanation: question.explanation,
    domains: instance.domains,
    topics: instance.topics,
  });
}

/** "Make a card": the wrong prediction becomes (or points at the existing) card in the Mistakes deck. */
export async function makeMistakeCard(user: LabUser, attemptId: string, questionId: string, db: Db = getDb()): Promise<MistakeCardResult> {
  return addMistakeCard(user.id, await labMistakeNote(user, attemptId, questionId, db), db);
}
