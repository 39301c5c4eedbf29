import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AccountUser } from "@/lib/auth/accounts";
import { defineProcedure } from "@/lib/actions/procedure";
import { ActionError } from "@/lib/actions/errors";

let currentUser: AccountUser | null = null;
vi.mock("@/lib/actions/request-context", () => ({
  nextRequestContext: async () => ({ getUser: async () => currentUser, ip: "198.51.100.9" }),
}));
const { jsonRoute } = await import("./route");

beforeAll(() => {
  process.env.DATABASE_URL = "file:/tmp/lambdalab-route-test/never-opened.db"; // in-memory rate limits
});

const admin: AccountUser = { id: "a1", email: "a@example.com", name: null, role: "admin" };
const learner: AccountUser = { id: "l1", email: "l@example.com", name: null, role: "learner" };

const rename = defineProcedure({
  name: "test.rename",
  input: z.object({ id: z.string(), name: z.string().min(2, "Too short.") }),
  roles: ["admin"],
  rateLimit: { name: "user", points: 3, durationSec: 60 },
  handler: async ({ id, name }) => {
    if (id === "gone") throw new ActionError("not_found", "No such thing.");
    return { id, name };
  },
});
const PATCH = jsonRoute(rename, { params: (p) => ({ id: p.id }) });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const json = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/things/x", { method: "PATCH", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("jsonRoute", () => {
  beforeEach(() => {
    currentUser = admin;
  });

  it("answers 200 with the procedure's data; the route param wins over the body", async () => {
    const res = await PATCH(json({ id: "smuggled", name: "New" }), ctx("t1"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { id: "t1", name: "New" } });
  });

  it("maps failures to status codes", async () => {
    currentUser = null;
    expect((await PATCH(json({ name: "New" }), ctx("t1"))).status).toBe(401);
    currentUser = learner;
    expect((await PATCH(json({ name: "New" }), ctx("t1"))).status).toBe(403);
    currentUser = admin;
    const invalid = await PATCH(json({ name: "N" }), ctx("t2"));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({ ok: false, code: "invalid", error: "Too short.", fieldErrors: { name: ["Too short."] } });
    expect((await PATCH(json({ name: "New" }), ctx("gone"))).status).toBe(404);
  });

  it("refuses bodies that are not JSON objects, or not sent as JSON", async () => {
    expect((await PATCH(json("{oops"), ctx("t1"))).status).toBe(400);
    expect((await PATCH(json([1, 2]), ctx("t1"))).status).toBe(400);
    expect((await PATCH(json({ name: "New" }, { "content-type": "text/plain" }), ctx("t1"))).status).toBe(415);
  });

  it("answers 429 with Retry-After when the budget is spent", async () => {
    currentUser = { ...admin, id: "busy-admin" };
    for (let i = 0; i < 3; i++) expect((await PATCH(json({ name: "New" }), ctx("t1"))).status).toBe(200);
    const limited = await PATCH(json({ name: "New" }), ctx("t1"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("reads GET input from the query string", async () => {
    const list = defineProcedure({ name: "test.list", input: z.object({ q: z.string() }), handler: async ({ q }) => q.toUpperCase() });
    const GET = jsonRoute(list);
    const res = await GET(new Request("http://localhost/api/things?q=lambda"), { params: Promise.resolve({}) });
    expect(await res.json()).toEqual({ ok: true, data: "LAMBDA" });
  });
});
