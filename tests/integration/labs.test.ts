// Labs against a real database: loading built-in labs, grading attempts (best and latest kept),
// validation, visibility, stable variants, drafts, traces after grading, what-if, instructor
// previews and mistake notes. Scenarios run in-process here (the web app uses the engine pool).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runProcedure, type RequestContext } from "@/lib/actions";
import { ActionError } from "@/lib/actions/errors";
import type { AccountUser } from "@/lib/auth/accounts";
import { createQuickJsRuntimeFactory, runScenario, type RuntimeFactory } from "@/lib/engine";
import { builtInLabs, builtInLabFiles } from "@/lib/labs/content-loader";
import { gradeAttemptProcedure, previewVariantProcedure } from "@/lib/labs/procedures";
import { gradeAttempt, learnerVariant, listAttempts } from "@/lib/labs/service/attempts";
import { previewVariant } from "@/lib/labs/service/instructor";
import { getLabTrace, getLearnerLab, listLabs, saveDraft } from "@/lib/labs/service/learner";
import { labMistakeNote, makeMistakeCard } from "@/lib/labs/service/mistakes";
import { setScenarioRunner } from "@/lib/labs/service/runner";
import { clearVariantRuns, variantRun } from "@/lib/labs/service/variant-runs";
import { findPublishedLab, forgetPublished, saveLabVersion } from "@/lib/labs/service/versions";
import { listWhatIfKnobs, runWhatIf } from "@/lib/labs/service/what-if-service";
import { RETRY_LAB } from "@/lib/labs/testing/fixtures";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "labs" });
let runtime: RuntimeFactory;
let runs = 0;

beforeAll(async () => {
  runtime = await createQuickJsRuntimeFactory();
  setScenarioRunner(async (scenario) => {
    runs++;
    return runScenario(scenario, { runtime });
  });
});
afterAll(() => setScenarioRunner(undefined));

beforeEach(async () => {
  await testDb.reset();
  clearVariantRuns();
  forgetPublished();
});

async function user(email: string, role: AccountUser["role"] = "learner"): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role }, select: { id: true, email: true, name: true, role: true } });
}

/** The right answer to every question of the learner's variant, from the truths. */
async function rightAnswers(u: AccountUser, slug: string): Promise<Record<string, unknown>> {
  const found = (await findPublishedLab(slug))!;
  const run = await variantRun(found.version, learnerVariant(u, found.lab, found.version).index);
  return Object.fromEntries(run.truths.map((t) => [t.id, t.result.ok ? t.result.value : null]));
}

describe("built-in labs loader", () => {
  it("loads every labs/*.yaml once, adds nothing the second time, and a changed file becomes version 2", async () => {
    const ctx = { db: testDb.db, root: process.cwd(), log: () => {} };
    const files = builtInLabFiles(process.cwd());
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(await builtInLabs.load(ctx)).toEqual({ added: files.length });
    expect(await builtInLabs.load(ctx)).toEqual({ added: 0 });
    expect(await testDb.db.labVersion.count()).toBe(files.length);

    // A changed copy of one file in another root: same slug, next version.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "labs-test-"));
    try {
      fs.mkdirSync(path.join(root, "labs"));
      const text = fs.readFileSync(files[0]!, "utf8").replace(/^title: (.*)$/m, "title: $1 (edited)");
      fs.writeFileSync(path.join(root, "labs", "x.yaml"), text);
      expect(await builtInLabs.load({ ...ctx, root })).toEqual({ added: 1 });
      const slug = /^id: (.+)$/m.exec(text)![1]!;
      expect((await findPublishedLab(slug))!.version.version).toBe(2);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses an invalid lab file with its located error and still loads the others", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "labs-test-"));
    try {
      fs.mkdirSync(path.join(root, "labs"));
      fs.writeFileSync(path.join(root, "labs", "good.yaml"), RETRY_LAB);
      fs.writeFileSync(path.join(root, "labs", "bad.yaml"), RETRY_LAB.replace("id: retry-demo", "id: bad-lab").replace("difficulty: beginner", "difficulty: easy"));
      await expect(builtInLabs.load({ db: testDb.db, root, log: () => {} })).rejects.toThrow(/labs\/bad\.yaml:6:13: difficulty: expected one of beginner, intermediate, advanced/);
      expect(await findPublishedLab("retry-demo")).not.toBeNull();
      expect(await findPublishedLab("bad-lab")).toBeNull();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("grading attempts", () => {
  beforeEach(async () => {
    await saveLabVersion({ text: RETRY_LAB, ownerId: null });
  });

  it("grades right answers with full marks, stores the attempt and its progress", async () => {
    const ada = await user("ada@example.com");
    const answers = await rightAnswers(ada, "retry-demo");
    const graded = await gradeAttempt(ada, "retry-demo", answers);
    expect(graded.attempt.result.score).toBe(2);
    expect(graded.attempt.result.maxScore).toBe(2);
    expect(graded.attempt.result.questions.every((q) => q.correct)).toBe(true);
    expect(graded.attempt.result.traceDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(graded.progress).toMatchObject({ attempts: 1, best: { score: 2 }, latest: { score: 2 } });
    const row = await testDb.db.labAttempt.findFirstOrThrow();
    expect(row).toMatchObject({ userId: ada.id, score: 2, maxScore: 2, traceDigest: graded.attempt.result.traceDigest });
  });

  it("keeps the best and the latest across retries", async () => {
    const ada = await user("ada@example.com");
    const right = await rightAnswers(ada, "retry-demo");
    const first = await gradeAttempt(ada, "retry-demo", { attempts: -1 }); // wrong, status unanswered
    expect(first.attempt.score).toBe(0);
    const second = await gradeAttempt(ada, "retry-demo", right);
    const third = await gradeAttempt(ada, "retry-demo", { attempts: right.attempts });
    expect(third.progress.attempts).toBe(3);
    expect(third.progress.best).toEqual({ attemptId: second.attempt.id, score: 2, maxScore: 2 });
    expect(third.progress.latest).toMatchObject({ attemptId: third.attempt.id, score: 1 });
    const listed = await listAttempts(ada, "retry-demo");
    expect(listed.attempts.map((a) => a.id)).toEqual([third.attempt.id, second.attempt.id, first.attempt.id]);
    expect(listed.attempts[1]!.result.questions[0]).toMatchObject({ id: "attempts", correct: true });
  });

  it("keeps the true best when one learner's attempts arrive together", async () => {
    const ada = await user("ada@example.com");
    const right = await rightAnswers(ada, "retry-demo");
    const results = await Promise.all([{}, { status: right.status }, right, { attempts: right.attempts }, {}].map((a) => gradeAttempt(ada, "retry-demo", a)));
    const progress = await testDb.db.labProgress.findFirstOrThrow();
    expect(progress).toMatchObject({ attempts: 5, bestAttemptId: results[2]!.attempt.id, bestScore: 2, bestRatio: 1 });
  });

  it("runs each (version, variant) once and reuses the truths", async () => {
    const ada = await user("ada@example.com");
    runs = 0;
    await Promise.all(Array.from({ length: 5 }, () => gradeAttempt(ada, "retry-demo", {})));
    expect(runs).toBe(1);
  });

  it("refuses bad predictions with a message per question, and stores nothing", async () => {
    const ada = await user("ada@example.com");
    const error = await gradeAttempt(ada, "retry-demo", { attempts: "lots", status: 201, extra: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).code).toBe("invalid");
    expect(Object.keys((error as ActionError).fieldErrors).sort()).toEqual(["answers.attempts", "answers.extra", "answers.status"]);
    expect(await testDb.db.labAttempt.count()).toBe(0);
  });

  it("answers 404 for an unknown lab and for someone else's private lab", async () => {
    const ada = await user("ada@example.com");
    const bob = await user("bob@example.com");
    await expect(gradeAttempt(ada, "no-such-lab", {})).rejects.toMatchObject({ code: "not_found" });
    await saveLabVersion({ text: RETRY_LAB.replace("id: retry-demo", "id: secret-lab"), ownerId: bob.id, visibility: "private" });
    await expect(getLearnerLab(ada, "secret-lab")).rejects.toMatchObject({ code: "not_found" });
    await expect(getLearnerLab(bob, "secret-lab")).resolves.toMatchObject({ lab: { id: "secret-lab" } });
    expect((await listLabs(ada)).map((l) => l.id)).toEqual(["retry-demo"]);
  });

  it("goes through the procedure pipeline: sign-in required, roles for previews, field errors", async () => {
    const as = (u: AccountUser | null): RequestContext => ({ getUser: async () => u, ip: "198.51.100.7" });
    expect(await runProcedure(gradeAttemptProcedure, { slug: "retry-demo", answers: {} }, as(null))).toMatchObject({ ok: false, code: "unauthenticated" });
    const ada = await user("ada@example.com");
    expect(await runProcedure(gradeAttemptProcedure, { slug: "retry-demo" }, as(ada))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { answers: [expect.any(String)] } });
    expect(await runProcedure(gradeAttemptProcedure, { slug: "retry-demo", answers: { status: 1 } }, as(ada))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "answers.status": [expect.stringMatching(/one of 200, 202, 204/)] } });
    expect(await runProcedure(gradeAttemptProcedure, { slug: "retry-demo", answers: { status: 202 } }, as(ada))).toMatchObject({ ok: true, data: { attempt: { score: 1 } } });
    expect(await runProcedure(previewVariantProcedure, { slug: "retry-demo", variant: 0 }, as(ada))).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("what a learner sees", () => {
  beforeEach(async () => {
    await saveLabVersion({ text: RETRY_LAB, ownerId: null });
  });

  it("shows no truth or explanation before grading, keeps drafts, and the same variant on every visit", async () => {
    const ada = await user("ada@example.com");
    const view = await getLearnerLab(ada, "retry-demo");
    const json = JSON.stringify(view);
    expect(json).not.toContain("length(invocations)");
    expect(json).not.toContain("explanation");
    expect(view.lab.questions[0]).toMatchObject({ id: "attempts", type: "number", creditRule: expect.any(String) });
    expect(view.draft).toBeNull();
    await saveDraft(ada, "retry-demo", { attempts: "3" });
    const again = await getLearnerLab(ada, "retry-demo");
    expect(again.draft).toEqual({ attempts: "3" });
    expect(again.lab.variant).toEqual(view.lab.variant);
  });

  it("lists labs with the learner's own variant in the title, and their progress", async () => {
    const ada = await user("ada@example.com");
    const view = await getLearnerLab(ada, "retry-demo");
    const [item] = await listLabs(ada);
    expect(item).toMatchObject({ id: "retry-demo", title: `Retries: ${view.lab.variant.params.retries}`, variantCount: 6, questionCount: 2, builtIn: true, progress: { attempts: 0 } });
    await gradeAttempt(ada, "retry-demo", {});
    expect((await listLabs(ada))[0]!.progress.attempts).toBe(1);
  });

  it("gives different learners different variants", async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) seen.add((await getLearnerLab(await user(`l${i}@example.com`), "retry-demo")).lab.variant.index);
    expect(seen.size).toBeGreaterThan(2);
  });

  it("opens the trace and what-if only after an attempt", async () => {
    const ada = await user("ada@example.com");
    await expect(getLabTrace(ada, "retry-demo")).rejects.toMatchObject({ code: "forbidden" });
    await expect(runWhatIf(ada, "retry-demo", [{ param: "retries", value: 0 }])).rejects.toMatchObject({ code: "forbidden" });
    await gradeAttempt(ada, "retry-demo", {});
    const trace = await getLabTrace(ada, "retry-demo");
    expect(trace.invocations.length).toBeGreaterThan(0);

    const knobs = await listWhatIfKnobs(ada, "retry-demo");
    // retries is written only as MaximumRetryAttempts' whole value: that setting's knob is its knob.
    expect(knobs.map((k) => k.key)).toEqual(expect.arrayContaining(["param:fn", "s2:MaximumRetryAttempts", "s1:Timeout"]));
    expect(knobs.map((k) => k.key)).not.toContain("param:retries");
    const zero = await runWhatIf(ada, "retry-demo", [{ step: "s2", field: "MaximumRetryAttempts", value: 0 }]);
    expect(zero.truths.find((t) => t.id === "attempts")!.value).toBe(1);
    const two = await runWhatIf(ada, "retry-demo", [{ param: "retries", value: 2 }]);
    expect(two.truths.find((t) => t.id === "attempts")!.value).toBe(3);
    await expect(runWhatIf(ada, "retry-demo", [{ step: "s2", field: "MaximumRetryAttempts", value: 5 }])).rejects.toMatchObject({ code: "invalid" });
    await expect(runWhatIf(ada, "retry-demo", [{ step: "s3", field: "Payload", value: 1 }])).rejects.toMatchObject({ code: "invalid" });
    expect(await testDb.db.labAttempt.count()).toBe(1); // what-if never stores an attempt
  });

  it("lets instructors preview any variant with its truths", async () => {
    const teacher = await user("t@example.com", "instructor");
    const preview = await previewVariant(teacher, "retry-demo", 5); // retries=2, fn=payments
    expect(preview.instance.variant.params).toEqual({ retries: 2, fn: "payments" });
    expect(preview.truths).toEqual([{ id: "attempts", value: 3 }, { id: "status", value: 202 }]);
    await expect(previewVariant(teacher, "retry-demo", 6)).rejects.toMatchObject({ code: "invalid" });
  });

  it("turns a wrong prediction into a Mistakes-deck note, and refuses a right one", async () => {
    const ada = await user("ada@example.com");
    const { attempt } = await gradeAttempt(ada, "retry-demo", { attempts: 99, status: 202 });
    const note = await labMistakeNote(ada, attempt.id, "attempts");
    expect(note.tags).toEqual(expect.arrayContaining(["mistake", "source:lab:retry-demo:attempts", "domain:development", "topic:retries"]));
    expect(note.back).toContain("`99`");
    await expect(labMistakeNote(ada, attempt.id, "status")).rejects.toMatchObject({ code: "invalid" });
    const bob = await user("bob@example.com");
    await expect(labMistakeNote(bob, attempt.id, "attempts")).rejects.toMatchObject({ code: "not_found" });

    // Stored in the learner's Mistakes deck, once however often the learner clicks.
    const card = await makeMistakeCard(ada, attempt.id, "attempts");
    expect(card.created).toBe(true);
    expect(await makeMistakeCard(ada, attempt.id, "attempts")).toEqual({ ...card, created: false });
    const stored = await testDb.db.note.findUniqueOrThrow({ where: { id: card.noteId }, include: { deck: true } });
    expect(stored).toMatchObject({ ownerId: ada.id, sourceRef: "source:lab:retry-demo:attempts" });
  });
});
