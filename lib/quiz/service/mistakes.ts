/**
 * "Make a card" from a wrong answer: the note is built by the study logic's shared mistakes path
 * (lib/srs/mistakes.ts mistakeFromQuiz, the same one labs use) and stored in the learner's
 * Mistakes deck by the flashcard service, which deduplicates by the note's `source:quiz:<id>` tag —
 * the same mistake made twice gives one card.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { mistakeFromQuiz } from "@/lib/srs/mistakes";
import { addMistakeCard } from "@/lib/srs/db/mistakes";
import { indexesOf, parseIdList } from "../stored";
import type { MistakeCardResult } from "../views";
import type { QuizUser } from "./access";
import { loadQuestions } from "./attempt-views";

export async function makeMistakeCard(user: QuizUser, attemptId: string, questionId: string, db: Db = getDb()): Promise<MistakeCardResult> {
  const attempt = await db.examAttempt.findUnique({ where: { id: attemptId }, select: { id: true, userId: true, mode: true, submittedAt: true, questionIds: true } });
  if (!attempt || attempt.userId !== user.id) throw new ActionError("not_found", "There is no such attempt.");
  if (!parseIdList(attempt.questionIds).includes(questionId)) throw new ActionError("not_found", "That question is not part of this attempt.", { questionId: ["unknown question"] });
  // In an exam the answer key stays hidden until submission; a card would reveal it.
  if (attempt.mode === "exam" && !attempt.submittedAt) throw new ActionError("conflict", "Submit the exam first: cards are made from the review.");
  const answer = await db.examAnswer.findUnique({ where: { attemptId_questionId: { attemptId, questionId } } });
  const selected = answer ? parseIdList(answer.selected) : [];
  if (attempt.mode === "practice" && selected.length === 0) throw new ActionError("conflict", "Answer the question first.");
  const [question] = await loadQuestions(db, [questionId]);
  if (!question) throw new ActionError("not_found", "That question no longer exists.");
  const indexes = indexesOf(question, selected);
  const right = question.options.flatMap((o, i) => (o.correct ? [i] : []));
  const wasCorrect = answer?.correct ?? (indexes.length === right.length && right.every((i) => indexes.includes(i)));
  if (wasCorrect) throw new ActionError("invalid", "That answer was right: there is no mistake to learn from.", { questionId: ["this answer was correct"] });
  const note = mistakeFromQuiz({ question, selected: indexes });
  const added = await addMistakeCard(user.id, note, db);
  return { status: added.created ? "created" : "exists", noteId: added.noteId, deckId: added.deckId };
}
