// Freeing execution environments: every runtime the engine disposes — finished, still waiting,
// or stopped mid-job by the CPU budget, process.exit or heap exhaustion — is freed inside QuickJS
// without emscripten's abort() ("Aborted(Assertion failed: list_empty(&rt->gc_obj_list) …
// JS_FreeRuntime)"), which would mean the host still held a guest value, and without leaving the
// runtime in the shared wasm heap.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runScenario } from "../run";
import { validateScenario } from "../scenario/validate";
import type { FunctionRuntime, RuntimeFactory } from "./contract";
import { createQuickJsRuntimeFactory, type QuickJsRuntimeFactory } from "./factory";

type Printed = string[];

/** Everything written to stderr or console.error while a test runs. */
function captureStderr(): { printed: Printed; restore: () => void } {
  const printed: Printed = [];
  const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  const write = vi.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stderr.write);
  return {
    printed,
    restore: () => {
      error.mockRestore();
      write.mockRestore();
    },
  };
}

let stderr: ReturnType<typeof captureStderr>;
beforeEach(() => {
  stderr = captureStderr();
});
afterEach(() => {
  stderr.restore();
});

function runtimeFor(factory: RuntimeFactory, code: string, opts: { timeoutMs?: number; memoryLimitMb?: number } = {}): FunctionRuntime {
  return factory.create({
    functionName: "fn",
    functionVersion: "$LATEST",
    code,
    handler: "index.handler",
    environment: {},
    memoryLimitMb: opts.memoryLimitMb ?? 128,
    timeoutMs: opts.timeoutMs ?? 1000,
    seed: 1,
    tmp: { files: new Map() },
    host: { now: () => 0, epochMs: 0, log: () => undefined, sdk: () => ({ kind: "ok", output: {} }) },
  });
}

const context = { awsRequestId: "r", functionName: "fn", functionVersion: "$LATEST", invokedFunctionArn: "arn", memoryLimitInMB: "128", logGroupName: "g", logStreamName: "s", deadline: 1000 };

/** How each kind of environment ends, and the Turn that shows it did. */
const ENDINGS: { name: string; code: string; memoryLimitMb?: number; expect: Record<string, unknown> }[] = [
  { name: "finished", code: "exports.handler = async () => 1;", expect: { kind: "returned" } },
  { name: "still waiting (the engine's timeout)", code: "exports.handler = async () => { await new Promise((r) => setTimeout(r, 60000)); };", expect: { kind: "waiting" } },
  { name: "process.exit", code: "exports.handler = async () => { process.exit(3); };", expect: { kind: "crashed", reason: "exit" } },
  { name: "process.exit with an SDK call pending", code: "exports.handler = async () => { Promise.resolve().then(() => process.exit(1)); await new Promise((r) => setTimeout(r, 10)); };", expect: { kind: "crashed", reason: "exit" } },
  { name: "CPU budget inside a promise job", code: "exports.handler = async () => { await null; for (;;) {} };", expect: { kind: "crashed", reason: "cpu-limit" } },
  { name: "CPU budget inside a generator", code: "function* g() { for (;;) yield 1; } exports.handler = async () => { for (const x of g()) {} };", expect: { kind: "crashed", reason: "cpu-limit" } },
];

function cycle(factory: RuntimeFactory, ending: (typeof ENDINGS)[number]): void {
  const runtime = runtimeFor(factory, ending.code, { memoryLimitMb: ending.memoryLimitMb });
  expect(runtime.init()).toEqual({ kind: "returned", payload: undefined });
  const turn = runtime.invoke("{}", context);
  expect(turn, JSON.stringify(turn)).toMatchObject(ending.expect);
  runtime.dispose();
  // the QuickJS runtime itself is gone, not just forgotten by the host
  expect((runtime as unknown as { rt: { alive: boolean } }).rt.alive, ending.name).toBe(false);
}

describe("disposing execution environments", () => {
  it("frees every kind of ended runtime: the shared wasm heap stays flat and QuickJS never aborts", async () => {
    const factory: QuickJsRuntimeFactory = await createQuickJsRuntimeFactory();
    // one of each first: the heap grows once to what one environment of each kind needs
    for (const ending of ENDINGS) cycle(factory, ending);
    const before = factory.wasmMemoryBytes;
    for (let round = 0; round < 4; round++) for (const ending of ENDINGS) if (!ending.name.startsWith("CPU") || round === 0) cycle(factory, ending);
    for (let i = 0; i < 150; i++) cycle(factory, ENDINGS[2]!);
    // a leaked environment holds ~130 KB: the 170 ended here would outgrow the initial 16 MB heap
    expect(factory.wasmMemoryBytes - before).toBeLessThan(2 * 1024 * 1024);
    expect(factory.taintReasons).toEqual([]);
    expect(stderr.printed.filter((line) => /Aborted|Assertion failed|JS_FreeRuntime/.test(line))).toEqual([]);
  }, 30_000); // many runtimes and bombs: seconds on a busy machine, not a timing assertion

  it("keeps a memory bomb's heap, so every bomb of a run ends the same way", async () => {
    const factory = await createQuickJsRuntimeFactory();
    const bomb = "exports.handler = async () => { const m = new Map(); for (let i = 0; ; i++) m.set(i, { i, a: [i, i] }); };";
    for (let i = 0; i < 3; i++) {
      const runtime = runtimeFor(factory, bomb, { memoryLimitMb: 64 });
      runtime.init();
      expect(runtime.invoke("{}", context)).toMatchObject({ kind: "crashed", reason: "out-of-memory", errorType: "Runtime.OutOfMemory" });
      runtime.dispose();
      cycle(factory, ENDINGS[2]!);
    }
    expect(stderr.printed).toEqual([]);
  }, 30_000); // many runtimes and bombs: seconds on a busy machine, not a timing assertion

  it("a run whose invocations time out, crash and exit prints nothing on stderr and leaves the factory healthy", async () => {
    const factory = await createQuickJsRuntimeFactory();
    const v = validateScenario({
      steps: [
        { CreateFunction: { FunctionName: "sleeper", Runtime: "nodejs20.x", Handler: "index.handler", Timeout: 1, Code: { ZipFile: "exports.handler = async () => { await new Promise((r) => setTimeout(r, 5000)); };" } } },
        { CreateFunction: { FunctionName: "spinner", Runtime: "nodejs20.x", Handler: "index.handler", Timeout: 1, Code: { ZipFile: "exports.handler = async () => { for (;;) {} };" } } },
        { CreateFunction: { FunctionName: "quitter", Runtime: "nodejs20.x", Handler: "index.handler", Code: { ZipFile: "exports.handler = async () => { process.exit(1); };" } } },
        { at: "1s", Invoke: { FunctionName: "spinner" } },
        { at: "1s", repeat: { times: 3, every: "1s" }, Invoke: { FunctionName: "quitter" } },
        { at: "3s", repeat: { times: 3, every: "3s" }, Invoke: { FunctionName: "sleeper" } },
      ],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const trace = runScenario(v.scenario, { runtime: factory });
    expect(trace.invocations.map((i) => i.status).sort()).toEqual(["crash", "crash", "crash", "timeout", "timeout", "timeout", "timeout"]);
    expect(factory.taintReasons).toEqual([]);
    expect(stderr.printed).toEqual([]);
  });

  it("routes QuickJS's own abort messages to the factory's taint reasons instead of stderr", async () => {
    const factory = await createQuickJsRuntimeFactory();
    const runtime = runtimeFor(factory, "exports.handler = async () => 1;");
    expect(runtime.init()).toEqual({ kind: "returned", payload: undefined });
    // a guest value the host forgot to free: JS_FreeRuntime's leak assertion fails
    (runtime as unknown as { ctx: { newObject(): unknown } }).ctx.newObject();
    runtime.dispose();
    expect(stderr.printed).toEqual([]);
    expect(factory.tainted).toBe(true);
    expect(factory.taintReasons.join("\n")).toMatch(/QuickJS aborted: Aborted\(Assertion failed/);
  });
});
