/**
 * Benchmark helpers (for `npm run bench:engine`, not for tests: tests never assert speed).
 *
 * Each returns a call loop over ONE warm context of the same handler, so the benchmark can
 * interleave them (a busy machine then slows every side alike) and keep the best round of each:
 *
 * - rawQuickjsLoop — the floor: what QuickJS itself costs for the handler. The same wasm build,
 *   loaded the same way as the sandbox's (quickjs-module.ts), driven through the same raw FFI
 *   calls (raw-calls.ts). Per call: the event goes in as JSON text and is parsed inside QuickJS
 *   in the call that starts the handler, the promise jobs run, the fulfilled value is
 *   stringified inside QuickJS and read back as text. Nothing else: no context object, no
 *   limits, no clock, no mailbox.
 * - rawQuickjsHandleApiLoop — the same through quickjs-emscripten's public handle API
 *   (newString, callFunction, executePendingJobs, getPromiseState, dump/getString, dispose):
 *   what a straightforward embedding pays. Its lifetimes and argument arrays cost more than the
 *   handler itself, so it is reported for reference, not as the floor.
 * - sandboxedLoop — the same handler through this sandbox's FunctionRuntime.invoke (turn
 *   bookkeeping, limits armed, the Lambda context object, completion through the mailbox), with
 *   a host that does nothing; no engine around it.
 */
import { newQuickJSWASMModuleFromVariant, RELEASE_SYNC, type QuickJSContext, type QuickJSHandle } from "quickjs-emscripten";
import type { InvokeContext } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";
import { loadQuickJs } from "./quickjs-module";
import { RawCalls } from "./raw-calls";

export const BENCH_EVENT = '{"n":1}';

export interface CallLoop {
  /** Makes `n` warm calls; throws if the handler does not answer. */
  run(n: number): void;
  dispose(): void;
}

/** The handler's module as a function returning `[start(eventJson), stringify(value)]`. */
function rawEntryPoints(handlerSource: string): string {
  return `(function () { const module = { exports: {} }, exports = module.exports; ${handlerSource}
; const handler = module.exports.handler; return [(text) => handler(JSON.parse(text)), (value) => JSON.stringify(value)]; })()`;
}

export async function rawQuickjsLoop(handlerSource: string): Promise<CallLoop> {
  const quickjs = await loadQuickJs();
  const runtime = quickjs.module.newRuntime();
  const vm = runtime.newContext();
  const pair = vm.evalCode(rawEntryPoints(handlerSource));
  if (pair.error) throw new Error(`the handler did not load: ${JSON.stringify(vm.dump(pair.error))}`);
  const start = vm.getProp(pair.value, 0);
  const stringify = vm.getProp(pair.value, 1);
  pair.value.dispose();
  const raw = new RawCalls(quickjs, vm);
  const call = (): string => {
    const promise = raw.callString(start, BENCH_EVENT);
    if (!promise) throw new Error("the handler threw");
    raw.runJobs();
    const fulfilled = raw.promiseState(promise) === 1;
    const value = raw.promiseResult(promise);
    raw.free(promise);
    const text = fulfilled ? raw.callValue(stringify, value) : 0;
    raw.free(value);
    if (!text) throw new Error("the handler did not fulfil its promise");
    return raw.text(text);
  };
  return callLoop("raw", call, () => {
    start.dispose();
    stringify.dispose();
    raw.dispose();
    vm.dispose();
    runtime.dispose();
  });
}

export async function rawQuickjsHandleApiLoop(handlerSource: string): Promise<CallLoop> {
  const quickjs = await newQuickJSWASMModuleFromVariant(RELEASE_SYNC);
  const runtime = quickjs.newRuntime();
  const vm: QuickJSContext = runtime.newContext();
  const pair = vm.evalCode(rawEntryPoints(handlerSource));
  if (pair.error) throw new Error(`the handler did not load: ${JSON.stringify(vm.dump(pair.error))}`);
  const start = vm.getProp(pair.value, 0);
  const stringify = vm.getProp(pair.value, 1);
  pair.value.dispose();
  const call = (): string => {
    const text = vm.newString(BENCH_EVENT);
    const handles: QuickJSHandle[] = [text];
    try {
      const result = vm.unwrapResult(vm.callFunction(start, vm.undefined, text));
      handles.push(result);
      runtime.executePendingJobs().dispose();
      const state = vm.getPromiseState(result);
      if (state.type !== "fulfilled") {
        if (state.type === "rejected") handles.push(state.error);
        throw new Error("the handler did not fulfil its promise");
      }
      if (state.value !== result) handles.push(state.value);
      const out = vm.unwrapResult(vm.callFunction(stringify, vm.undefined, state.value));
      handles.push(out);
      return vm.getString(out);
    } finally {
      for (const handle of handles) handle.dispose();
    }
  };
  return callLoop("raw", call, () => {
    start.dispose();
    stringify.dispose();
    vm.dispose();
    runtime.dispose();
  });
}

export async function sandboxedLoop(handlerSource: string): Promise<CallLoop> {
  const factory = await createQuickJsRuntimeFactory();
  const runtime = factory.create({
    functionName: "bench",
    functionVersion: "$LATEST",
    code: handlerSource,
    handler: "index.handler",
    environment: {},
    memoryLimitMb: 128,
    timeoutMs: 3000,
    seed: 1,
    tmp: { files: new Map() },
    host: { now: () => 0, epochMs: 0, log: () => undefined, sdk: () => ({ kind: "ok", output: {} }) },
  });
  const init = runtime.init();
  if (init.kind !== "returned") throw new Error(`Init failed: ${JSON.stringify(init)}`);
  const context: InvokeContext = {
    awsRequestId: "00000000-0000-4000-8000-000000000000",
    functionName: "bench",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:bench",
    memoryLimitInMB: "128",
    logGroupName: "/aws/lambda/bench",
    logStreamName: "2025/01/01/[$LATEST]bench",
    deadline: 3000,
  };
  const call = (): string | undefined => {
    const turn = runtime.invoke(BENCH_EVENT, context);
    if (turn.kind !== "returned") throw new Error(`the invocation did not return: ${JSON.stringify(turn)}`);
    return turn.payload;
  };
  return callLoop("sandboxed", call, () => runtime.dispose());
}

/** A loop of warm calls, once the first call has answered as the bench handler must. */
function callLoop(what: string, call: () => string | undefined, dispose: () => void): CallLoop {
  if (call() !== '{"n":2}') throw new Error(`the ${what} call did not answer {"n":2}`);
  return {
    run(n) {
      for (let i = 0; i < n; i++) call();
    },
    dispose,
  };
}

/** Calls per second over `n` warm calls, after a warm-up of min(n, 2000). */
async function rate(loop: Promise<CallLoop>, n: number): Promise<number> {
  const l = await loop;
  try {
    l.run(Math.min(n, 2000));
    const started = performance.now();
    l.run(n);
    return n / ((performance.now() - started) / 1000);
  } finally {
    l.dispose();
  }
}

export function measureRawQuickjsCalls(handlerSource: string, n: number): Promise<number> {
  return rate(rawQuickjsLoop(handlerSource), n);
}

export function measureSandboxedCalls(handlerSource: string, n: number): Promise<number> {
  return rate(sandboxedLoop(handlerSource), n);
}
