// Quizzes against a real database: the built-in bank loader, exam attempts (draw, resume, answers
// saved as given, the deadline and auto-submission, scoring, concurrent submission), practice
// mode, the bank for authors (form errors, option ids, retirement, GIFT import), assembled
// quizzes and who may see them, and "make a card" into the Mistakes deck.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runProcedure, type RequestContext } from "@/lib/actions";
import { ActionError } from "@/lib/actions/errors";
import type { AccountUser } from "@/lib/auth/accounts";
import { loadBuiltInBank } from "@/lib/quiz/content-loader";
import { SUBMIT_GRACE_MS } from "@/lib/quiz/exam";
import { createQuestionProcedure, importGiftProcedure, saveAnswerProcedure, updateQuestionProcedure } from "@/lib/quiz/procedures";
import { openAttempt, saveAnswer, startAttempt, submitAttempt, sweepExpiredAttempts } from "@/lib/quiz/service/attempts";
import { loadDashboard } from "@/lib/quiz/service/dashboard";
import { createQuestion, getBankQuestion, importGiftQuestions, listBank, retireQuestion, updateQuestion } from "@/lib/quiz/service/bank";
import { makeMistakeCard } from "@/lib/quiz/service/mistakes";
import { BUILTIN_EXAM_KEY, createQuiz, listQuizzes } from "@/lib/quiz/service/quizzes";
import { fromRow } from "@/lib/quiz/stored";
import type { AttemptView } from "@/lib/quiz/views";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "quiz" });
const root = process.cwd();

beforeEach(async () => {
  await testDb.reset();
});

async function user(email: string, role: AccountUser["role"] = "learner"): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role }, select: { id: true, email: true, name: true, role: true } });
}

const as = (u: AccountUser | null): RequestContext => ({ getUser: async () => u, ip: "127.0.0.1" });

async function builtInExamId(): Promise<string> {
  return (await testDb.db.quiz.findUniqueOrThrow({ where: { builtinKey: BUILTIN_EXAM_KEY } })).id;
}

/** The right option ids of a question, from the database (the player never gets them). */
async function rightIds(questionId: string): Promise<string[]> {
  const q = fromRow(await testDb.db.question.findUniqueOrThrow({ where: { id: questionId } }));
  return q.options.filter((o) => o.correct).map((o) => o.id);
}
async function wrongId(questionId: string): Promise<string> {
  const q = fromRow(await testDb.db.question.findUniqueOrThrow({ where: { id: questionId } }));
  return q.options.find((o) => !o.correct)!.id;
}

async function inProgress(u: AccountUser, attemptId: string, now?: Date): Promise<AttemptView> {
  const opened = await openAttempt(u, attemptId, now);
  if (opened.status !== "in-progress") throw new Error("expected an attempt in progress");
  return opened.attempt;
}

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe("built-in bank loader", () => {
  it("loads every question and the practice exam once; a second load changes nothing", async () => {
    const first = await loadBuiltInBank(testDb.db, root);
    const count = await testDb.db.question.count();
    expect(count).toBeGreaterThanOrEqual(80);
    expect(first).toEqual({ added: count + 1, updated: 0, archived: 0 });
    const exam = await testDb.db.quiz.findUniqueOrThrow({ where: { builtinKey: BUILTIN_EXAM_KEY } });
    expect(exam).toMatchObject({ title: "Practice exam (DVA-C02 format)", selection: "draw", questionCount: 65, durationMinutes: 130, visibility: "public", ownerId: null });
    const before = await testDb.db.question.findMany({ orderBy: { id: "asc" } });
    expect(await loadBuiltInBank(testDb.db, root)).toEqual({ added: 0, updated: 0, archived: 0 });
    expect(await testDb.db.question.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("keeps option ids across a typo fix and a reorder, and archives a question that left the files", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quiz-bank-"));
    fs.mkdirSync(path.join(dir, "content", "questions"), { recursive: true });
    const file = path.join(dir, "content", "questions", "t.yaml");
    const question = (id: string, options: string) =>
      `  - id: ${id}\n    type: single\n    domain: security\n    topics: [permissions]\n    difficulty: easy\n    stem: "Which policy?"\n    options:\n${options}    source: "[AsyncErr]"\n`;
    const opt = (text: string, correct: boolean) => `      - { text: "${text}", correct: ${correct}, explanation: "because" }\n`;
    fs.writeFileSync(file, `bank: { id: t, name: T }\nquestions:\n${question("q1", opt("Resource policy", true) + opt("Role", false) + opt("SCP", false))}${question("q2", opt("A", true) + opt("B", false) + opt("C", false))}`);
    await loadBuiltInBank(testDb.db, dir);
    const before = fromRow(await testDb.db.question.findUniqueOrThrow({ where: { builtinKey: "t/q1" } })).options;

    // "Role" → "Execution role" (typo-level change at the same place), SCP moves first.
    fs.writeFileSync(file, `bank: { id: t, name: T }\nquestions:\n${question("q1", opt("SCP", false) + opt("Resource policy", true) + opt("Execution role", false))}`);
    expect(await loadBuiltInBank(testDb.db, dir)).toMatchObject({ updated: 1, archived: 1 });
    const after = fromRow(await testDb.db.question.findUniqueOrThrow({ where: { builtinKey: "t/q1" } })).options;
    const idOf = (opts: typeof before, text: string) => opts.find((o) => o.text === text)!.id;
    expect(idOf(after, "SCP")).toBe(idOf(before, "SCP"));
    expect(idOf(after, "Resource policy")).toBe(idOf(before, "Resource policy"));
    expect(new Set(after.map((o) => o.id)).size).toBe(3);
    expect((await testDb.db.question.findUniqueOrThrow({ where: { builtinKey: "t/q2" } })).archived).toBe(true);
  });
});

describe("exam attempts", () => {
  beforeEach(async () => {
    await loadBuiltInBank(testDb.db, root);
  });

  it("draws 65 questions by the DVA-C02 weights, fixes a 130-minute deadline, and resumes instead of starting twice", async () => {
    const lee = await user("lee@example.com");
    const quizId = await builtInExamId();
    const t0 = new Date("2026-03-02T10:00:00Z");
    const started = await startAttempt(lee, { quizId, mode: "exam" }, t0);
    expect(started.resumed).toBe(false);
    const view = await inProgress(lee, started.attemptId, minutes(t0, 1));
    expect(view.questions).toHaveLength(65);
    expect(view.deadline).toBe(minutes(t0, 130).toISOString());
    expect(view.serverNow).toBe(minutes(t0, 1).toISOString());
    // No answer key before submission.
    expect(JSON.stringify(view)).not.toMatch(/"correct"|explanation/);
    const rows = await testDb.db.question.findMany({ where: { id: { in: view.questions.map((q) => q.id) } }, select: { domain: true } });
    const perDomain = Object.fromEntries(["development", "security", "deployment", "troubleshooting"].map((d) => [d, rows.filter((r) => r.domain === d).length]));
    expect(perDomain).toEqual({ development: 21, security: 17, deployment: 15, troubleshooting: 12 });

    const again = await startAttempt(lee, { quizId, mode: "exam" }, minutes(t0, 2));
    expect(again).toEqual({ attemptId: started.attemptId, resumed: true, notes: [] });
  });

  it("saves answers as given (an upsert), keeps flags, refuses bad options, and hides other people's attempts", async () => {
    const lee = await user("lee@example.com");
    const eve = await user("eve@example.com");
    // Procedures run on the real clock: start this attempt now.
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "exam" }, t0);
    const view = await inProgress(lee, attemptId, t0);
    const single = view.questions.find((q) => q.type === "single")!;
    const [a, b] = single.options;

    await saveAnswer(lee, { attemptId, questionId: single.id, selected: [a!.id] }, minutes(t0, 1));
    await saveAnswer(lee, { attemptId, questionId: single.id, selected: [a!.id] }, minutes(t0, 1));
    await saveAnswer(lee, { attemptId, questionId: single.id, flagged: true }, minutes(t0, 2));
    const saved = await saveAnswer(lee, { attemptId, questionId: single.id, selected: [b!.id] }, minutes(t0, 3));
    expect(saved).toMatchObject({ selected: [b!.id], flagged: true, answeredAt: minutes(t0, 3).toISOString(), remainingMs: 127 * 60_000, feedback: null });
    expect(await testDb.db.examAnswer.count({ where: { attemptId } })).toBe(1);

    // A reload (a new view from the database) shows exactly what was given.
    expect((await inProgress(lee, attemptId, minutes(t0, 4))).answers[single.id]).toEqual({ selected: [b!.id], flagged: true, answeredAt: minutes(t0, 3).toISOString() });

    const r1 = await runProcedure(saveAnswerProcedure, { attemptId, questionId: single.id, selected: [a!.id, b!.id] }, as(lee));
    expect(r1).toMatchObject({ ok: false, code: "invalid", fieldErrors: { selected: ["This question has one answer: choose one option."] } });
    const r2 = await runProcedure(saveAnswerProcedure, { attemptId, questionId: single.id, selected: ["nope"] }, as(lee));
    expect(r2).toMatchObject({ ok: false, code: "invalid", fieldErrors: { selected: ["No such option in this question: nope."] } });
    const r3 = await runProcedure(saveAnswerProcedure, { attemptId, questionId: "not-in-it", selected: [] }, as(lee));
    expect(r3).toMatchObject({ ok: false, code: "not_found" });
    const r4 = await runProcedure(saveAnswerProcedure, { attemptId, questionId: single.id, selected: [a!.id] }, as(eve));
    expect(r4).toMatchObject({ ok: false, code: "not_found", error: "There is no such attempt." });
    const r5 = await runProcedure(saveAnswerProcedure, { attemptId, questionId: single.id, selected: [a!.id] }, as(null));
    expect(r5).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("accepts answers within the grace after the deadline, refuses later ones and submits at the deadline", async () => {
    const lee = await user("lee@example.com");
    const t0 = new Date("2026-03-02T10:00:00Z");
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "exam" }, t0);
    const view = await inProgress(lee, attemptId, t0);
    const [q1, q2] = view.questions;
    const deadline = minutes(t0, 130);

    await saveAnswer(lee, { attemptId, questionId: q1!.id, selected: await rightIds(q1!.id) }, new Date(deadline.getTime() + SUBMIT_GRACE_MS - 1000));
    await expect(saveAnswer(lee, { attemptId, questionId: q2!.id, selected: await rightIds(q2!.id) }, new Date(deadline.getTime() + SUBMIT_GRACE_MS + 1000))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Time is up/),
    });
    const row = await testDb.db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row).toMatchObject({ submittedAt: deadline, autoSubmitted: true, correctCount: 1, questionCount: 65 });
    expect(await testDb.db.examAnswer.count({ where: { attemptId } })).toBe(1);
    const opened = await openAttempt(lee, attemptId, minutes(deadline, 10));
    expect(opened.status).toBe("submitted");
  });

  it("submits an abandoned exam on the next touch (opening it, or the sweep)", async () => {
    const lee = await user("lee@example.com");
    const quizId = await builtInExamId();
    const t0 = new Date("2026-03-02T10:00:00Z");
    const a = await startAttempt(lee, { quizId, mode: "exam" }, t0);
    const opened = await openAttempt(lee, a.attemptId, minutes(t0, 200));
    expect(opened.status).toBe("submitted");
    if (opened.status !== "submitted") return;
    expect(opened.result).toMatchObject({ autoSubmitted: true, submittedAt: minutes(t0, 130).toISOString(), correct: 0, scaledScore: 100, passed: false, answered: 0 });
    expect(opened.result.review).toHaveLength(65);

    const b = await startAttempt(lee, { quizId, mode: "exam" }, minutes(t0, 300));
    expect(b.resumed).toBe(false);
    expect(await sweepExpiredAttempts(lee.id, minutes(t0, 300 + 129))).toBe(0);
    expect(await sweepExpiredAttempts(lee.id, minutes(t0, 300 + 131))).toBe(1);
    expect((await testDb.db.examAttempt.findUniqueOrThrow({ where: { id: b.attemptId } })).autoSubmitted).toBe(true);
  });

  it("scores multiple response all-or-nothing, scales 100–1000 with 720 to pass, and breaks the score down by domain", async () => {
    const lee = await user("lee@example.com");
    const t0 = new Date("2026-03-02T10:00:00Z");
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "exam" }, t0);
    const view = await inProgress(lee, attemptId, t0);
    const multiple = view.questions.find((q) => q.type === "multiple")!;
    const right = await rightIds(multiple.id);
    // One right option only: wrong under all-or-nothing.
    await saveAnswer(lee, { attemptId, questionId: multiple.id, selected: [right[0]!] }, minutes(t0, 1));
    // 47 of the other 64 right (72.3 % of 65 → 720 is at 46.8 correct): a pass.
    const others = view.questions.filter((q) => q.id !== multiple.id).slice(0, 47);
    for (const q of others) await saveAnswer(lee, { attemptId, questionId: q.id, selected: await rightIds(q.id) }, minutes(t0, 2));
    const result = await submitAttempt(lee, attemptId, minutes(t0, 60));
    expect(result).toMatchObject({ correct: 47, total: 65, answered: 48, passed: true, autoSubmitted: false, submittedAt: minutes(t0, 60).toISOString() });
    expect(result.scaledScore).toBeGreaterThanOrEqual(720);
    expect(result.scaledScore).toBeLessThan(730);
    expect(result.scalingExplanation).toMatch(/72% of the questions/);
    expect(result.perDomain.reduce((s, d) => s + d.total, 0)).toBe(65);
    expect(result.perDomain.reduce((s, d) => s + d.correct, 0)).toBe(47);
    // The review shows every question's options in the order the learner saw them.
    for (const q of view.questions) expect(result.review.find((r) => r.id === q.id)!.options.map((o) => o.id)).toEqual(q.options.map((o) => o.id));
    const reviewed = result.review.find((r) => r.id === multiple.id)!;
    expect(reviewed).toMatchObject({ correct: false, answered: true, canMakeCard: true });
    expect(reviewed.options.filter((o) => o.verdict === "right-missed")).toHaveLength(right.length - 1);
    expect(reviewed.options.every((o) => o.explanation.length > 0)).toBe(true);
    const stored = await testDb.db.examAnswer.findUniqueOrThrow({ where: { attemptId_questionId: { attemptId, questionId: multiple.id } } });
    expect(stored.correct).toBe(false);

    // Submitting again changes nothing; answering after submission is refused.
    expect(await submitAttempt(lee, attemptId, minutes(t0, 61))).toEqual({ ...result });
    await expect(saveAnswer(lee, { attemptId, questionId: multiple.id, selected: right }, minutes(t0, 62))).rejects.toMatchObject({ code: "conflict" });
  });

  it("scores once when the learner's submit races the time-out, and no answer is lost or counted after it", async () => {
    const lee = await user("lee@example.com");
    const t0 = new Date("2026-03-02T10:00:00Z");
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "exam" }, t0);
    const view = await inProgress(lee, attemptId, t0);
    const answers = await Promise.all(view.questions.slice(0, 10).map(async (q) => ({ q, right: await rightIds(q.id) })));
    const at = minutes(t0, 130);
    const results = await Promise.allSettled([
      ...answers.map(({ q, right }) => saveAnswer(lee, { attemptId, questionId: q.id, selected: right }, at)),
      submitAttempt(lee, attemptId, at),
      openAttempt(lee, attemptId, minutes(t0, 131)),
    ]);
    const acknowledged = results.slice(0, 10).filter((r) => r.status === "fulfilled").length;
    const row = await testDb.db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    // Every acknowledged answer was stored before the claim and is scored; refused ones are not stored.
    expect(await testDb.db.examAnswer.count({ where: { attemptId } })).toBe(acknowledged);
    expect(row.correctCount).toBe(acknowledged);
    expect(row.submittedAt).toEqual(at);
  });
});

describe("practice mode", () => {
  beforeEach(async () => {
    await loadBuiltInBank(testDb.db, root);
  });

  it("grades each answer at once with every option's explanation; answers are final; finishing scores what was answered", async () => {
    const lee = await user("lee@example.com");
    const t0 = new Date("2026-03-02T10:00:00Z");
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "practice", count: 5 }, t0);
    const view = await inProgress(lee, attemptId, t0);
    expect(view).toMatchObject({ mode: "practice", deadline: null, durationMinutes: null });
    expect(view.questions).toHaveLength(5);
    const [q1, q2] = view.questions;

    const wrong = await saveAnswer(lee, { attemptId, questionId: q1!.id, selected: [await wrongId(q1!.id)] }, t0);
    expect(wrong.feedback).toMatchObject({ correct: false });
    expect(wrong.feedback!.options.map((o) => o.id)).toEqual(q1!.options.map((o) => o.id));
    expect(wrong.feedback!.options.every((o) => o.explanation)).toBe(true);
    // The same answer again (a retried request) is fine; a different one is refused.
    expect((await saveAnswer(lee, { attemptId, questionId: q1!.id, selected: [await wrongId(q1!.id)] }, t0)).feedback).toEqual(wrong.feedback);
    await expect(saveAnswer(lee, { attemptId, questionId: q1!.id, selected: await rightIds(q1!.id) }, t0)).rejects.toMatchObject({ code: "conflict" });
    await expect(saveAnswer(lee, { attemptId, questionId: q2!.id, selected: [] }, t0)).rejects.toMatchObject({ code: "invalid" });

    const right = await saveAnswer(lee, { attemptId, questionId: q2!.id, selected: await rightIds(q2!.id) }, t0);
    expect(right.feedback).toMatchObject({ correct: true, summary: "Correct." });
    // A reload brings the feedback back.
    expect(Object.keys((await inProgress(lee, attemptId, t0)).feedback).sort()).toEqual([q1!.id, q2!.id].sort());

    const result = await submitAttempt(lee, attemptId, minutes(t0, 5));
    expect(result).toMatchObject({ mode: "practice", total: 2, answered: 2, correct: 1, scaledScore: null, passed: null });
    expect(result.review.map((r) => r.id)).toEqual([q1!.id, q2!.id]);
  });
});

describe("the bank for authors", () => {
  const validQuestion = {
    type: "multiple",
    domain: "security",
    difficulty: "medium",
    topics: "permissions, Event Source Mapping",
    stem: "Which TWO permissions does an SQS event source mapping need on the execution role?",
    "options.0.text": "sqs:ReceiveMessage",
    "options.0.correct": "on",
    "options.0.explanation": "The poller reads messages.",
    "options.1.text": "sqs:DeleteMessage",
    "options.1.correct": "on",
    "options.1.explanation": "Successful batches are deleted.",
    "options.2.text": "sqs:SendMessage",
    "options.2.explanation": "Only to send, not poll.",
  };

  it("refuses learners, and reports form errors at the fields the form shows", async () => {
    const lee = await user("lee@example.com");
    const ivy = await user("ivy@example.com", "instructor");
    expect(await runProcedure(createQuestionProcedure, validQuestion, as(lee))).toMatchObject({ ok: false, code: "forbidden" });
    const bad = await runProcedure(createQuestionProcedure, { ...validQuestion, "options.1.correct": undefined, "options.2.explanation": "  ", "options.2.text": "SQS:ReceiveMessage", stem: "" }, as(ivy));
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (bad.ok) return;
    expect(bad.fieldErrors).toEqual({
      stem: ["Write the question."],
      "options.2.explanation": ["Explain why this option is right or wrong."],
      options: ["A multiple-response question needs at least two correct options (1 marked)."],
      "options.2.text": ["Same text as option 1."],
    });
    expect(bad.values?.stem).toBe("");

    const ok = await runProcedure(createQuestionProcedure, validQuestion, as(ivy));
    expect(ok.ok).toBe(true);
    const stored = await getBankQuestion(ivy, ok.ok ? ok.data.id : "", testDb.db);
    expect(stored).toMatchObject({ type: "multiple", choose: 2, topics: ["permissions", "event-source-mapping"], domain: "security", ownerId: ivy.id, editable: true });
  });

  it("keeps option ids through an edit, shows authors only built-in and their own questions, and archives answered ones", async () => {
    await loadBuiltInBank(testDb.db, root);
    const ivy = await user("ivy@example.com", "instructor");
    const ian = await user("ian@example.com", "instructor");
    const input = {
      type: "single" as const, domain: "deployment" as const, difficulty: "easy" as const, topics: ["aliases"], stem: "Which alias setting shifts 10 % of traffic?",
      options: [
        { text: "RoutingConfig", correct: true, explanation: "Weighted alias." },
        { text: "Qualifier", correct: false, explanation: "Names a version." },
      ],
    };
    const { id } = await createQuestion(ivy, input);
    const before = await getBankQuestion(ivy, id);
    const r = await runProcedure(
      updateQuestionProcedure,
      { questionId: id, ...input, options: [{ id: "bogus", text: "Provisioned concurrency", correct: false, explanation: "Warm environments." }, { ...input.options[0], id: before.options[0]!.id }, { ...input.options[1], id: before.options[1]!.id }] },
      as(ivy),
    );
    expect(r.ok).toBe(true);
    const after = await getBankQuestion(ivy, id);
    expect(after.options.slice(1).map((o) => o.id)).toEqual(before.options.map((o) => o.id));
    expect(before.options.map((o) => o.id)).not.toContain(after.options[0]!.id);

    expect((await listBank(ian, { owner: "mine" })).length).toBe(0);
    expect((await listBank(ian)).some((q) => q.id === id)).toBe(false);
    expect((await listBank(ivy, { owner: "mine" })).map((q) => q.id)).toEqual([id]);
    await expect(updateQuestion(ian, id, input)).rejects.toMatchObject({ code: "not_found" });
    const builtin = (await listBank(ivy, { owner: "builtin" }))[0]!;
    await expect(updateQuestion(ivy, builtin.id, input)).rejects.toMatchObject({ code: "forbidden" });

    // Unused: deleted. Used in an attempt: archived, and kept for that attempt's review.
    const spare = await createQuestion(ivy, { ...input, stem: "Spare" });
    expect(await retireQuestion(ivy, spare.id)).toEqual({ id: spare.id, archived: false });
    const quiz = await createQuiz(ivy, { selection: "fixed", title: "Aliases", questionIds: [id], durationMinutes: 5, visibility: "public" });
    const lee = await user("lee@example.com");
    const { attemptId } = await startAttempt(lee, { quizId: quiz.id, mode: "exam" });
    expect(await retireQuestion(ivy, id)).toEqual({ id, archived: true });
    expect((await listBank(ivy, { owner: "mine" })).length).toBe(0);
    expect((await inProgress(lee, attemptId)).questions.map((q) => q.id)).toEqual([id]);
  });

  it("imports the good GIFT questions and lists each bad one with its number and line; a dry run writes nothing", async () => {
    const ivy = await user("ivy@example.com", "instructor");
    const gift = [
      "$CATEGORY: dva/security",
      "",
      "::Role::Which identity does Lambda use to call other services? {=The execution role#Assumed by the service. ~The caller's credentials#No. ~The root user#Never.}",
      "",
      "::Essay::Explain cold starts. {}",
      "",
      "::Weights::Which TWO? {~%50%a ~%50%b ~%-100%c}",
      "",
      "::Bad weights::Pick {~%40%a ~%40%b ~c}",
    ].join("\n");
    const dry = await importGiftQuestions(ivy, { text: gift, dryRun: true });
    expect(dry.imported.map((q) => [q.question, q.title, q.type, q.domain])).toEqual([
      [1, "role", "single", "security"],
      [3, "weights", "multiple", "security"],
    ]);
    expect(dry.errors.map((e) => [e.question, e.line])).toEqual([
      [2, 5],
      [4, 9],
    ]);
    expect(dry.errors[1]!.text).toBe('question 4 "Bad weights" (line 9): the positive weights add up to 80%, expected 100%');
    expect(await testDb.db.question.count()).toBe(0);

    const real = await runProcedure(importGiftProcedure, { text: gift }, as(ivy));
    expect(real).toMatchObject({ ok: true, data: { dryRun: false } });
    expect(await testDb.db.question.count({ where: { ownerId: ivy.id } })).toBe(2);
    const again = await importGiftQuestions(ivy, { text: gift });
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.question)).toEqual([1, 3]);

    const upload = await runProcedure(importGiftProcedure, { text: "", file: new Blob(["::New::Q {=a ~b}"]), defaultDomain: "deployment" }, as(ivy));
    expect(upload).toMatchObject({ ok: true, data: { imported: [{ title: "new", domain: "deployment" }] } });
  });
});

describe("assembled quizzes", () => {
  it("draws from the built-in bank plus the author's own questions, and hides private quizzes", async () => {
    await loadBuiltInBank(testDb.db, root);
    const ivy = await user("ivy@example.com", "instructor");
    const lee = await user("lee@example.com");
    const bank = await testDb.db.question.count();
    await expect(createQuiz(ivy, { selection: "draw", title: "Too big", questionCount: bank + 1, durationMinutes: 30, visibility: "public" })).rejects.toMatchObject({
      fieldErrors: { questionCount: [`The bank you draw from has ${bank} question(s); ask for at most that many.`] },
    });
    const security = await createQuiz(ivy, { selection: "draw", title: "Security only", questionCount: 10, durationMinutes: 20, visibility: "private", domainWeights: { development: 0, security: 1, deployment: 0, troubleshooting: 0 } });
    await expect(startAttempt(lee, { quizId: security.id, mode: "exam" })).rejects.toMatchObject({ code: "not_found" });
    expect((await listQuizzes(lee)).map((q) => q.title)).toEqual(["Practice exam (DVA-C02 format)"]);
    const mine = await startAttempt(ivy, { quizId: security.id, mode: "exam" });
    const view = await inProgress(ivy, mine.attemptId);
    expect(view.durationMinutes).toBe(20);
    const domains = await testDb.db.question.findMany({ where: { id: { in: view.questions.map((q) => q.id) } }, select: { domain: true } });
    expect(domains.every((d) => d.domain === "security")).toBe(true);
    expect((await listQuizzes(ivy)).find((q) => q.id === security.id)).toMatchObject({ mine: true, inProgress: [{ attemptId: mine.attemptId, mode: "exam" }] });
  });
});

describe("make a card from a wrong answer", () => {
  it("adds one card to the learner's Mistakes deck per mistake, only after the exam is submitted, never from a right answer", async () => {
    await loadBuiltInBank(testDb.db, root);
    const lee = await user("lee@example.com");
    const t0 = new Date();
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "exam" }, t0);
    const view = await inProgress(lee, attemptId, t0);
    const [wrongQ, rightQ] = view.questions;
    await saveAnswer(lee, { attemptId, questionId: wrongQ!.id, selected: [await wrongId(wrongQ!.id)] }, t0);
    await saveAnswer(lee, { attemptId, questionId: rightQ!.id, selected: await rightIds(rightQ!.id) }, t0);
    await expect(makeMistakeCard(lee, attemptId, wrongQ!.id)).rejects.toMatchObject({ code: "conflict" });
    await submitAttempt(lee, attemptId, t0);

    const first = await makeMistakeCard(lee, attemptId, wrongQ!.id);
    expect(first.status).toBe("created");
    const second = await makeMistakeCard(lee, attemptId, wrongQ!.id);
    expect(second).toEqual({ ...first, status: "exists" });
    const note = await testDb.db.note.findUniqueOrThrow({ where: { id: first.noteId }, include: { deck: true, cards: true } });
    expect(note.deck.kind).toBe("mistakes");
    expect(note.cards).toHaveLength(1);
    expect(note.sourceRef).toBe(`source:quiz:${wrongQ!.id}`);
    expect(note.tags).toContain("domain:");
    // An unanswered exam question is a mistake too; a right answer is not.
    const blank = view.questions[2]!;
    expect((await makeMistakeCard(lee, attemptId, blank.id)).status).toBe("created");
    const refused = await makeMistakeCard(lee, attemptId, rightQ!.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    expect(refused).toMatchObject({ code: "invalid" });
    const eve = await user("eve@example.com");
    await expect(makeMistakeCard(eve, attemptId, wrongQ!.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("dashboard", () => {
  it("shows due cards, recent exam scores and readiness per domain from quiz answers and card retention by domain tag", async () => {
    await loadBuiltInBank(testDb.db, root);
    const lee = await user("lee@example.com");
    const now = new Date();
    const empty = await loadDashboard(lee.id, now);
    expect(empty.exams).toEqual([]);
    expect(empty.readiness.overall).toBeNull();
    expect(empty.readiness.domains.every((d) => d.level === "not-enough-data")).toBe(true);

    // An exam: every security question right, every other one wrong.
    const { attemptId } = await startAttempt(lee, { quizId: await builtInExamId(), mode: "exam" }, now);
    const view = await inProgress(lee, attemptId, now);
    const rows = await testDb.db.question.findMany({ where: { id: { in: view.questions.map((q) => q.id) } }, select: { id: true, domain: true } });
    for (const r of rows) await saveAnswer(lee, { attemptId, questionId: r.id, selected: r.domain === "security" ? await rightIds(r.id) : [await wrongId(r.id)] }, now);
    const result = await submitAttempt(lee, attemptId, now);

    // Ten reviews of a security-tagged card already in review, two of them rated Again.
    const card = await makeMistakeCard(lee, attemptId, rows.find((r) => r.domain !== "security")!.id);
    await testDb.db.note.update({ where: { id: card.noteId }, data: { tags: " domain:deployment mistake " } });
    const c = await testDb.db.card.findFirstOrThrow({ where: { noteId: card.noteId } });
    for (let i = 0; i < 10; i++) {
      const at = new Date(now.getTime() - i * 3_600_000);
      await testDb.db.reviewLog.create({
        data: {
          ownerId: lee.id, cardId: c.id, noteId: c.noteId, deckId: c.deckId, rating: i < 2 ? 1 : 3, review: at, idempotencyKey: `k${i}`,
          stateBefore: 2, dueBefore: at, stabilityBefore: 5, difficultyBefore: 5, elapsedDaysBefore: 1, scheduledDaysBefore: 1, learningStepsBefore: 0, repsBefore: 3, lapsesBefore: 0,
          stateAfter: 2, dueAfter: at, stabilityAfter: 6, difficultyAfter: 5, elapsedDaysAfter: 1, scheduledDaysAfter: 2, learningStepsAfter: 0, repsAfter: 4, lapsesAfter: 0,
        },
      });
    }

    const data = await loadDashboard(lee.id, now);
    expect(data.exams).toMatchObject([{ id: attemptId, scaledScore: result.scaledScore, mode: "exam", total: 65 }]);
    expect(data.retention).toMatchObject({ reviews: 10, passed: 8, percent: 80 });
    expect(data.streak.current).toBe(1);
    expect(data.due.total).toBeGreaterThan(0);
    const by = Object.fromEntries(data.readiness.domains.map((d) => [d.domain, d]));
    expect(by.security).toMatchObject({ quizPercent: 100, percent: 100, level: "ready", answers: 17 });
    // Deployment: 0 % of 15 quiz answers, 80 % card retention → 0.7·0 + 0.3·80 = 24.
    expect(by.deployment).toMatchObject({ quizPercent: 0, cardPercent: 80, percent: 24, level: "needs-work", reviews: 10 });
    expect(by.development).toMatchObject({ quizPercent: 0, cardPercent: null, percent: 0 });
  });
});
