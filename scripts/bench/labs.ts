/**
 * npm run bench:labs — grading under load, as issue 4 asks. The LAST line printed is one JSON
 * object: {"gradeP95Ms","trivialP95IdleMs","trivialP95UnderLoadMs"}.
 *
 * What it does: a fresh SQLite database in data/bench-labs (migrated, built-in labs loaded), a
 * production build if the sources changed, `next start` on BENCH_LABS_PORT (default 3520, from the
 * benches' 3500–3599 range), 50 learner accounts created directly in the database with session
 * cookies minted from the bench's AUTH_SECRET. Each learner opens one built-in lab (round robin),
 * submits one warm-up attempt (this fills the per-variant truth cache through the engine pool),
 * then:
 *
 * - trivialP95IdleMs: GET /api/health one request at a time for IDLE_MS, nothing else running;
 * - gradeP95Ms: 50 learners concurrently POST /api/labs/{id}/attempts for LOAD_MS, each about
 *   once per PACE_MS (default 1 s, jittered ±50%) — ~50 attempts/s in all, and a learner's
 *   attempts stay under the grading rate limit (120/min);
 * - trivialP95UnderLoadMs: the same health probe during that load.
 *
 * Targets on 2 cores: gradeP95Ms ≤ 100, trivialP95UnderLoadMs ≤ 3 × trivialP95IdleMs.
 *
 * On stderr besides: the server's CPU time per request (sequential grades and health probes, from
 * /proc — unlike latency it hardly depends on what else a shared machine runs), p50/p99 of every
 * phase, and the machine's load average when each phase ran.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { encode } from "@auth/core/jwt";
import { buildIsCurrent, recordBuild } from "../build-state";
import { NEXT_CLI, nextBuild, waitForServer } from "../next-process";
import { prepare } from "../prepare";
import { cpuPerRequest, machineLoad, quantile } from "./measure";

const LEARNERS = 50;
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5_000);
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 20_000);
// A learner submits about once a second (jittered 0.5–1.5 s): far more often than a person does
// (they read the feedback first), so 50 learners offer ~50 attempts/s.
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1_000);
const PORT = Number(process.env.BENCH_LABS_PORT ?? 3520);
const BASE = `http://127.0.0.1:${PORT}`;
const COOKIE = "authjs.session-token"; // Auth.js's cookie (and JWT salt) on plain HTTP

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const p95 = (values: number[]) => quantile(values, 0.95);
const spread = (values: number[]) => `p50 ${quantile(values, 0.5)} ms, p95 ${p95(values)} ms, p99 ${quantile(values, 0.99)} ms, max ${quantile(values, 1)} ms`;

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

/** GET /api/health back to back (with a short gap) until `until()` says stop. */
async function probe(until: () => boolean): Promise<number[]> {
  const out: number[] = [];
  while (!until()) {
    const r = await timed(`${BASE}/api/health`);
    if (r.status === 200) out.push(r.ms);
    await sleep(10);
  }
  return out;
}

interface Question {
  id: string;
  type: string;
  options?: { value: unknown }[];
  items?: { value: unknown }[];
}

/** A valid (not necessarily right) prediction for every question. */
function predictions(questions: Question[], k: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.type === "number") out[q.id] = k % 4;
    else if (q.type === "boolean") out[q.id] = k % 2 === 0;
    else if (q.type === "choice") out[q.id] = q.options![k % q.options!.length]!.value;
    else if (q.type === "multi-choice") out[q.id] = [q.options![k % q.options!.length]!.value];
    else if (q.type === "ordered") out[q.id] = q.items!.map((i) => i.value);
    else out[q.id] = "RetriesExhausted";
  }
  return out;
}

async function main(): Promise<void> {
  const dataDir = path.resolve("data/bench-labs");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "lambdalab.db")}`, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" });

  const { env } = await prepare(log);
  if (!buildIsCurrent()) {
    log("bench: building the app …");
    if (!nextBuild(env)) throw new Error("next build failed");
    recordBuild();
  }

  const { getDb, closeDb } = await import("../../lib/db");
  const db = getDb();
  const labs = (await db.lab.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((l) => l.slug);
  if (!labs.length) throw new Error("no built-in labs were loaded");
  const learners = await Promise.all(
    Array.from({ length: LEARNERS }, async (_, i) => {
      const user = await db.user.create({ data: { email: `bench-learner-${i}@example.com`, name: `Learner ${i}`, role: "learner" } });
      const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, salt: COOKIE });
      return { cookie: `${COOKIE}=${token}`, lab: labs[i % labs.length]! };
    }),
  );
  await closeDb();

  const logFile = fs.openSync(path.join(dataDir, "next.log"), "a");
  // BENCH_PROFILE_DIR=<dir>: write a V8 CPU profile of the server (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  // Its own process group: the CPU measurements below sum the group's processes.
  const server: ChildProcess = spawn(process.execPath, [...profile, NEXT_CLI, "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", logFile, logFile], detached: true });
  // SIGINT lets Node write the CPU profile on the way out.
  const stop = () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid!, profile.length ? "SIGINT" : "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(`${BASE}/api/health`, 60_000, server);

    // Each learner opens their lab and submits once: fills the per-variant cache, warms routes.
    const plans = await Promise.all(
      learners.map(async (l, i) => {
        const view = await timed(`${BASE}/api/labs/${l.lab}`, { headers: { cookie: l.cookie } });
        if (view.status !== 200) throw new Error(`GET /api/labs/${l.lab}: ${view.status} ${view.body.slice(0, 200)}`);
        const questions = (JSON.parse(view.body) as { data: { lab: { questions: Question[] } } }).data.lab.questions;
        return { ...l, body: (k: number) => JSON.stringify({ answers: predictions(questions, k + i) }) };
      }),
    );
    const warm = await Promise.all(plans.map((p) => timed(`${BASE}/api/labs/${p.lab}/attempts`, { method: "POST", headers: { cookie: p.cookie, "content-type": "application/json" }, body: p.body(0) })));
    const warmFailures = warm.filter((w) => w.status !== 201);
    if (warmFailures.length) throw new Error(`warm-up attempt failed: ${warmFailures[0]!.status} ${warmFailures[0]!.body.slice(0, 300)}`);
    log(`bench: warm-up: ${warm.length} attempts, slowest ${Math.round(Math.max(...warm.map((w) => w.ms)))} ms (first runs of each variant)`);

    // The server's CPU per request, one at a time (each learner grades twice: within its rate limit).
    let k = 0;
    const gradeCpu = await cpuPerRequest(server.pid!, 2 * plans.length, async () => {
      const p = plans[k++ % plans.length]!;
      const r = await timed(`${BASE}/api/labs/${p.lab}/attempts`, { method: "POST", headers: { cookie: p.cookie, "content-type": "application/json" }, body: p.body(k) });
      if (r.status !== 201) throw new Error(`sequential attempt: ${r.status} ${r.body.slice(0, 300)}`);
    });
    const healthCpu = await cpuPerRequest(server.pid!, 200, () => timed(`${BASE}/api/health`));
    log(`bench: server CPU per request (sequential): POST /api/labs/{id}/attempts ${gradeCpu.toFixed(1)} ms, GET /api/health ${healthCpu.toFixed(1)} ms — one core grades about ${Math.round(1000 / gradeCpu)} attempts/s`);

    log(`bench: idle phase (${machineLoad()})`);
    const idleEnd = Date.now() + IDLE_MS;
    const idle = await probe(() => Date.now() > idleEnd);

    const loadEnd = Date.now() + LOAD_MS;
    const grades: number[] = [];
    const statuses = new Map<number, number>();
    const learnerLoops = plans.map(async (p, i) => {
      await sleep((PACE_MS * i) / LEARNERS); // spread the start
      for (let k = 1; Date.now() < loadEnd; k++) {
        const r = await timed(`${BASE}/api/labs/${p.lab}/attempts`, { method: "POST", headers: { cookie: p.cookie, "content-type": "application/json" }, body: p.body(k) });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 201) grades.push(r.ms);
        await sleep(PACE_MS * (0.5 + Math.random()));
      }
    });
    log(`bench: load phase (${machineLoad()})`);
    const underLoad = await Promise.all([probe(() => Date.now() > loadEnd), ...learnerLoops]).then(([probes]) => probes);

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    log(`bench: ${total} attempts in ${LOAD_MS / 1000} s by ${LEARNERS} learners over ${labs.length} labs; statuses ${JSON.stringify(Object.fromEntries(statuses))} (${machineLoad()})`);
    log(`bench: grade ${spread(grades)}`);
    log(`bench: health idle (${idle.length} probes) ${spread(idle)}; under load (${underLoad.length} probes) ${spread(underLoad)} — ${(p95(underLoad) / p95(idle)).toFixed(2)}× idle`);
    if ((statuses.get(201) ?? 0) < total * 0.99) throw new Error(`more than 1% of attempts failed: ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(JSON.stringify({ gradeP95Ms: p95(grades), trivialP95IdleMs: p95(idle), trivialP95UnderLoadMs: p95(underLoad) }));
  } finally {
    stop();
    await new Promise((r) => (server.exitCode === null && server.signalCode === null ? server.once("exit", r) : r(null)));
    fs.closeSync(logFile);
  }
}

main().catch((error: unknown) => {
  log(`bench:labs failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
