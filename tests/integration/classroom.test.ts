// Classroom services on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set):
// join codes and their three refusals, roster and co-instructors, a lab assignment graded from
// real lab attempts, the gradebook and its CSV, instructors' private labs visible to their
// classes only, item analysis, and lab drafts (an invalid upload is kept, never published).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccountUser } from "@/lib/auth/accounts";
import { createQuickJsRuntimeFactory, runScenario } from "@/lib/engine";
import { gradeAttempt } from "@/lib/labs/service/attempts";
import { getLearnerLab, listLabs } from "@/lib/labs/service/learner";
import { setScenarioRunner } from "@/lib/labs/service/runner";
import { clearVariantRuns } from "@/lib/labs/service/variant-runs";
import { forgetPublished, saveLabVersion } from "@/lib/labs/service/versions";
import { RETRY_LAB } from "@/lib/labs/testing/fixtures";
import { importLabFile, publishDraft } from "@/lib/classroom/authoring/publish";
import { saveDraft } from "@/lib/classroom/authoring/drafts";
import { analyseAssignment } from "@/lib/classroom/service/analysis";
import { createAssignment } from "@/lib/classroom/service/assignments";
import { createClass, listClasses } from "@/lib/classroom/service/classes";
import { exportGradebookCsv, getClassView, getGradebook, learnerDetail } from "@/lib/classroom/service/gradebook";
import { JOIN_MESSAGES, joinClass, rotateJoinCode, setJoinEnabled } from "@/lib/classroom/service/join";
import { addCoInstructor, listRoster, removeMember } from "@/lib/classroom/service/roster";
import { assignmentInput } from "@/lib/classroom/inputs";
import { joinClassProcedure } from "@/lib/classroom/procedures";
import { runProcedure } from "@/lib/actions";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/quiz/service/attempts";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "classroom" });

beforeAll(async () => {
  const runtime = await createQuickJsRuntimeFactory();
  setScenarioRunner(async (scenario) => runScenario(scenario, { runtime }));
});
afterAll(() => setScenarioRunner(undefined));

const select = { id: true, email: true, name: true, role: true } as const;
async function person(email: string, role: "learner" | "instructor" | "admin" = "learner", name?: string): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role, name: name ?? null }, select });
}

let teacher: AccountUser;
let ada: AccountUser;
let bo: AccountUser;
beforeEach(async () => {
  await testDb.reset();
  clearVariantRuns();
  forgetPublished();
  teacher = await person("rivera@example.com", "instructor", "Ms Rivera");
  ada = await person("ada@example.com", "learner", "王芳");
  bo = await person("bo@example.com", "learner", "=cmd|' /C calc'!A0");
});

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a rejection");
}

describe("join codes", () => {
  it("joins with a typed code; wrong, rotated and disabled codes each say so", async () => {
    const { id } = await createClass(teacher, { name: "Serverless 101", term: "Spring" });
    const cls = await testDb.db.classroom.findUniqueOrThrow({ where: { id } });
    expect(cls.joinCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);

    const typed = `${cls.joinCode.slice(0, 4).toLowerCase()}-${cls.joinCode.slice(4)}`;
    expect(await joinClass(ada, typed)).toEqual({ classId: id, joined: true });
    expect(await joinClass(ada, cls.joinCode)).toEqual({ classId: id, joined: false });

    const wrong = await rejection(joinClass(bo, "ZZZZ-ZZZZ"));
    expect(wrong).toMatchObject({ code: "not_found", message: JOIN_MESSAGES.unknown });

    const { joinCode: fresh } = await rotateJoinCode(teacher, id);
    expect(fresh).not.toBe(cls.joinCode);
    expect(await rejection(joinClass(bo, cls.joinCode))).toMatchObject({ code: "conflict", message: JOIN_MESSAGES.rotated });

    await setJoinEnabled(teacher, id, false);
    expect(await rejection(joinClass(bo, fresh))).toMatchObject({ code: "forbidden", message: JOIN_MESSAGES.disabled });
    await setJoinEnabled(teacher, id, true);
    expect((await joinClass(bo, fresh)).joined).toBe(true);

    // Three different sentences.
    expect(new Set(Object.values(JOIN_MESSAGES)).size).toBe(3);
  });

  it("only the class's instructors manage it; strangers get 404, its learners 403", async () => {
    const { id } = await createClass(teacher, { name: "A" });
    const cls = await testDb.db.classroom.findUniqueOrThrow({ where: { id } });
    await joinClass(ada, cls.joinCode);
    expect(await rejection(rotateJoinCode(ada, id))).toMatchObject({ code: "forbidden" });
    expect(await rejection(getGradebook(bo, id))).toMatchObject({ code: "not_found" });
    const other = await person("other@example.com", "instructor");
    expect(await rejection(listRoster(other, id))).toMatchObject({ code: "not_found" });
    expect(await rejection(createClass(ada, { name: "Mine" }))).toMatchObject({ code: "forbidden" });
    const admin = await person("root@example.com", "admin");
    expect((await listRoster(admin, id)).length).toBe(2);
  });
});

describe("roster and co-instructors", () => {
  it("adds a co-instructor by email, refuses learners and strangers, removes members", async () => {
    const { id } = await createClass(teacher, { name: "A" });
    const co = await person("co@example.com", "instructor", "Mr Co");
    expect(await rejection(addCoInstructor(teacher, { classId: id, email: "nobody@example.com" }))).toMatchObject({ code: "not_found" });
    expect(await rejection(addCoInstructor(teacher, { classId: id, email: "ADA@example.com" }))).toMatchObject({ code: "invalid" });
    await addCoInstructor(teacher, { classId: id, email: "CO@example.com" });
    // The co-instructor now manages the class.
    const cls = await testDb.db.classroom.findUniqueOrThrow({ where: { id } });
    await joinClass(ada, cls.joinCode);
    const roster = await listRoster(co, id);
    expect(roster.map((m) => [m.email, m.role, m.owner])).toEqual([
      ["co@example.com", "instructor", false],
      ["rivera@example.com", "instructor", true],
      ["ada@example.com", "learner", false],
    ]);
    expect(await rejection(removeMember(co, { classId: id, userId: teacher.id }))).toMatchObject({ code: "forbidden" });
    await removeMember(co, { classId: id, userId: ada.id });
    expect(await rejection(getClassView(ada, id))).toMatchObject({ code: "not_found" });
    expect((await listClasses(co)).map((c) => c.as)).toEqual(["instructor"]);
  });
});

function labAssignment(classId: string, over: Record<string, unknown> = {}) {
  const now = Date.now();
  return assignmentInput.parse({ classId, kind: "lab", labSlug: "retry-demo", opensAt: new Date(now - 3_600_000).toISOString(), dueAt: new Date(now + 86_400_000).toISOString(), ...over });
}

describe("a lab assignment end to end", () => {
  it("grades learners from their attempts; the gradebook, drill-down, CSV and item analysis agree", async () => {
    // The instructor's own private lab: visible to the class, not to everyone.
    await saveLabVersion({ text: RETRY_LAB, ownerId: teacher.id, visibility: "private" });
    const { id } = await createClass(teacher, { name: "数据库 101", term: "秋" });
    const cls = await testDb.db.classroom.findUniqueOrThrow({ where: { id } });
    const outsider = await person("out@example.com");
    expect((await listLabs(ada)).map((l) => l.id)).not.toContain("retry-demo");
    await joinClass(ada, cls.joinCode);
    await joinClass(bo, cls.joinCode);
    expect((await listLabs(ada)).map((l) => l.id)).toContain("retry-demo");
    expect(await rejection(getLearnerLab(outsider, "retry-demo"))).toMatchObject({ code: "not_found" });

    const { id: assignmentId } = await createAssignment(teacher, labAssignment(id, { gradingMethod: "highest", attemptsAllowed: "2" }));
    const before = await getClassView(ada, id);
    expect(before.assignments[0]!.mine!.status).toBe("not_started");
    expect(before.joinCode).toBeNull(); // learners never see the code

    // Ada: everything right (202, and the attempt count of her variant); Bo: nothing.
    const adaLab = await getLearnerLab(ada, "retry-demo");
    const retries = Number(adaLab.lab.variant.params.retries);
    await gradeAttempt(ada, "retry-demo", { status: 202, attempts: 1 + retries });
    await gradeAttempt(bo, "retry-demo", {});
    await gradeAttempt(bo, "retry-demo", { status: 200 });
    await gradeAttempt(bo, "retry-demo", { status: 202, attempts: 99 }); // third: over the allowance

    const mine = await getClassView(ada, id);
    expect(mine.assignments[0]!.mine).toMatchObject({ status: "submitted", ratio: 1 });

    const book = await getGradebook(teacher, id);
    const byEmail = Object.fromEntries(book.rows.map((r) => [r.learner.email, r]));
    expect(byEmail["ada@example.com"]!.cells[0]).toMatchObject({ ratio: 1, status: "submitted" });
    expect(byEmail["bo@example.com"]!.cells[0]).toMatchObject({ ratio: 0, status: "graded", detail: "3 attempts of 2" });

    // The class page's summary for the instructor is the gradebook's column summed up; the
    // learner's view of the same page carries no one else's numbers.
    const classView = await getClassView(teacher, id);
    expect(classView.assignments[0]!.summary).toEqual({ assignmentId, roster: 2, handedIn: 2, late: 0, missed: 0, average: 0.5, graded: 2 });
    expect(classView.assignments[0]!.mine).toBeNull();
    expect(mine.assignments[0]!.summary).toBeNull();

    const filtered = await getGradebook(teacher, id, { q: "ADA" });
    expect(filtered.rows.map((r) => r.learner.email)).toEqual(["ada@example.com"]);

    const detail = await learnerDetail(teacher, id, ada.id);
    expect(detail.labAttempts).toHaveLength(1);
    expect(detail.labAttempts[0]).toMatchObject({ labSlug: "retry-demo", labVersion: 1, score: 2, maxScore: 2 });
    expect(detail.labAttempts[0]!.assignments).toEqual([{ title: book.assignments[0]!.title, counted: true }]);
    // Bo's third attempt is past the allowance of 2: the drill-down says it does not count.
    const boAttempts = (await learnerDetail(teacher, id, bo.id)).labAttempts; // newest first
    expect(boAttempts.map((a) => a.assignments[0]!.counted)).toEqual([false, true, true]);
    expect(await rejection(learnerDetail(ada, id, bo.id))).toMatchObject({ code: "forbidden" });

    const { csv, filename } = await exportGradebookCsv(teacher, id);
    expect(filename).toBe("数据库 101 秋 gradebook");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Learner,Email,Retries: 0 (Lab) — grade %,Retries: 0 — status,Average %".replace("Retries: 0", book.assignments[0]!.title).replace("Retries: 0", book.assignments[0]!.title));
    expect(lines).toContain("王芳,ada@example.com,100,Submitted,100");
    // Bo's name starts with "=": neutralised with an apostrophe so it stays text.
    expect(lines.find((l) => l.includes("bo@example.com"))).toBe(`'=cmd|' /C calc'!A0,bo@example.com,0,Graded,0`);

    const analysis = await analyseAssignment(teacher, assignmentId);
    expect(analysis.learners).toBe(2);
    const status = analysis.items.find((i) => i.itemId === "status")!;
    expect(status.facility).toBe(0.5);
    expect(status.flags.map((f) => f.flag)).toEqual(["few_responses"]);
    expect(await rejection(analyseAssignment(ada, assignmentId))).toMatchObject({ code: "forbidden" });
  });
});

describe("lab drafts", () => {
  it("an invalid upload is kept as a draft with located errors and nothing is published", async () => {
    const broken = RETRY_LAB.replace("type: number", "type: numbr");
    const result = await importLabFile(teacher, { fileName: "retry.yaml", text: broken, publish: true });
    expect(result.published).toBe(false);
    expect(result.errors[0]).toMatchObject({ file: "retry.yaml", line: expect.any(Number), path: expect.stringContaining("questions[0].type") });
    expect(await testDb.db.lab.count()).toBe(0);
    const draft = await testDb.db.labAuthorDraft.findUniqueOrThrow({ where: { id: result.draftId } });
    expect(draft.valid).toBe(false);
    expect(JSON.parse(draft.errors)).toHaveLength(result.errors.length);
  });

  it("a valid draft publishes a private version; another instructor cannot take its id", async () => {
    const saved = await saveDraft(teacher, { source: RETRY_LAB });
    expect(saved.valid).toBe(true);
    const published = await publishDraft(teacher, saved.id);
    expect(published).toMatchObject({ published: true, slug: "retry-demo", version: 1 });
    expect(await testDb.db.lab.findUniqueOrThrow({ where: { slug: "retry-demo" } })).toMatchObject({ ownerId: teacher.id, visibility: "private" });

    const rival = await person("rival@example.com", "instructor");
    const theirs = await saveDraft(rival, { source: RETRY_LAB.replace("An async event", "Another async event") });
    const refused = await publishDraft(rival, theirs.id);
    expect(refused.published).toBe(false);
    expect(refused.errors[0]!.message).toMatch(/taken by another instructor's lab/);
    expect(refused.errors[0]!.line).toBe(1);
    expect(await testDb.db.labVersion.count()).toBe(1);
    // Nor may they read the teacher's draft.
    expect(await rejection(publishDraft(rival, saved.id))).toMatchObject({ code: "not_found" });
  });
});

describe("quiz and study-goal assignments", () => {
  async function classWithAda() {
    const { id } = await createClass(teacher, { name: "Q" });
    const cls = await testDb.db.classroom.findUniqueOrThrow({ where: { id } });
    await joinClass(ada, cls.joinCode);
    await joinClass(bo, cls.joinCode);
    return id;
  }
  const window = () => ({ opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString() });

  it("grades an exam assignment of the instructor's private quiz from the learners' submitted attempts", async () => {
    const classId = await classWithAda();
    const questions = await Promise.all(
      ["one", "two"].map((stem) =>
        testDb.db.question.create({
          data: { ownerId: teacher.id, type: "single", stem, domain: "development", topics: "[]", difficulty: "easy", options: JSON.stringify([{ id: "r", text: "right", correct: true, explanation: "" }, { id: "w", text: "wrong", correct: false, explanation: "" }]) },
        }),
      ),
    );
    const quiz = await testDb.db.quiz.create({ data: { ownerId: teacher.id, title: "Private exam", visibility: "private", selection: "fixed", questionIds: JSON.stringify(questions.map((q) => q.id)), questionCount: 2, durationMinutes: 30 } });
    await createAssignment(teacher, assignmentInput.parse({ classId, kind: "quiz", quizId: quiz.id, quizMode: "exam", ...window() }));
    // Ada may start the private quiz because its author teaches her class; an outsider may not.
    const started = await startAttempt(ada, { quizId: quiz.id, mode: "exam" });
    const outsider = await person("out@example.com");
    expect(await rejection(startAttempt(outsider, { quizId: quiz.id, mode: "exam" }))).toMatchObject({ code: "not_found" });
    await saveAnswer(ada, { attemptId: started.attemptId, questionId: questions[0]!.id, selected: ["r"] } as Parameters<typeof saveAnswer>[1]);
    expect((await getGradebook(teacher, classId)).rows.find((r) => r.learner.id === ada.id)!.cells[0]).toMatchObject({ status: "in_progress", ratio: null });
    await submitAttempt(ada, started.attemptId);
    const book = await getGradebook(teacher, classId);
    expect(book.rows.find((r) => r.learner.id === ada.id)!.cells[0]).toMatchObject({ status: "submitted", ratio: 0.5 });
    expect(book.rows.find((r) => r.learner.id === bo.id)!.cells[0]).toMatchObject({ status: "not_started", ratio: null });
    const detail = await learnerDetail(teacher, classId, ada.id);
    expect(detail.examAttempts[0]).toMatchObject({ correct: 1, total: 2, mode: "exam" });
    expect(detail.examAttempts[0]!.questions.map((q) => q.correct)).toEqual([true, false]);
  });

  it("grades a review goal from review-log answers (undone answers do not count)", async () => {
    const classId = await classWithAda();
    await createAssignment(teacher, assignmentInput.parse({ classId, kind: "study", studyGoal: "reviews", goalTarget: "3", ...window() }));
    const log = (n: number, kind: "answer" | "undo" = "answer") =>
      testDb.db.reviewLog.create({
        data: {
          ownerId: ada.id, cardId: "c", noteId: "n", deckId: "d", kind, rating: 3, review: new Date(Date.now() - 60_000 + n), stateBefore: 2, dueBefore: new Date(), stabilityBefore: 1, difficultyBefore: 5,
          elapsedDaysBefore: 0, scheduledDaysBefore: 0, learningStepsBefore: 0, repsBefore: 0, lapsesBefore: 0, stateAfter: 2, dueAfter: new Date(), stabilityAfter: 2, difficultyAfter: 5, elapsedDaysAfter: 0,
          scheduledDaysAfter: 1, learningStepsAfter: 0, repsAfter: 1, lapsesAfter: 0, idempotencyKey: `k${n}${kind}`,
        },
      });
    const first = await log(1);
    await log(2);
    await testDb.db.reviewLog.update({ where: { id: (await log(3, "undo")).id }, data: { undoesId: first.id } });
    let cell = (await getClassView(ada, classId)).assignments[0]!.mine!;
    expect(cell).toMatchObject({ status: "in_progress", detail: "1 / 3 reviews" });
    await log(4);
    await log(5);
    cell = (await getClassView(ada, classId)).assignments[0]!.mine!;
    expect(cell).toMatchObject({ status: "graded", ratio: 1, detail: "3 / 3 reviews" });
  });

  it("stops join-code guessing with the rate limit", async () => {
    const guesser = await person("guess@example.com");
    const ctx = { getUser: async () => guesser, ip: "203.0.113.77" };
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await runProcedure(joinClassProcedure, { code: `ZZZZZZ${"23456789ABCD"[i]}${"23456789ABCD"[i]}` }, ctx);
      outcomes.push(r.ok ? "ok" : r.code);
    }
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("not_found"));
    expect(outcomes.slice(10)).toEqual(["rate_limited", "rate_limited"]);
    // A real code from the same account is refused too while blocked.
    const { id } = await createClass(teacher, { name: "Locked" });
    const code = (await testDb.db.classroom.findUniqueOrThrow({ where: { id } })).joinCode;
    const blocked = await runProcedure(joinClassProcedure, { code }, ctx);
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });
    expect(blocked.ok ? 0 : blocked.retryAfterSec).toBeGreaterThan(800);
  });

  it("lets a whole class join from one school address; only wrong codes spend the address's budget", async () => {
    const { id } = await createClass(teacher, { name: "One NAT" });
    const code = (await testDb.db.classroom.findUniqueOrThrow({ where: { id } })).joinCode;
    const ip = "198.51.100.9";
    for (let i = 0; i < 35; i++) {
      const learner = await person(`nat${i}@example.com`);
      const r = await runProcedure(joinClassProcedure, { code }, { getUser: async () => learner, ip });
      expect(r.ok, `learner ${i + 1} of 35`).toBe(true);
    }
    // Wrong codes from that address still run out: 30, then refused for everyone there.
    const outcomes: string[] = [];
    for (let i = 0; i < 31; i++) {
      const guesser = await person(`natguess${i}@example.com`);
      const r = await runProcedure(joinClassProcedure, { code: "ZZZZ-ZZZZ" }, { getUser: async () => guesser, ip });
      outcomes.push(r.ok ? "ok" : r.code);
    }
    expect(outcomes.slice(0, 30)).toEqual(Array(30).fill("not_found"));
    expect(outcomes[30]).toBe("rate_limited");
  });
});
