/**
 * Sitting a quiz: start an attempt (the question set, option order and deadline are fixed at the
 * start), save answers as they are given, submit — by the learner, or by the server once the
 * deadline has passed. The server's clock is the only clock: every touch of an exam attempt past
 * its deadline (+ a few seconds' grace for the network) submits it, and answers after that are
 * refused, so a closed tab, a reload or a server restart changes nothing.
 */
import { randomBytes } from "node:crypto";
import { ActionError, fieldError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { autoSubmitDecision, canSaveAnswer, drawExam, examDeadline, remainingMs, SUBMIT_GRACE_MS } from "../exam";
import { gradePractice, optionOrder as practiceOptionOrder } from "../practice";
import { indexesOf, parseIdList, type StoredQuestion } from "../stored";
import type { AnswerState, AttemptMode, AttemptView, ResultView, SavedAnswer } from "../views";
import type { QuizUser } from "./access";
import { feedbackView, loadQuestions, parseOptionOrder, resultView, viewOptions } from "./attempt-views";
import { blueprintOf, quizQuestions, visibleQuiz } from "./quizzes";
import { scoreAttempt } from "../attempt-scoring";

/** Practice sessions on a draw quiz default to this many questions (the learner may ask for more). */
export const PRACTICE_DEFAULT_COUNT = 10;

export interface StartInput {
  quizId: string;
  mode: AttemptMode;
  /** Practice on a draw quiz: how many questions (default PRACTICE_DEFAULT_COUNT). */
  count?: number;
}

export interface StartedAttempt {
  attemptId: string;
  /** An unfinished attempt of the same quiz and mode was picked up instead of starting another. */
  resumed: boolean;
  /** When the bank could not fill the blueprint (lib/quiz/exam.ts drawExam notes). */
  notes: string[];
}

export async function startAttempt(user: QuizUser, input: StartInput, now = new Date(), db: Db = getDb()): Promise<StartedAttempt> {
  const quiz = await visibleQuiz(user, input.quizId, db);
  await sweepExpiredAttempts(user.id, now, db);
  // One open attempt per quiz and mode: a second click on "Start" (or a second tab) resumes it.
  const open = await db.examAttempt.findFirst({
    where: { userId: user.id, quizId: quiz.id, mode: input.mode, submittedAt: null },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  if (open) return { attemptId: open.id, resumed: true, notes: [] };

  const questions = await quizQuestions(quiz, db);
  if (questions.length === 0) throw new ActionError("conflict", "This quiz has no questions available right now.");
  const seed = randomBytes(8).toString("hex");
  let ordered: StoredQuestion[];
  let optionOrder: Record<string, string[]>;
  let notes: string[] = [];
  if (quiz.selection === "draw") {
    const count =
      input.mode === "exam" ? quiz.questionCount : Math.min(Math.max(1, input.count ?? PRACTICE_DEFAULT_COUNT), quiz.questionCount);
    const draw = drawExam(questions, blueprintOf(quiz), seed, count);
    const byId = new Map(questions.map((q) => [q.id, q]));
    ordered = draw.questionIds.map((id) => byId.get(id)!);
    optionOrder = Object.fromEntries(ordered.map((q) => [q.id, draw.optionOrder[q.id]!.map((i) => q.options[i]!.id)]));
    notes = draw.notes;
  } else {
    ordered = questions;
    optionOrder = Object.fromEntries(ordered.map((q) => [q.id, practiceOptionOrder(q, seed).map((i) => q.options[i]!.id)]));
    if (questions.length < quiz.questionCount) notes = [`${quiz.questionCount - questions.length} of this quiz's questions were retired, so it has ${questions.length}.`];
  }
  const row = await db.examAttempt.create({
    data: {
      userId: user.id,
      quizId: quiz.id,
      mode: input.mode,
      seed,
      questionIds: JSON.stringify(ordered.map((q) => q.id)),
      optionOrder: JSON.stringify(optionOrder),
      questionCount: ordered.length,
      durationMinutes: input.mode === "exam" ? quiz.durationMinutes : null,
      startedAt: now,
      deadline: input.mode === "exam" ? examDeadline(now, quiz.durationMinutes) : null,
    },
    select: { id: true },
  });
  return { attemptId: row.id, resumed: false, notes };
}

// ---------------------------------------------------------------------------------------------

const attemptInclude = { quiz: { select: { title: true, questionCount: true, durationMinutes: true, domainWeights: true } } } as const;

async function ownAttempt(user: QuizUser, attemptId: string, db: Db) {
  const attempt = typeof attemptId === "string" && attemptId.length <= 64
    ? await db.examAttempt.findUnique({ where: { id: attemptId }, include: attemptInclude })
    : null;
  // Someone else's attempt is reported like a missing one.
  if (!attempt || attempt.userId !== user.id) throw new ActionError("not_found", "There is no such attempt.");
  return attempt;
}

type AttemptRecord = Awaited<ReturnType<typeof ownAttempt>>;

const clockOf = (a: AttemptRecord) => ({ startedAt: a.startedAt, durationMinutes: a.durationMinutes ?? 0, submittedAt: a.submittedAt });

/** Exam attempt past its deadline and still open → submitted now (recorded at the deadline). Returns true if it did. */
async function submitIfExpired(a: AttemptRecord, now: Date, db: Db): Promise<boolean> {
  if (a.mode !== "exam" || a.submittedAt || a.durationMinutes === null) return false;
  const decision = autoSubmitDecision(clockOf(a), now);
  if (decision.action !== "submit") return false;
  await finalize(db, a.id, decision.submittedAt, true);
  return true;
}

/**
 * Submits every open exam attempt of the learner (or of everyone, without a user) whose deadline
 * and grace have passed. Pages that list attempts call it, so a closed tab is still scored.
 */
export async function sweepExpiredAttempts(userId: string | null, now = new Date(), db: Db = getDb()): Promise<number> {
  const expired = await db.examAttempt.findMany({
    where: { submittedAt: null, mode: "exam", deadline: { lt: new Date(now.getTime() - SUBMIT_GRACE_MS) }, ...(userId ? { userId } : {}) },
    select: { id: true, deadline: true },
  });
  let n = 0;
  for (const a of expired) if (await finalize(db, a.id, a.deadline!, true)) n++;
  return n;
}

/**
 * Writes the result of an attempt once. The conditional update is the claim: of two concurrent
 * submissions (the learner's click and the time-out) exactly one scores; the other sees it done.
 * Claiming first and reading the answers after means an answer saved concurrently either commits
 * before the claim (and is scored) or finds the attempt submitted (and is refused) — see saveAnswer.
 */
async function finalize(db: Db, attemptId: string, submittedAt: Date, autoSubmitted: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.examAttempt.updateMany({ where: { id: attemptId, submittedAt: null }, data: { submittedAt, autoSubmitted } });
    if (claimed.count === 0) return false;
    const attempt = await tx.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: attemptInclude });
    const answers = await tx.examAnswer.findMany({ where: { attemptId } });
    const questions = await loadQuestions(tx as unknown as Db, parseIdList(attempt.questionIds));
    const scored = scoreAttempt(attempt.mode, blueprintOf(attempt.quiz), questions, answers);
    const right = scored.perQuestion.filter((p) => p.correct).map((p) => p.id);
    if (attempt.mode === "exam") {
      await tx.examAnswer.updateMany({ where: { attemptId, questionId: { in: right } }, data: { correct: true } });
      await tx.examAnswer.updateMany({ where: { attemptId, questionId: { notIn: right } }, data: { correct: false } });
    }
    await tx.examAttempt.update({
      where: { id: attemptId },
      data: {
        correctCount: scored.correct,
        scaledScore: scored.scaledScore,
        passed: scored.passed,
        domainBreakdown: JSON.stringify(scored.perDomain),
      },
    });
    return true;
  });
}

export type OpenedAttempt = { status: "in-progress"; attempt: AttemptView } | { status: "submitted"; result: ResultView };

/** The attempt as the player shows it, or — once submitted (perhaps just now, at time-out) — its result. */
export async function openAttempt(user: QuizUser, attemptId: string, now = new Date(), db: Db = getDb()): Promise<OpenedAttempt> {
  let attempt = await ownAttempt(user, attemptId, db);
  if (await submitIfExpired(attempt, now, db)) attempt = await ownAttempt(user, attemptId, db);
  const questions = await loadQuestions(db, parseIdList(attempt.questionIds));
  const answers = await db.examAnswer.findMany({ where: { attemptId: attempt.id } });
  if (attempt.submittedAt) return { status: "submitted", result: resultView(attempt, questions, answers) };

  const order = parseOptionOrder(attempt.optionOrder);
  const states: Record<string, AnswerState> = {};
  for (const a of answers) states[a.questionId] = { selected: parseIdList(a.selected), flagged: a.flagged, answeredAt: a.answeredAt?.toISOString() ?? null };
  const byId = new Map(questions.map((q) => [q.id, q]));
  const feedback: AttemptView["feedback"] = {};
  if (attempt.mode === "practice") {
    for (const a of answers) {
      const q = byId.get(a.questionId);
      const selected = parseIdList(a.selected);
      if (q && selected.length) feedback[q.id] = feedbackView(q, selected, order[q.id]);
    }
  }
  return {
    status: "in-progress",
    attempt: {
      id: attempt.id,
      quizId: attempt.quizId,
      quizTitle: attempt.quiz.title,
      mode: attempt.mode,
      status: "in-progress",
      startedAt: attempt.startedAt.toISOString(),
      deadline: attempt.deadline?.toISOString() ?? null,
      serverNow: now.toISOString(),
      durationMinutes: attempt.durationMinutes,
      questions: questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        type: q.type,
        choose: q.type === "multiple" ? (q.choose ?? q.options.filter((o) => o.correct).length) : null,
        stem: q.stem,
        options: viewOptions(q, order[q.id]).map((o) => ({ id: o.id, text: o.text })),
      })),
      answers: states,
      feedback,
    },
  };
}

export async function getResult(user: QuizUser, attemptId: string, now = new Date(), db: Db = getDb()): Promise<ResultView> {
  const opened = await openAttempt(user, attemptId, now, db);
  if (opened.status !== "submitted") throw new ActionError("conflict", "This attempt is still in progress: submit it to see the result.");
  return opened.result;
}

// ---------------------------------------------------------------------------------------------
// Answers

export interface AnswerInput {
  attemptId: string;
  questionId: string;
  /** Option ids; absent = keep the current selection (e.g. only flagging). */
  selected?: string[];
  flagged?: boolean;
}

export async function saveAnswer(user: QuizUser, input: AnswerInput, now = new Date(), db: Db = getDb()): Promise<SavedAnswer> {
  const attempt = await ownAttempt(user, input.attemptId, db);
  if (attempt.submittedAt) throw new ActionError("conflict", "This attempt was already submitted; answers can no longer change.");
  if (attempt.mode === "exam" && !canSaveAnswer(clockOf(attempt), now)) {
    await submitIfExpired(attempt, now, db);
    throw new ActionError("conflict", "Time is up: the exam was submitted at its deadline, and this answer came too late to count.");
  }
  const ids = parseIdList(attempt.questionIds);
  if (!ids.includes(input.questionId)) throw fieldError("questionId", "That question is not part of this attempt.", "not_found");
  const [question] = await loadQuestions(db, [input.questionId]);
  if (!question) throw fieldError("questionId", "That question no longer exists.", "not_found");
  if (input.selected === undefined && input.flagged === undefined) throw new ActionError("invalid", "Send a selection, a flag, or both.");

  let selected: string[] | undefined;
  if (input.selected !== undefined) {
    selected = [...new Set(input.selected)];
    const unknown = selected.filter((id) => !question.options.some((o) => o.id === id));
    if (unknown.length) throw fieldError("selected", `No such option in this question: ${unknown.join(", ")}.`);
    if (question.type === "single" && selected.length > 1) throw fieldError("selected", "This question has one answer: choose one option.");
  }

  const order = parseOptionOrder(attempt.optionOrder)[question.id];
  const key = { attemptId_questionId: { attemptId: attempt.id, questionId: question.id } };
  const existing = await db.examAnswer.findUnique({ where: key });

  let practiceCorrect: boolean | undefined;
  if (attempt.mode === "practice") {
    const given = existing ? parseIdList(existing.selected) : [];
    if (selected !== undefined && given.length) {
      // Practice answers are final once graded; a retried request with the same answer is fine.
      if (given.length !== selected.length || given.some((id) => !selected!.includes(id))) {
        throw new ActionError("conflict", "You already answered this question; its feedback is below.");
      }
      selected = undefined;
    } else if (selected !== undefined) {
      const graded = gradePractice(question, indexesOf(question, selected));
      if (!graded.ok) throw fieldError("selected", graded.error.charAt(0).toUpperCase() + graded.error.slice(1) + ".");
      practiceCorrect = graded.feedback.correct;
    }
  }

  const saved = await db.$transaction(async (tx) => {
    // Take the attempt's row lock (PostgreSQL; the write lock on SQLite) while it is still open, so
    // a submission cannot score between this check and the write (see finalize).
    const open = await tx.examAttempt.updateMany({ where: { id: attempt.id, submittedAt: null }, data: { submittedAt: null } });
    if (open.count === 0) throw new ActionError("conflict", "This attempt was already submitted; answers can no longer change.");
    const changes = {
      ...(selected !== undefined ? { selected: JSON.stringify(selected), answeredAt: selected.length ? now : null } : {}),
      ...(input.flagged !== undefined ? { flagged: input.flagged } : {}),
      ...(practiceCorrect !== undefined ? { correct: practiceCorrect } : {}),
    };
    return tx.examAnswer.upsert({
      where: key,
      create: { attemptId: attempt.id, questionId: question.id, selected: JSON.stringify(selected ?? []), flagged: input.flagged ?? false, answeredAt: selected?.length ? now : null, correct: practiceCorrect ?? null },
      update: changes,
    });
  });

  const finalSelected = parseIdList(saved.selected);
  return {
    questionId: question.id,
    selected: finalSelected,
    flagged: saved.flagged,
    answeredAt: saved.answeredAt?.toISOString() ?? null,
    remainingMs: attempt.deadline ? remainingMs(now, attempt.deadline) : null,
    feedback: attempt.mode === "practice" && finalSelected.length ? feedbackView(question, finalSelected, order) : null,
  };
}

export async function submitAttempt(user: QuizUser, attemptId: string, now = new Date(), db: Db = getDb()): Promise<ResultView> {
  const attempt = await ownAttempt(user, attemptId, db);
  if (!(await submitIfExpired(attempt, now, db)) && !attempt.submittedAt) {
    // The player submits by itself when its countdown reaches zero, within the grace period: that
    // is still a time-out, recorded at the deadline.
    const timedOut = attempt.deadline !== null && now >= attempt.deadline;
    await finalize(db, attempt.id, timedOut ? attempt.deadline! : now, timedOut);
  }
  return getResult(user, attemptId, now, db);
}
