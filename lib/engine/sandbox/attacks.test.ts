/**
 * Hostile handler code: every case must end as a function error or a crashed environment of that
 * one function — never a hung or crashed host — and leave other environments working.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { RuntimeFactory, Turn } from "./contract";
import { createQuickJsRuntimeFactory, type QuickJsRuntimeFactory } from "./factory";
import { LOG_LINE_MAX_CHARS, LOG_LINES_PER_INVOCATION } from "./limits";
import { payloadOf, SandboxDriver, started } from "./test-driver";

const MB = 1024 * 1024;
// Attack tests are slow by nature (each bomb allocates its whole allowance); no timing is asserted.
vi.setConfig({ testTimeout: 60_000 });

let factory: QuickJsRuntimeFactory;
let loops: QuickJsRuntimeFactory;
beforeAll(async () => {
  factory = await createQuickJsRuntimeFactory();
  // A short wall-clock backstop for endless loops whose ticks are expensive (an error created per
  // iteration): they end sooner, and the outcome is the same timeout either way.
  loops = await createQuickJsRuntimeFactory({ wallClockGuardMs: 2_000 });
});

/** Runs a handler body in a 64 MB function (a 16 MB guest heap); returns how the invocation ended. */
function attack(body: string, target: RuntimeFactory = factory, options = {}): { turn: Turn; driver: SandboxDriver } {
  const driver = started(target, `exports.handler = async (event, context) => { ${body} };`, { memoryLimitMb: 64, ...options });
  const { turn } = driver.invoke();
  return { turn, driver };
}

/** A benign environment created after the attack still answers correctly. */
function stillWorks(target: RuntimeFactory = factory): void {
  const d = started(target, `exports.handler = async (e) => ({ sum: e.a + e.b, obj: typeof ({}).polluted, arr: [1, 2].map((x) => x * 2) });`);
  expect(payloadOf(d.invoke({ a: 2, b: 3 }).turn)).toEqual({ sum: 5, obj: "undefined", arr: [2, 4] });
}

const cpuLimit = { kind: "crashed", reason: "cpu-limit", errorType: "Sandbox.Timedout" };
const outOfMemory = { kind: "crashed", reason: "out-of-memory", errorType: "Runtime.OutOfMemory" };

describe("endless loops end as a timeout of that environment", () => {
  it.each([
    ["a synchronous loop", `for (;;) {}`],
    ["a loop that swallows every error", `for (;;) { try { null.x; } catch (e) {} }`],
    ["a loop in a finally block", `try { throw 1; } finally { while (true) {} }`],
    ["a loop inside a timer callback", `setTimeout(() => { for (;;) {} }, 10); await new Promise((r) => setTimeout(r, 100));`],
    ["recursive setImmediate", `const again = () => setImmediate(again); again(); await new Promise(() => {});`],
    ["heavy work split over many 1 ms timers", `setInterval(() => { for (let i = 0; i < 200000; i++); }, 1); await new Promise(() => {});`],
    ["catastrophic regex backtracking", `return /(a+)+$/.test("a".repeat(40) + "b");`],
    ["a loop in a getter the runtime reads while reporting an error", `throw { get name() { for (;;) {} }, message: "m", stack: "s" };`],
  ])("%s", (_name, body) => {
    const { turn } = attack(body, loops);
    expect(turn).toMatchObject(cpuLimit);
    stillWorks(loops);
  });

  it("stops a never-ending microtask chain (by its CPU budget or, as it grows, its memory)", () => {
    const { turn } = attack(`const again = () => Promise.resolve().then(again); again(); await new Promise(() => {});`);
    expect(turn).toMatchObject({ kind: "crashed" });
    expect(["cpu-limit", "out-of-memory"]).toContain(turn.kind === "crashed" ? turn.reason : "");
    stillWorks();
  });

  it("stops a loop in module scope (Init) the same way", () => {
    const d = new SandboxDriver(factory, `while (true) {}\nexports.handler = async () => 1;`);
    expect(d.init()).toMatchObject({ ...cpuLimit, errorMessage: "Error: Task timed out after 10.00 seconds" });
  });

  it("stops a loop on the wall-clock backstop when the CPU budget is not reached first", async () => {
    const impatient = await createQuickJsRuntimeFactory({ wallClockGuardMs: 1 });
    const { turn } = attack(`for (;;) {}`, impatient, { timeoutMs: 900_000 });
    expect(turn).toMatchObject(cpuLimit);
  });
});

describe("memory bombs end as an out-of-memory crash (or a catchable allocation error)", () => {
  it.each([
    ["doubling a string", `let s = "x"; for (;;) s += s;`, ["threw", "crashed"]],
    ["growing an array of strings", `const a = []; for (;;) a.push("x".repeat(1000) + a.length);`, ["crashed"]],
    ["growing an array of objects", `const a = []; for (;;) a.push({ i: a.length, s: "y" });`, ["crashed"]],
    ["allocating ArrayBuffers", `const a = []; for (;;) a.push(new ArrayBuffer(1024 * 1024));`, ["crashed"]],
    ["allocating typed arrays", `const a = []; for (;;) a.push(new Float64Array(100000));`, ["crashed"]],
    ["one huge ArrayBuffer", `return new ArrayBuffer(2 ** 31).byteLength;`, ["threw"]],
    ["one huge string", `return "x".repeat(2 ** 30).length;`, ["threw"]],
    ["a huge sparse array filled", `const a = new Array(1e9).fill(0); return a.length;`, ["threw", "crashed"]],
    ["millions of pending timers", `for (;;) setTimeout(() => {}, 1e9);`, ["crashed"]],
    ["swallowing out-of-memory errors", `const keep = []; for (;;) { try { keep.push(new Array(100000).fill(1)); } catch (e) {} }`, ["crashed"]],
    ["a Map of big keys", `const m = new Map(); for (let i = 0; ; i++) m.set("k".repeat(4096) + i, i);`, ["crashed"]],
  ])("%s", (_name, body, kinds) => {
    const before = factory.wasmMemoryBytes;
    const { turn } = attack(body);
    expect(kinds).toContain(turn.kind);
    if (turn.kind === "crashed") expect(turn).toMatchObject(outOfMemory);
    // A bomb may grow the shared wasm heap by about its environment's allowance (16 MB for 64 MB), no more.
    expect(factory.wasmMemoryBytes - before).toBeLessThanOrEqual(24 * MB);
    stillWorks();
  });
});

describe("memory bombs on heap that other environments of the run freed", () => {
  // Environments that ended (retired, reclaimed, reset) give their heap back to the run's wasm
  // instance; a bomb living on it grows nothing for a while. It used to meet QuickJS's own malloc
  // limit there instead of the growth guard: a Map bomb ended as a thrown `null` and a swallowed
  // "out of memory" let the handler return. Heap exhaustion must stay the recorded crash.
  let reused: QuickJsRuntimeFactory;
  beforeAll(async () => {
    reused = await createQuickJsRuntimeFactory();
    const earlier = Array.from({ length: 2 }, () => started(reused, `const keep = []; exports.handler = async () => { for (let i = 0; i < 300000; i++) keep.push({ i, s: "x" + i }); return 1; };`, { memoryLimitMb: 1024 }));
    for (const d of earlier) d.invoke();
    for (const d of earlier) d.runtime.dispose();
  });

  it.each([
    ["a Map of small entries", `const m = new Map(); for (let i = 0; ; i++) m.set(i, { i });`],
    ["a Set of numbers", `const s = new Set(); for (let i = 0; ; i++) s.add(i);`],
    ["an out-of-memory error caught and answered", `try { const a = []; for (;;) a.push({ i: 1 }); } catch (e) { return String(e); }`],
    ["an object with ever more keys", `const o = {}; for (let i = 0; ; i++) o["k" + i] = i;`],
  ])("%s", (_name, body) => {
    const { turn } = attack(body, reused);
    expect(turn).toMatchObject(outOfMemory);
    stillWorks(reused);
  });
});

describe("deep recursion", () => {
  it("throws a catchable RangeError like Node", () => {
    const { turn } = attack(`function dive(n) { return dive(n + 1) + 1; } try { dive(0); } catch (e) { return [e instanceof RangeError, e.name]; }`);
    expect(payloadOf(turn)).toEqual([true, "RangeError"]);
  });

  it("reports uncaught recursion as RangeError: Maximum call stack size exceeded", () => {
    const { turn } = attack(`const dive = () => dive(); dive();`);
    expect(turn).toMatchObject({ kind: "threw", errorType: "RangeError", errorMessage: "Maximum call stack size exceeded" });
  });

  it.each([
    ["JSON.stringify of a deeply nested array", `let a = []; for (let i = 0; i < 200000; i++) a = [a]; return JSON.stringify(a).length;`],
    ["parsing deeply nested brackets", `return JSON.parse("[".repeat(200000) + "]".repeat(200000)).length;`],
    ["compiling deeply nested parentheses", `return eval("(".repeat(100000) + "1" + ")".repeat(100000));`],
    ["recursion through toString", `const o = { toString() { return String(o); } }; return String(o);`],
  ])("survives recursion inside native code: %s", async (_name, body) => {
    const fresh = await createQuickJsRuntimeFactory();
    const { turn } = attack(body, fresh);
    // QuickJS either catches it itself (a RangeError the handler could catch) or the host's native
    // stack overflows inside wasm: then that environment crashes and the factory asks to be recycled.
    if (turn.kind === "crashed") {
      expect(turn).toMatchObject({ reason: "internal", errorType: "Sandbox.Failure" });
      expect(fresh.tainted).toBe(true);
    } else {
      expect(turn).toMatchObject({ kind: "threw" });
    }
    // The shadow stack was restored: the same wasm instance still runs other environments.
    stillWorks(fresh);
  });
});

describe("escape attempts find only the sandbox", () => {
  it("exposes exactly these globals", () => {
    const { turn } = attack(`return Object.getOwnPropertyNames(globalThis).sort();`);
    expect(payloadOf(turn)).toEqual([
      "AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "Buffer", "DataView", "Date", "Error",
      "EvalError", "FinalizationRegistry", "Float16Array", "Float32Array", "Float64Array", "Function", "Infinity", "Int16Array", "Int32Array",
      "Int8Array", "Iterator", "JSON", "Map", "Math", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect",
      "RegExp", "Set", "SharedArrayBuffer", "String", "Symbol", "SyntaxError", "TextDecoder", "TextEncoder", "TypeError", "URIError",
      "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "atob", "btoa", "clearImmediate",
      "clearInterval", "clearTimeout", "console", "crypto", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape",
      "eval", "fetch", "global", "globalThis", "isFinite", "isNaN", "parseFloat", "parseInt", "process", "queueMicrotask", "setImmediate",
      "setInterval", "setTimeout", "structuredClone", "undefined", "unescape",
    ]);
  });

  it("reaches the guest's own global and process through constructor tricks, nothing of the host", () => {
    const { turn } = attack(`
      const viaFunction = Function("return this")();
      const viaConstructor = ({}).constructor.constructor("return this")();
      const viaEval = (0, eval)("this");
      const p = viaConstructor.process;
      return { same: viaFunction === globalThis && viaConstructor === globalThis && viaEval === globalThis, pid: p.pid,
               keys: Object.keys(p).sort(), binding: typeof p.binding, mainModule: typeof p.mainModule, caller: typeof arguments.callee.caller,
               hostRequire: typeof viaEval.require, module: typeof module, versions: p.versions };`);
    expect(payloadOf(turn)).toEqual({
      same: true,
      pid: 8,
      keys: ["arch", "argv", "argv0", "cwd", "emitWarning", "env", "execArgv", "execPath", "exit", "exitCode", "hrtime", "nextTick", "pid", "platform", "ppid", "release", "title", "uptime", "version", "versions"],
      binding: "undefined",
      mainModule: "undefined",
      caller: "undefined",
      hostRequire: "undefined",
      module: "object",
      versions: { node: "20.19.0" },
    });
  });

  it("cannot catch the runtime's hand through a setter on Object.prototype", () => {
    const { turn } = attack(`
      const leaked = [];
      for (const name of ["utf8Encode", "isBuffer", "Buffer", "encodeString", "decodeBytes", "fsPromises", "timers", "exports"]) {
        Object.defineProperty(Object.prototype, name, { configurable: true, set(v) { leaked.push(Object.keys(this)); } });
      }
      Buffer.from("load the buffer module now"); require("fs"); require("@aws-sdk/client-sqs");
      return leaked.filter((keys) => keys.includes("host"));`);
    expect(payloadOf(turn)).toEqual([]);
  });

  it("keeps prototype pollution inside the environment that did it", () => {
    const polluter = started(factory, `exports.handler = async () => { Object.prototype.polluted = "yes"; Array.prototype.map = () => "broken"; JSON.stringify = () => "forged"; return "done"; };`);
    expect(payloadOf(polluter.invoke().turn)).toBe("done");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    stillWorks();
  });

  it("allows eval and Function inside the sandbox", () => {
    expect(payloadOf(attack(`return [eval("1 + 1"), new Function("a", "return a * 3")(2)];`).turn)).toEqual([2, 6]);
  });

  it("answers require of host modules with MODULE_NOT_FOUND and fetch with a rejection", () => {
    const { turn } = attack(`
      const results = [];
      for (const m of ["child_process", "node:fs/promises/../../child_process", "net", "http", "worker_threads", "vm", "module"]) {
        try { require(m); results.push("loaded " + m); } catch (e) { results.push(e.code); }
      }
      try { await fetch("http://169.254.169.254/latest/meta-data/"); } catch (e) { results.push(e.message); }
      return results;`);
    expect(payloadOf(turn)).toEqual(["MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "fetch failed"]);
  });
});

describe("hostile values", () => {
  it("reports an error object whose properties throw as the RIC does", () => {
    const { turn } = attack(`throw { get name() { throw new Error("no name"); }, message: "m", stack: "s" };`);
    expect(turn).toMatchObject({ kind: "threw", errorType: "handled" });
  });

  it("caps the log lines of one invocation", () => {
    const { turn, driver } = attack(`for (let i = 0; i < 100000; i++) console.log("line " + i); return "flooded";`);
    expect(payloadOf(turn)).toBe("flooded");
    expect(driver.logs.length).toBe(LOG_LINES_PER_INVOCATION + 1);
    expect(driver.logs.at(-1)!.line).toBe(`Lambda Lab: log output truncated after ${LOG_LINES_PER_INVOCATION} lines in this invocation`);
    // the next invocation may log again
    driver.invoke();
    expect(driver.logs.length).toBe(2 * (LOG_LINES_PER_INVOCATION + 1));
  });

  it("ends an endless log flood as a timeout", () => {
    expect(attack(`for (;;) console.log("again");`).turn).toMatchObject(cpuLimit);
  });

  it("cuts a huge log line at 256 KB and keeps NUL characters", () => {
    const { driver } = attack(`console.log("a\\u0000b"); console.log("x".repeat(3 * 1024 * 1024));`);
    expect(driver.logs[0]!.line).toBe("a\u0000b");
    expect(driver.logs[1]!.line.length).toBeLessThan(LOG_LINE_MAX_CHARS + 100);
  });

  it("hands a huge result to the engine to judge (Function.ResponseSizeTooLarge is the engine's call)", () => {
    const { turn } = attack(`return "x".repeat(7 * 1024 * 1024);`);
    expect(turn.kind).toBe("returned");
    if (turn.kind === "returned") expect(turn.payload!.length).toBe(7 * 1024 * 1024 + 2);
  });
});

describe("many hostile environments at once", () => {
  it("ends each hostile one on its own and keeps the honest ones correct", async () => {
    const shared = await createQuickJsRuntimeFactory();
    const bodies = [
      `for (;;) {}`,
      `const a = []; for (;;) a.push("z".repeat(1000));`,
      `process.exit(3);`,
      `const f = () => f(); f();`,
      `return require("child_process");`,
      `return event.n * 2;`,
      `await new Promise((r) => setTimeout(r, 50)); return event.n * 2;`,
      `throw new Error("plain failure");`,
    ];
    const drivers = Array.from({ length: 24 }, (_, i) => started(shared, `exports.handler = async (event) => { ${bodies[i % bodies.length]} };`, { memoryLimitMb: 64 }));
    const outcomes = drivers.map((d, i) => d.invoke({ n: i }).turn);
    outcomes.forEach((turn, i) => {
      switch (i % bodies.length) {
        case 0: expect(turn).toMatchObject(cpuLimit); break;
        case 1: expect(turn).toMatchObject(outOfMemory); break;
        case 2: expect(turn).toMatchObject({ kind: "crashed", reason: "exit", exitCode: 3 }); break;
        case 3: expect(turn).toMatchObject({ kind: "threw", errorType: "RangeError" }); break;
        case 4: expect(turn).toMatchObject({ kind: "threw", errorType: "Error", errorMessage: expect.stringContaining("Cannot find module 'child_process'") }); break;
        case 5: case 6: expect(payloadOf(turn)).toBe(i * 2); break;
        case 7: expect(turn).toMatchObject({ kind: "threw", errorMessage: "plain failure" }); break;
      }
    });
    for (const d of drivers) d.runtime.dispose();
    stillWorks(shared);
  });
});
