// The labs JSON API through its real route handlers and the real procedure pipeline and database;
// only "who is asking" is stubbed (Next's cookies()/headers() exist only inside a request).
// POST /api/labs/{id}/attempts: 201 graded, 400 bad answers, 401 signed out, 404 unknown lab.
// GET /api/labs/{id}: the learner's view — never a truth.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountUser } from "@/lib/auth/accounts";
import { createQuickJsRuntimeFactory, runScenario } from "@/lib/engine";
import { setScenarioRunner } from "@/lib/labs/service/runner";
import { clearVariantRuns } from "@/lib/labs/service/variant-runs";
import { forgetPublished, saveLabVersion } from "@/lib/labs/service/versions";
import { RETRY_LAB } from "@/lib/labs/testing/fixtures";
import { setupTestDatabase } from "./helpers/database";

let caller: AccountUser | null = null;
vi.mock("@/lib/actions/request-context", () => ({
  nextRequestContext: async () => ({ getUser: async () => caller, ip: "198.51.100.9" }),
}));

const { POST: postAttempt, GET: getAttempts } = await import("@/app/api/labs/[id]/attempts/route");
const { GET: getLab } = await import("@/app/api/labs/[id]/route");

const testDb = setupTestDatabase({ area: "labs_api" });

beforeAll(async () => {
  const runtime = await createQuickJsRuntimeFactory();
  setScenarioRunner(async (scenario) => runScenario(scenario, { runtime }));
});
afterAll(() => setScenarioRunner(undefined));

beforeEach(async () => {
  await testDb.reset();
  clearVariantRuns();
  forgetPublished();
  await saveLabVersion({ text: RETRY_LAB, ownerId: null });
  caller = await testDb.db.user.create({ data: { email: "ada@example.com" }, select: { id: true, email: true, name: true, role: true } });
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (id: string, body: unknown) =>
  postAttempt(new Request(`http://lab.test/api/labs/${id}/attempts`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }), params(id));

describe("POST /api/labs/{id}/attempts", () => {
  it("201 with the graded attempt", async () => {
    const res = await post("retry-demo", { answers: { status: 202 } });
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json).toMatchObject({ ok: true, data: { attempt: { score: 1, maxScore: 2, result: { lab: "retry-demo", questions: [{ id: "attempts", prediction: null }, { id: "status", correct: true, truth: 202 }] } }, progress: { attempts: 1 } } });
    const listed = await (await getAttempts(new Request("http://lab.test/api/labs/retry-demo/attempts"), params("retry-demo"))).json();
    expect(listed.data.attempts).toHaveLength(1);
  });

  it("400 with field errors for bad answers or a body that is not JSON", async () => {
    const res = await post("retry-demo", { answers: { status: "two hundred", attempts: [1] } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "answers.status": [expect.stringMatching(/one of 200, 202, 204/)], "answers.attempts": ["expected a number"] } });
    expect((await post("retry-demo", {})).status).toBe(400);
    expect((await post("retry-demo", "{not json")).status).toBe(400);
    expect(await testDb.db.labAttempt.count()).toBe(0);
  });

  it("401 when signed out, 404 for a lab that does not exist", async () => {
    const missing = await post("no-such-lab", { answers: {} });
    expect(missing.status).toBe(404);
    caller = null;
    expect((await post("retry-demo", { answers: {} })).status).toBe(401);
  });
});

describe("GET /api/labs/{id}", () => {
  it("returns the learner's variant without truths or explanations", async () => {
    const res = await getLab(new Request("http://lab.test/api/labs/retry-demo"), params("retry-demo"));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/"truth"|explanation|length\(invocations\)/);
    expect(JSON.parse(text)).toMatchObject({ ok: true, data: { lab: { id: "retry-demo", questions: [{ id: "attempts" }, { id: "status", options: [{ value: 200 }, { value: 202 }, { value: 204 }] }] }, draft: null, latest: null } });
  });
});
