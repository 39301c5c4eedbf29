/**
 * npm run bench:engine — the engine's speed, as issue 3 asks. The LAST line printed is one JSON
 * object: {"sandboxedInvocationsPerSec","rawQuickjsCallsPerSec","overheadRatio",
 * "asyncFailureScenarioMs","bigScenarioMs","bigScenarioPeakRssMb"}.
 *
 * - sandboxedInvocationsPerSec: sequential warm synchronous invocations of a trivial handler
 *   through the whole engine (scenario step → Invoke → environment → QuickJS → trace), best of 3.
 * - rawQuickjsCallsPerSec: the same handler called directly in one QuickJS context (event in
 *   as JSON, result out as JSON, promise jobs run), best of 3.
 * - overheadRatio: raw / sandboxed (1.0 = the engine costs nothing on top of QuickJS).
 * - asyncFailureScenarioMs: wall time of the default async-failure scenario (3 attempts over
 *   ~3 virtual minutes), median of 7.
 * - bigScenarioMs / bigScenarioPeakRssMb: 10,000 async invocations against a reserved
 *   concurrency of 50 (with throttles and backoff), in a fresh child process so the peak RSS
 *   is its own.
 *
 * Targets (issue 3): ≥ 25,000/s, ≤ 1.5×, ≤ 20 ms, ≤ 2,000 ms, ≤ 300 MB.
 */
import { spawnSync } from "node:child_process";
import { getQuickJS } from "quickjs-emscripten";
import { createQuickJsRuntimeFactory, runScenario, validateScenario, type RuntimeFactory, type Scenario } from "../../lib/engine";

const HANDLER = "exports.handler = async (event) => ({ n: event.n + 1 });";
const SEQUENTIAL = 10_000;

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

function best(xs: number[]): number {
  return Math.min(...xs);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function rawQuickJs(): Promise<number> {
  const QuickJS = await getQuickJS();
  const runtime = QuickJS.newRuntime();
  const vm = runtime.newContext();
  const loaded = vm.evalCode(`const exports = {}; ${HANDLER}; globalThis.handler = exports.handler;`);
  if (loaded.error) throw new Error("raw handler did not load");
  loaded.value.dispose();
  const handler = vm.getProp(vm.global, "handler");
  const json = vm.getProp(vm.global, "JSON");
  const parse = vm.getProp(json, "parse");
  const stringify = vm.getProp(json, "stringify");
  const call = () => {
    const text = vm.newString('{"n":1}');
    const event = vm.unwrapResult(vm.callFunction(parse, vm.undefined, text));
    const promise = vm.unwrapResult(vm.callFunction(handler, vm.undefined, event));
    runtime.executePendingJobs();
    const state = vm.getPromiseState(promise);
    if (state.type !== "fulfilled") throw new Error("raw handler did not fulfil");
    const out = vm.unwrapResult(vm.callFunction(stringify, vm.undefined, state.value));
    const result = vm.getString(out);
    for (const h of [text, event, promise, state.value, out]) h.dispose();
    return result;
  };
  for (let i = 0; i < 2000; i++) call();
  const rates: number[] = [];
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) call();
    rates.push(SEQUENTIAL / ((performance.now() - t0) / 1000));
  }
  for (const h of [handler, json, parse, stringify]) h.dispose();
  vm.dispose();
  runtime.dispose();
  return Math.max(...rates);
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

  const raw = await rawQuickJs();
  console.log(`raw QuickJS: ${Math.round(raw)} calls/s`);

  const seq = sequentialScenario();
  runScenario(seq, { runtime });
  const seqTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const trace = runScenario(seq, { runtime });
    seqTimes.push(performance.now() - t0);
    if (trace.invocations.length !== SEQUENTIAL + 1 || trace.environments.length !== 1) throw new Error("the sequential scenario did not stay warm");
  }
  const sandboxed = SEQUENTIAL / (best(seqTimes) / 1000);
  console.log(`engine: ${Math.round(sandboxed)} sequential warm invocations/s (${SEQUENTIAL} per run, best of 3)`);

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

  // the engine's own share: the same scenarios with a runtime that costs nothing
  const zero = zeroCostRuntime();
  runScenario(seq, { runtime: zero });
  const zeroTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    runScenario(seq, { runtime: zero });
    zeroTimes.push(performance.now() - t0);
  }
  const engineOnly = best(zeroTimes) / SEQUENTIAL;
  const bigZero = bigRun("--zero-cost");
  console.log(`engine alone (zero-cost runtime): ${(engineOnly * 1000).toFixed(1)} µs per sequential invocation, big scenario ${bigZero.ms.toFixed(0)} ms`);

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
