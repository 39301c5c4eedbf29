/**
 * npm run bench:study — the flashcard hot paths at 100,000 cards, as issue 5 asks. The LAST line
 * printed is one JSON object: {"dueQueryP95Ms","answerP95Ms","trivialP95Ms"}. Targets: due query
 * p95 ≤ 5 ms; answer p95 ≤ 25 ms.
 *
 * 1. A fresh SQLite database in data/bench-study (migrated, built-in content loaded) and one
 *    learner with 100,000 cards (basic notes) seeded with batched inserts in one transaction:
 *    60% in review (due spread from 30 days ago to a year ahead, so thousands are overdue), 0.3% in
 *    (re)learning (300 cards, due within the hour around now), the rest new — a heavy but
 *    plausible collection. Deck limits: Anki's 20 new, 200 reviews.
 * 2. dueQueryP95Ms: lib/srs/db/queue.ts loadStudyQueue — everything the review screen's next-card
 *    query runs (settings, decks, today's answers, learning cards, per-deck reviews and new cards,
 *    buildQueue) — in-process, RUNS times after a warm-up.
 * 3. A production build (its own folder, data/bench-study-build) served by `next start` on
 *    BENCH_STUDY_PORT (default 3530, the benches' 3500–3599 range), with a session cookie minted
 *    from the bench's AUTH_SECRET (JWT sessions: no session table). CLIENTS (100) concurrent
 *    learners each POST /api/study/answers about every PACE_MS (default 6 s, jittered ±50%: a
 *    brisk learner reading and rating a card; ≈17 answers/s in all) for LOAD_MS, every answer a
 *    distinct card and a fresh idempotency key: answerP95Ms. Meanwhile GET /api/health one request
 *    at a time: trivialP95Ms (the same server's floor under that load).
 * 4. On stderr only: the server's CPU time per request (answer, a signed-in read, health) and its
 *    capacity — the same 100 clients answering back to back for SATURATION_MS (answers/s, p95).
 * 5. Checks: every 201 left exactly one review-log row and none was stored twice.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { encode } from "@auth/core/jwt";
import Database from "better-sqlite3";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "../build-state";
import { NEXT_CLI, nextBuild, waitForServer } from "../next-process";
import { prepare } from "../prepare";
import { groupCpuMs, machineLoad, quantile as quantileOf } from "./measure";

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 20_000);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 6_000);
const SATURATION_MS = Number(process.env.BENCH_SATURATION_MS ?? 5_000);
const PORT = Number(process.env.BENCH_STUDY_PORT ?? 3530);
const BASE = `http://127.0.0.1:${PORT}`;
const COOKIE = "authjs.session-token"; // Auth.js's cookie (and JWT salt) on plain HTTP
const BUILD_DIR = path.join("data", "bench-study-build");

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The q-quantile (nearest rank), to 0.01 ms. */
const quantile = (values: number[], q: number) => quantileOf(values, q, 2);
const p95 = (values: number[]) => quantile(values, 0.95);

/** Prisma's SQLite DateTime text: ISO 8601 with "+00:00". */
const sqliteDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A seeded PRNG (mulberry32) so every run seeds the same collection. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedCards(file: string, userId: string, deckId: string, now: number): { seconds: number } {
  const started = performance.now();
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  const random = prng(20260302);
  const insertNote = db.prepare(
    `INSERT INTO "Note" (id, ownerId, deckId, type, fields, tags, searchText, position, createdAt, updatedAt) VALUES (?, ?, ?, 'basic', ?, ?, ?, ?, ?, ?)`,
  );
  const insertCard = db.prepare(
    `INSERT INTO "Card" (id, ownerId, deckId, noteId, ordinal, position, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const DAY = 86_400_000;
  const created = sqliteDate(now - 400 * DAY);
  db.transaction(() => {
    for (let i = 0; i < CARDS; i++) {
      const noteId = randomUUID();
      const front = `Bench question ${i}: what does setting ${i % 97} do?`;
      const back = `Answer ${i}`;
      insertNote.run(noteId, userId, deckId, JSON.stringify({ front, back }), ` bench topic:t${i % 23} `, `${front.toLowerCase()} ${back.toLowerCase()}`, i, created, created);
      const r = random();
      let state = 0;
      let due = now - 400 * DAY;
      let scheduled = 0;
      let stability = 0;
      let difficulty = 0;
      let reps = 0;
      let lastReview: string | null = null;
      if (r < 0.6) {
        state = 2; // review: due from 30 days ago to a year ahead
        scheduled = 1 + Math.floor(random() * 120);
        due = now + Math.floor((random() * 395 - 30) * DAY);
        stability = scheduled * (0.8 + random() * 0.4);
        difficulty = 1 + random() * 9;
        reps = 2 + Math.floor(random() * 10);
        lastReview = sqliteDate(due - scheduled * DAY);
      } else if (r < 0.603) {
        state = random() < 0.5 ? 1 : 3; // (re)learning: due within the next hour or the last one
        due = now + Math.floor((random() * 2 - 1) * 3_600_000);
        stability = 0.5 + random() * 2;
        difficulty = 1 + random() * 9;
        reps = 1 + Math.floor(random() * 5);
        lastReview = sqliteDate(due - 600_000);
      }
      insertCard.run(randomUUID(), userId, deckId, noteId, i, sqliteDate(due), stability, difficulty, 0, scheduled, reps, state === 3 ? 1 : 0, state, lastReview, created, created);
    }
  })();
  db.close();
  return { seconds: Math.round(performance.now() - started) / 1000 };
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

async function main(): Promise<void> {
  const dataDir = path.resolve("data/bench-study");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, "lambdalab.db");
  const secret = randomBytes(32).toString("base64url");
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: `file:${dbFile}`, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" });

  const { env } = await prepare(log);
  const { getDb, closeDb } = await import("../../lib/db");
  const { loadStudyQueue } = await import("../../lib/srs/db/queue");
  const db = getDb();
  const user = await db.user.create({ data: { email: "bench-learner@example.com", name: "Bench learner", role: "learner" } });
  const deck = await db.deck.create({ data: { ownerId: user.id, kind: "custom", name: "Bench deck" } });
  await closeDb();
  const now = Date.now();
  const seeded = seedCards(dbFile, user.id, deck.id, now);
  log(`bench: seeded ${CARDS.toLocaleString("en")} cards in ${seeded.seconds} s`);

  // ── 1. The due queue, in-process ──────────────────────────────────────────────────────────
  const queueDb = getDb();
  const first = await loadStudyQueue(user.id, {}, queueDb);
  log(`bench: today's queue: ${first.counts.learning} learning, ${first.counts.review} review, ${first.counts.new} new (of ${(await queueDb.card.count({ where: { ownerId: user.id, state: 2, due: { lt: new Date(now) } } })).toLocaleString("en")} overdue reviews)`);
  for (let i = 0; i < 20; i++) await loadStudyQueue(user.id, {}, queueDb);
  const queueTimes: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await loadStudyQueue(user.id, {}, queueDb);
    queueTimes.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpuBefore);
  log(`bench: loadStudyQueue CPU time ${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(2)} ms per call (wall time depends on what else the machine runs)`);
  log(`bench: loadStudyQueue over ${RUNS} runs: p50 ${quantile(queueTimes, 0.5)} ms, p95 ${p95(queueTimes)} ms, max ${quantile(queueTimes, 1)} ms (${machineLoad()})`);

  // Cards to answer over HTTP: distinct, due or new, enough for the whole load.
  // Paced phase, warm-up and CPU probes, then the saturation phase (bounded by a generous rate).
  const needed = Math.ceil((CLIENTS * LOAD_MS) / (PACE_MS * 0.5)) + 300 + Math.ceil(SATURATION_MS / 1000) * 1000;
  const targets = (await queueDb.card.findMany({ where: { ownerId: user.id, state: { in: [0, 2] } }, select: { id: true }, orderBy: { due: "asc" }, take: needed })).map((c) => c.id);
  await closeDb();
  if (process.env.BENCH_HTTP === "0") {
    console.log(JSON.stringify({ dueQueryP95Ms: p95(queueTimes), answerP95Ms: null, trivialP95Ms: null }));
    return;
  }

  // ── 2. Over HTTP ──────────────────────────────────────────────────────────────────────────
  const buildEnv = { ...env, LAMBDALAB_DIST_DIR: BUILD_DIR };
  if (!buildIsCurrent(process.cwd(), BUILD_DIR)) {
    log(`bench: building the app into ${BUILD_DIR} …`);
    const fingerprint = sourceFingerprint();
    // A build needs no database and must not see the bench's secret (lib/auth/config.ts).
    const clean: NodeJS.ProcessEnv = { ...buildEnv };
    delete clean.DATABASE_URL;
    delete clean.AUTH_SECRET;
    if (!nextBuild(clean)) throw new Error("next build failed");
    recordBuild(process.cwd(), BUILD_DIR, fingerprint);
  }
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, salt: COOKIE });
  const cookie = `${COOKIE}=${token}`;
  const logFile = fs.openSync(path.join(dataDir, "next.log"), "a");
  const server: ChildProcess = spawn(process.execPath, [NEXT_CLI, "start", "-p", String(PORT), "-H", "127.0.0.1"], { env: buildEnv, stdio: ["ignore", logFile, logFile], detached: true });
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        // gone
      }
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(`${BASE}/api/health`, 90_000, server);
    const headers = { cookie, "content-type": "application/json" };
    // Warm-up: compile routes, open the database, fill the scheduler cache.
    for (let i = 0; i < 20; i++) {
      const r = await timed(`${BASE}/api/study/answers`, { method: "POST", headers, body: JSON.stringify({ cardId: targets.pop(), rating: 3, idempotencyKey: randomUUID() }) });
      if (r.status !== 201) throw new Error(`warm-up answer: ${r.status} ${r.body.slice(0, 300)}`);
      await timed(`${BASE}/api/health`);
    }

    // CPU the server spends per request, from /proc (user + system time of its process group):
    // unlike latency, it does not depend on what else the machine is running.
    const cpuPerRequest = async (n: number, request: () => Promise<{ status: number }>) => {
      const before = groupCpuMs(server.pid!);
      for (let i = 0; i < n; i++) await request();
      return (groupCpuMs(server.pid!) - before) / n;
    };
    const answerCpu = await cpuPerRequest(100, () => timed(`${BASE}/api/study/answers`, { method: "POST", headers, body: JSON.stringify({ cardId: targets.pop(), rating: 3, idempotencyKey: randomUUID() }) }));
    const healthCpu = await cpuPerRequest(100, () => timed(`${BASE}/api/health`));
    // A signed-in route that only reads one row: what the session and procedure pipeline cost.
    const signedInCpu = await cpuPerRequest(100, () => timed(`${BASE}/api/study/settings`, { headers: { cookie } }));
    log(
      `bench: server CPU per request (sequential): answer ${answerCpu.toFixed(1)} ms, signed-in GET /api/study/settings ${signedInCpu.toFixed(1)} ms, ` +
        `GET /api/health ${healthCpu.toFixed(1)} ms — one core serves about ${Math.round(1000 / answerCpu)} answers/s`,
    );

    const answers: number[] = [];
    const statuses = new Map<number, number>();
    const loadEnd = Date.now() + LOAD_MS;
    let next = 0;
    const client = async (i: number) => {
      await sleep((PACE_MS * i) / CLIENTS); // spread the start
      while (Date.now() < loadEnd) {
        const cardId = targets[next++];
        if (!cardId) break;
        const rating = 1 + ((i + next) % 4);
        const r = await timed(`${BASE}/api/study/answers`, { method: "POST", headers, body: JSON.stringify({ cardId, rating, idempotencyKey: randomUUID() }) });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 201) answers.push(r.ms);
        else if (statuses.get(r.status) === 1) log(`bench: an answer failed: ${r.status} ${r.body.slice(0, 300)}`);
        await sleep(PACE_MS * (0.5 + Math.random()));
      }
    };
    const trivial: number[] = [];
    const probe = async () => {
      while (Date.now() < loadEnd) {
        const r = await timed(`${BASE}/api/health`);
        if (r.status === 200) trivial.push(r.ms);
        await sleep(10);
      }
    };
    const started = Date.now();
    await Promise.all([probe(), ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);
    const seconds = (Date.now() - started) / 1000;
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    log(`bench: ${total} answers in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s) by ${CLIENTS} clients; statuses ${JSON.stringify(Object.fromEntries(statuses))} (${machineLoad()})`);
    log(`bench: answer p50 ${quantile(answers, 0.5)} ms, p95 ${p95(answers)} ms, max ${quantile(answers, 1)} ms; health p50 ${quantile(trivial, 0.5)} ms, p95 ${p95(trivial)} ms (${trivial.length} probes)`);

    // Capacity: the same clients with no pause between answers, for SATURATION_MS.
    const saturated: number[] = [];
    const satStatuses = new Map<number, number>();
    const satEnd = Date.now() + SATURATION_MS;
    const satStart = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < satEnd) {
          const cardId = targets[next++];
          if (!cardId) break;
          const r = await timed(`${BASE}/api/study/answers`, { method: "POST", headers, body: JSON.stringify({ cardId, rating: 3, idempotencyKey: randomUUID() }) });
          satStatuses.set(r.status, (satStatuses.get(r.status) ?? 0) + 1);
          if (r.status === 201) saturated.push(r.ms);
        }
      }),
    );
    const satSeconds = (Date.now() - satStart) / 1000;
    log(`bench: capacity: ${CLIENTS} clients back to back for ${satSeconds.toFixed(1)} s: ${(saturated.length / satSeconds).toFixed(0)} answers/s, p50 ${quantile(saturated, 0.5)} ms, p95 ${p95(saturated)} ms; statuses ${JSON.stringify(Object.fromEntries(satStatuses))}`);

    // Every acknowledged answer is stored once.
    const check = new Database(dbFile, { readonly: true });
    const rows = check.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT cardId) AS cards FROM "ReviewLog" WHERE ownerId = ?`).get(user.id) as { n: number; cards: number };
    check.close();
    const acknowledged = (statuses.get(201) ?? 0) + (satStatuses.get(201) ?? 0) + 20 + 100;
    if (rows.n !== acknowledged || rows.cards !== acknowledged) throw new Error(`review log has ${rows.n} rows for ${rows.cards} cards, expected ${acknowledged} answers`);
    if ((statuses.get(201) ?? 0) < total * 0.99) throw new Error(`more than 1% of answers failed: ${JSON.stringify(Object.fromEntries(statuses))}`);

    console.log(JSON.stringify({ dueQueryP95Ms: p95(queueTimes), answerP95Ms: p95(answers), trivialP95Ms: p95(trivial) }));
  } finally {
    stop();
    await new Promise((r) => (server.exitCode === null && server.signalCode === null ? server.once("exit", r) : r(null)));
    fs.closeSync(logFile);
  }
}

main().catch((error: unknown) => {
  log(`bench:study failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
