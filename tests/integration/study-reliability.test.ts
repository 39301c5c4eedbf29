// Reliability of answers across a crash: a real `next start` on the test build receives a burst of
// answers from many clients, is killed with SIGKILL in the middle of it, and is started again on
// the same database. Every answer that was acknowledged (201) must be stored — exactly once, with
// the card updated in the same transaction — and retrying every request of the burst with its own
// idempotency key (what a client does after a network error) must never store an answer twice.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { encode } from "@auth/core/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, migrateDatabase, resolveDatabaseConfig } from "@/lib/db";
import { createDeck } from "@/lib/srs/db/decks";
import { insertNotes } from "@/lib/srs/db/notes";
import { NEXT_CLI, waitForServer } from "../../scripts/next-process";
import { ensureTestBuild, TEST_DIST_DIR } from "../support/test-build";
import { acquireTestLock, type HeldLock } from "../support/test-lock";
import { createEmptyDatabase, testProvider } from "./helpers/database";

const PORT = 3340; // the study area's range (3300–3399)
const BASE = `http://127.0.0.1:${PORT}`;
const CARDS = 600;
const CLIENTS = 40;
const KILL_AFTER_ACKS = 120;
const COOKIE = "authjs.session-token";
const SETUP_TIMEOUT_MS = 25 * 60_000; // may wait for another test run's lock, then build

interface Sent {
  cardId: string;
  key: string;
  rating: number;
  /** The acknowledged result, or undefined when the request failed (killed mid-flight). */
  ack?: { status: number; logId: number };
}

describe("answers survive a SIGKILL mid-burst", () => {
  let lock: HeldLock | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: ChildProcess | undefined;
  let logFile: string;
  const secret = randomBytes(32).toString("base64url");
  const dataDir = path.resolve("test-results", "study-reliability");
  let cookie = "";
  let userId = "";
  let cardIds: string[] = [];

  function start(): ChildProcess {
    const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: database!.url, DATA_DIR: dataDir, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", LAMBDALAB_DIST_DIR: TEST_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.NODE_ENV; // without vitest's "test", the server runs as in production
    const out = fs.openSync(logFile, "a");
    // Its own process group: SIGKILL to the group takes the server and anything it spawned.
    const child: ChildProcess = spawn(process.execPath, [NEXT_CLI, "start", "-p", String(PORT), "-H", "127.0.0.1"], { env: env as unknown as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", out, out] });
    child.once("exit", () => fs.closeSync(out));
    return child;
  }

  async function kill(child: ChildProcess | undefined, signal: NodeJS.Signals) {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, signal);
    } catch {
      return;
    }
    await exited;
  }

  const post = (body: object) =>
    fetch(`${BASE}/api/study/answers`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    lock = await acquireTestLock({ purpose: "study reliability integration test" });
    ensureTestBuild();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    logFile = path.join(dataDir, "server.log");
    database = await createEmptyDatabase("study_reliability", testProvider());
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(resolveDatabaseConfig());
    const db = getDb();
    const user = await db.user.create({ data: { email: "crash@example.com", name: "Crash test", role: "learner" } });
    userId = user.id;
    const deck = await createDeck(user.id, { name: "Crash deck", description: "", newPerDay: 9999, reviewsPerDay: 9999 });
    await insertNotes(
      db,
      Array.from({ length: CARDS }, (_, i) => ({ ownerId: user.id, deckId: deck.id, content: { type: "basic" as const, front: `Q${i}`, back: `A${i}`, tags: [] }, position: i })),
      new Date(),
    );
    cardIds = (await db.card.findMany({ where: { ownerId: user.id }, select: { id: true }, orderBy: { position: "asc" } })).map((c) => c.id);
    await closeDb();
    cookie = `${COOKIE}=${await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, salt: COOKIE })}`;
    server = start();
    await waitForServer(`${BASE}/api/health`, 90_000, server);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await kill(server, "SIGTERM");
    await closeDb();
    await database?.drop();
    lock?.release();
  }, 60_000);

  it("stores every acknowledged answer once, and retries never store one twice", async () => {
    // Warm the route up so the burst measures answers, not compilation.
    const warm = await post({ cardId: cardIds.pop(), rating: 3, idempotencyKey: randomUUID() });
    expect(warm.status, fs.readFileSync(logFile, "utf8").slice(-2000)).toBe(201);

    const sent: Sent[] = [];
    let acks = 0;
    let killed = false;
    const killing = (async () => {
      while (acks < KILL_AFTER_ACKS) await new Promise((r) => setTimeout(r, 2));
      killed = true;
      await kill(server, "SIGKILL");
    })();
    const client = async () => {
      while (!killed) {
        const cardId = cardIds.pop();
        if (!cardId) return;
        const s: Sent = { cardId, key: randomUUID(), rating: 1 + (sent.length % 4) };
        sent.push(s);
        try {
          const res = await post({ cardId: s.cardId, rating: s.rating, idempotencyKey: s.key });
          const body = (await res.json()) as { data?: { logId: number } };
          if (res.status === 201 || res.status === 200) {
            s.ack = { status: res.status, logId: body.data!.logId };
            acks++;
          }
        } catch {
          // the server died with this request in flight: not acknowledged
        }
      }
    };
    await Promise.all([killing, ...Array.from({ length: CLIENTS }, client)]);
    const acknowledged = sent.filter((s) => s.ack);
    const inFlight = sent.filter((s) => !s.ack);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(inFlight.length, "the kill should catch requests in flight").toBeGreaterThan(0);

    // Restart on the same database.
    server = start();
    await waitForServer(`${BASE}/api/health`, 90_000, server);

    const db = getDb();
    const logs = await db.reviewLog.findMany({ where: { ownerId: userId }, select: { id: true, cardId: true, idempotencyKey: true, stateAfter: true, repsAfter: true, dueAfter: true } });
    const byKey = new Map(logs.map((l) => [l.idempotencyKey, l]));
    for (const s of acknowledged) {
      const stored = byKey.get(`${userId}:${s.key}`);
      expect(stored, `acknowledged answer for ${s.cardId} is missing`).toBeDefined();
      expect(stored!.id).toBe(s.ack!.logId);
      expect(stored!.cardId).toBe(s.cardId);
    }
    // None twice: one row per card, and each card is in the state its one answer left it in.
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(logs.length);
    const cards = new Map((await db.card.findMany({ where: { id: { in: logs.map((l) => l.cardId) } }, select: { id: true, reps: true, state: true, due: true } })).map((c) => [c.id, c]));
    for (const l of logs) {
      const c = cards.get(l.cardId)!;
      expect({ reps: c.reps, state: c.state, due: c.due.toISOString() }).toEqual({ reps: l.repsAfter, state: l.stateAfter, due: l.dueAfter.toISOString() });
      expect(c.reps).toBe(1);
    }

    // A client retries everything it sent with the same keys: acknowledged ones replay (200, same
    // log row); in-flight ones are stored now (201) or were stored before the kill (200).
    for (const s of sent) {
      const res = await post({ cardId: s.cardId, rating: s.rating, idempotencyKey: s.key });
      const body = (await res.json()) as { data: { logId: number; replayed: boolean } };
      if (s.ack) expect([res.status, body.data.logId, body.data.replayed]).toEqual([200, s.ack.logId, true]);
      else expect([200, 201]).toContain(res.status);
    }
    const after = await db.reviewLog.findMany({ where: { ownerId: userId }, select: { cardId: true } });
    expect(after.length).toBe(sent.length + 1); // + the warm-up answer
    expect(new Set(after.map((l) => l.cardId)).size).toBe(after.length);
    console.log(`study reliability: ${sent.length} answers sent, ${acknowledged.length} acknowledged before SIGKILL, ${inFlight.length} in flight; all stored once after retries`);
  }, 180_000);
});
