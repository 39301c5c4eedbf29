/**
 * npm run bench:engine — the engine's speed, as issue 3 asks. The LAST line printed is one JSON
 * object: {"sandboxedInvocationsPerSec","rawQuickjsCallsPerSec","overheadRatio",
 * "asyncFailureScenarioMs","bigScenarioMs","bigScenarioPeakRssMb"}.
 *
 * What each side measures (HANDLER below, one warm context each, same process, same wasm build):
 * - sandboxedInvocationsPerSec — the whole engine: a scenario of 10,000 synchronous Invoke steps
 *   10 ms apart on one warm environment, run to its trace. Per invocation that is the step
 *   (cursor event, step record, the Invoke API: payload text — cached per payload object — and
 *   its 6 MB check, routing, a request id), the attempt (concurrency check, warm environment,
 *   the warm-start and completion events, invocation and timeline records, START/END/REPORT
 *   log lines), the sandbox call (FunctionRuntime.invoke: the event text into QuickJS, the Lambda
 *   context object, the handler, its promise, the result stringified inside QuickJS and read
 *   back) and the answer (the payload parsed once for the trace, the step's response).
 * - rawQuickjsCallsPerSec — the floor: the same handler in one QuickJS context of the same
 *   build, driven through the same raw FFI calls the sandbox uses: the event text in and parsed
 *   in QuickJS in the call that starts the handler, promise jobs run, the value stringified in
 *   QuickJS and read back as text (sandbox/raw-benchmark.ts rawQuickjsLoop). No context object,
 *   no limits, no trace. (The same calls through quickjs-emscripten's public handle API are
 *   printed for reference: their lifetimes cost more than the handler, so they would flatter
 *   the engine.)
 * - overheadRatio: raw / sandboxed (1.0 = the engine costs nothing on top of QuickJS).
 * - The sides run interleaved, round after round, and each keeps its best round: on a busy
 *   machine every side is slowed alike, and the best round is the least disturbed.
 * - Also printed: the sandbox call alone (FunctionRuntime.invoke with a do-nothing host) and the
 *   engine alone (the same scenario with a runtime that costs nothing), to show where the time
 *   between the floor and the whole goes.
 * - asyncFailureScenarioMs: wall time of the default async-failure scenario (3 attempts over
 *   ~3 virtual minutes), median of 7.
 * - bigScenarioMs / bigScenarioPeakRssMb: 10,000 async invocations against a reserved
 *   concurrency of 50 (with throttles and backoff), in a fresh child process so the peak RSS
 *   is its own.
 *
 * Targets (issue 3): ≥ 25,000/s, ≤ 1.5×, ≤ 20 ms, ≤ 2,000 ms, ≤ 300 MB.
 */
import { spawnSync } from "node:child_process";
import { createQuickJsRuntimeFactory, runScenario, validateScenario, type RuntimeFactory, type Scenario } from "../../lib/engine";
import { rawQuickjsHandleApiLoop, rawQuickjsLoop, sandboxedLoop, type CallLoop } from "../../lib/engine/sandbox/raw-benchmark";

const HANDLER = "exports.handler = async (event) => ({ n: event.n + 1 });";
const SEQUENTIAL = 10_000;
const ROUNDS = 5;

function scenario(value: unknown): Scenario {
  const v = validateScenario(value);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

const fnStep = (name: string, code: string, extra: Record<string, unknown> = {}) => ({
  CreateFunction: { FunctionName: name, Runtime: "nodejs20.x", Handler: "index.handler", Code: { ZipFile: code }, ...extra },
});

function sequentialScenario(): Scenario {
  return scenario({
    steps: [
      fnStep("trivial", HANDLER),
      // one cold call first, so every measured call is warm (each takes warmStart + 5 ms < 10 ms apart)
      { at: "500ms", Invoke: { FunctionName: "trivial", Payload: { n: 0 } } },
      { at: "1s", repeat: { times: SEQUENTIAL, every: "10ms" }, Invoke: { FunctionName: "trivial", Payload: { n: 1 } } },
    ],
  });
}

function asyncFailureScenario(): Scenario {
  return scenario({
    steps: [
      fnStep("failing", "exports.handler = async () => { throw new Error('boom'); };"),
      { at: "1s", Invoke: { FunctionName: "failing", InvocationType: "Event", Payload: { order: 1 } } },
    ],
  });
}

function bigScenario(): Scenario {
  return scenario({
    steps: [
      fnStep("worker", "exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 100)); return e.n; };"),
      { PutFunctionConcurrency: { FunctionName: "worker", ReservedConcurrentExecutions: 50 } },
      { at: "1s", repeat: { times: 10_000, every: "1ms" }, Invoke: { FunctionName: "worker", InvocationType: "Event", Payload: { n: 1 } } },
    ],
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * A runtime that costs nothing: it answers like the benchmark's handlers (`trivial` at once,
 * `worker` after a 100 ms timer) without running JavaScript. Timing the same scenarios with it
 * shows the engine's own share, apart from the sandbox's.
 */
function zeroCostRuntime(): RuntimeFactory {
  return {
    tainted: false,
    create(config) {
      let due = 0;
      return {
        init: () => ({ kind: "returned", payload: undefined }),
        invoke: () => {
          if (config.functionName !== "worker") return { kind: "returned", payload: '{"n":2}' };
          due = config.host.now() + 100;
          return { kind: "waiting", nextTimerAt: due };
        },
        advance: () => (config.host.now() >= due ? { kind: "returned", payload: "1" } : { kind: "waiting", nextTimerAt: due }),
        settle: () => ({ kind: "waiting", nextTimerAt: null }),
        dispose() {},
      };
    },
  };
}

/** Child mode: run the big scenario once in this fresh process and print its numbers. */
async function bigChild(): Promise<void> {
  const runtime = process.argv.includes("--zero-cost") ? zeroCostRuntime() : await createQuickJsRuntimeFactory();
  const s = bigScenario();
  const t0 = performance.now();
  const trace = runScenario(s, { runtime });
  const ms = performance.now() - t0;
  const ok = trace.invocations.filter((i) => i.status === "success").length;
  process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, invocations: trace.invocations.length, ok, throttles: trace.throttles.length }) + "\n");
}

async function main(): Promise<void> {
  if (process.argv.includes("--big-child")) return bigChild();
  const runtime = await createQuickJsRuntimeFactory();
  const seq = sequentialScenario();
  const zero = zeroCostRuntime();
  const loops: { raw: CallLoop; api: CallLoop; sandbox: CallLoop } = {
    raw: await rawQuickjsLoop(HANDLER),
    api: await rawQuickjsHandleApiLoop(HANDLER),
    sandbox: await sandboxedLoop(HANDLER),
  };
  const runEngine = (r: RuntimeFactory) => {
    const trace = runScenario(seq, { runtime: r });
    if (trace.invocations.length !== SEQUENTIAL + 1 || trace.environments.length !== 1) throw new Error("the sequential scenario did not stay warm");
  };
  // µs per call, best round of each side; the rounds interleave the sides
  const best = { raw: Infinity, api: Infinity, sandbox: Infinity, engine: Infinity, engineAlone: Infinity };
  const time = (key: keyof typeof best, run: () => void) => {
    const t0 = performance.now();
    run();
    best[key] = Math.min(best[key], ((performance.now() - t0) * 1000) / SEQUENTIAL);
  };
  for (const loop of Object.values(loops)) loop.run(2000);
  runEngine(runtime);
  runEngine(zero);
  for (let round = 0; round < ROUNDS; round++) {
    time("raw", () => loops.raw.run(SEQUENTIAL));
    time("engine", () => runEngine(runtime));
    time("sandbox", () => loops.sandbox.run(SEQUENTIAL));
    time("engineAlone", () => runEngine(zero));
    time("api", () => loops.api.run(SEQUENTIAL));
  }
  for (const loop of Object.values(loops)) loop.dispose();
  const raw = 1e6 / best.raw;
  const sandboxed = 1e6 / best.engine;
  console.log(`raw QuickJS (floor, raw FFI): ${best.raw.toFixed(2)} µs per call (${Math.round(raw)} calls/s)`);
  console.log(`raw QuickJS through quickjs-emscripten's handle API (reference): ${best.api.toFixed(2)} µs per call`);
  console.log(`sandbox call alone (FunctionRuntime.invoke): ${best.sandbox.toFixed(2)} µs per call`);
  console.log(`engine alone (zero-cost runtime): ${best.engineAlone.toFixed(2)} µs per invocation`);
  console.log(`whole engine: ${best.engine.toFixed(2)} µs per sequential warm invocation (${Math.round(sandboxed)}/s; best of ${ROUNDS} rounds of ${SEQUENTIAL})`);

  const failing = asyncFailureScenario();
  runScenario(failing, { runtime });
  const failTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const trace = runScenario(failing, { runtime });
    failTimes.push(performance.now() - t0);
    if (trace.invocations.length !== 3) throw new Error("the async failure scenario did not make 3 attempts");
  }
  console.log(`async failure scenario: ${median(failTimes).toFixed(2)} ms (median of 7)`);

  const bigRun = (...flags: string[]) => {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--big-child", ...flags], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`big scenario child failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").pop()!) as { ms: number; peakRssMb: number; invocations: number; ok: number; throttles: number };
  };
  const big = bigRun();
  console.log(`big scenario: ${big.invocations} invocations (${big.ok} ok, ${big.throttles} throttles) in ${big.ms.toFixed(0)} ms, peak RSS ${big.peakRssMb.toFixed(0)} MB`);

  const bigZero = bigRun("--zero-cost");
  console.log(`big scenario with a zero-cost runtime (the engine alone): ${bigZero.ms.toFixed(0)} ms`);

  console.log(
    JSON.stringify({
      sandboxedInvocationsPerSec: Math.round(sandboxed),
      rawQuickjsCallsPerSec: Math.round(raw),
      overheadRatio: Number((raw / sandboxed).toFixed(2)),
      asyncFailureScenarioMs: Number(median(failTimes).toFixed(2)),
      bigScenarioMs: Math.round(big.ms),
      bigScenarioPeakRssMb: Math.round(big.peakRssMb),
    }),
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exitCode = 2;
});
