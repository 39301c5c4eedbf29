/**
 * Benchmark helpers (for `npm run bench:engine`, not for tests: tests never assert speed).
 *
 * - measureRawQuickjsCalls: the floor — the same handler called straight through
 *   quickjs-emscripten in one context, with what any embedding must do per call: the event in as
 *   JSON text (JSON.parse inside QuickJS), run the promise jobs, the result out as JSON text.
 * - measureSandboxedCalls: the same handler through this sandbox's FunctionRuntime (bootstrap,
 *   context object, completion reporting, limits), without the engine around it.
 *
 * Both return calls per second over `n` warm calls, after a warm-up of min(n, 2000) calls.
 */
import { newQuickJSWASMModuleFromVariant, RELEASE_SYNC, type QuickJSContext, type QuickJSHandle } from "quickjs-emscripten";
import type { InvokeContext, Turn } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";

const EVENT = '{"n":1}';

function rate(n: number, run: () => void): number {
  for (let i = 0; i < Math.min(n, 2000); i++) run();
  const started = performance.now();
  for (let i = 0; i < n; i++) run();
  return n / ((performance.now() - started) / 1000);
}

export async function measureRawQuickjsCalls(handlerSource: string, n: number): Promise<number> {
  const quickjs = await newQuickJSWASMModuleFromVariant(RELEASE_SYNC);
  const runtime = quickjs.newRuntime();
  const vm: QuickJSContext = runtime.newContext();
  const loaded = vm.evalCode(`(function () { const module = { exports: {} }, exports = module.exports; ${handlerSource}\n; return module.exports.handler; })()`);
  if (loaded.error) throw new Error(`the handler did not load: ${JSON.stringify(vm.dump(loaded.error))}`);
  const handler = loaded.value;
  const json = vm.getProp(vm.global, "JSON");
  const parse = vm.getProp(json, "parse");
  const stringify = vm.getProp(json, "stringify");
  const call = () => {
    const text = vm.newString(EVENT);
    const event = vm.unwrapResult(vm.callFunction(parse, vm.undefined, text));
    const result = vm.unwrapResult(vm.callFunction(handler, vm.undefined, event));
    runtime.executePendingJobs();
    const state = vm.getPromiseState(result);
    const handles: QuickJSHandle[] = [text, event, result];
    try {
      if (state.type !== "fulfilled") {
        if (state.type === "rejected") handles.push(state.error);
        throw new Error("the handler did not fulfil its promise");
      }
      if (state.value !== result) handles.push(state.value);
      const out = vm.unwrapResult(vm.callFunction(stringify, vm.undefined, state.value));
      handles.push(out);
      vm.getString(out);
    } finally {
      for (const handle of handles) handle.dispose();
    }
  };
  try {
    return rate(n, call);
  } finally {
    for (const handle of [handler, json, parse, stringify]) handle.dispose();
    vm.dispose();
    runtime.dispose();
  }
}

export async function measureSandboxedCalls(handlerSource: string, n: number): Promise<number> {
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
  try {
    return rate(n, () => {
      const turn: Turn = runtime.invoke(EVENT, context);
      if (turn.kind !== "returned") throw new Error(`the invocation did not return: ${JSON.stringify(turn)}`);
    });
  } finally {
    runtime.dispose();
  }
}
