import { beforeAll, describe, expect, it } from "vitest";
import type { RuntimeFactory } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";
import { payloadOf, SandboxDriver, started } from "./test-driver";

let factory: RuntimeFactory;
beforeAll(async () => {
  factory = await createQuickJsRuntimeFactory();
});

describe("handler shapes", () => {
  it("runs an async handler and keeps module scope while warm", () => {
    const d = started(factory, `let calls = 0; exports.handler = async (event) => ({ calls: ++calls, got: event.n });`);
    expect(payloadOf(d.invoke({ n: 1 }).turn)).toEqual({ calls: 1, got: 1 });
    expect(payloadOf(d.invoke({ n: 2 }).turn)).toEqual({ calls: 2, got: 2 });
  });

  it("accepts module.exports.handler and nested handler paths", () => {
    const d = started(factory, `module.exports = { api: { handler: async () => "nested" } };`, { handler: "index.api.handler" });
    expect(payloadOf(d.invoke().turn)).toBe("nested");
  });

  it("uses a synchronous handler's return value and answers null for undefined", () => {
    const d = started(factory, `exports.handler = (event) => event.value;`);
    expect(payloadOf(d.invoke({ value: [1, 2] }).turn)).toEqual([1, 2]);
    const nothing = d.invoke({}).turn;
    expect(nothing).toEqual({ kind: "returned", payload: undefined });
  });

  it("waits for the callback of a callback-style handler", () => {
    const d = started(factory, `exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { late: true }), 250); };`);
    const { turn, endedAt } = d.invoke();
    expect(payloadOf(turn)).toEqual({ late: true });
    expect(endedAt).toBe(250);
  });

  it("with callbackWaitsForEmptyEventLoop (default) answers only when no timer is left", () => {
    const d = started(
      factory,
      `exports.handler = (event, context, callback) => {
         setTimeout(() => console.log("still running"), 500);
         callback(null, "early");
       };`,
    );
    const { turn, endedAt } = d.invoke();
    expect(payloadOf(turn)).toBe("early");
    expect(endedAt).toBe(500);
    expect(d.lines()).toEqual(["still running"]);
  });

  it("with callbackWaitsForEmptyEventLoop = false answers at once; the timer runs in the next invocation", () => {
    const d = started(
      factory,
      `let n = 0;
       exports.handler = (event, context, callback) => {
         context.callbackWaitsForEmptyEventLoop = false;
         const me = ++n;
         setTimeout(() => console.log("timer of invocation " + me), 100);
         callback(null, me);
       };`,
    );
    const first = d.invoke();
    expect(payloadOf(first.turn)).toBe(1);
    expect(first.endedAt).toBe(0);
    expect(d.lines()).toEqual([]);
    d.now = 1000;
    d.invoke();
    // the frozen timer of the first invocation fires when the environment thaws
    expect(d.lines()).toEqual(["timer of invocation 1"]);
  });

  it("supports context.succeed, context.fail and context.done", () => {
    const d = started(
      factory,
      `exports.handler = (event, context) => {
         if (event.how === "succeed") context.succeed({ ok: 1 });
         else if (event.how === "fail") context.fail(new Error("failed"));
         else context.done(null, "done");
       };`,
    );
    expect(payloadOf(d.invoke({ how: "succeed" }).turn)).toEqual({ ok: 1 });
    expect(d.invoke({ how: "fail" }).turn).toMatchObject({ kind: "threw", errorType: "Error", errorMessage: "failed" });
    expect(payloadOf(d.invoke({ how: "done" }).turn)).toBe("done");
  });

  it("answers null when the handler's promise can never settle (Node's beforeExit)", () => {
    const d = started(factory, `exports.handler = () => new Promise(() => {});`);
    expect(d.invoke().turn).toEqual({ kind: "returned", payload: undefined });
  });

  it("waits with nextTimerAt null while an SDK call is pending", () => {
    const d = new SandboxDriver(factory, `const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");
      exports.handler = async () => { const r = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "other" })); return r.StatusCode; };`, {
      sdk: () => ({ kind: "pending", ticket: 7 }),
    });
    d.init();
    const turn = d.runtime.invoke("{}", { awsRequestId: "r", functionName: "fn", functionVersion: "$LATEST", invokedFunctionArn: "arn", memoryLimitInMB: "128", logGroupName: "g", logStreamName: "s", deadline: 3000 });
    expect(turn).toEqual({ kind: "waiting", nextTimerAt: null });
    expect(payloadOf(d.runtime.settle(7, { kind: "ok", output: { StatusCode: 200, Payload: "null" } }))).toBe(200);
  });
});

describe("the context object", () => {
  it("carries the invocation's identity and the remaining virtual time", () => {
    const d = started(
      factory,
      `exports.handler = async (event, context) => {
         const before = context.getRemainingTimeInMillis();
         await new Promise((r) => setTimeout(r, 1200));
         return { id: context.awsRequestId, name: context.functionName, version: context.functionVersion,
                  arn: context.invokedFunctionArn, memory: context.memoryLimitInMB, group: context.logGroupName,
                  stream: context.logStreamName, before, after: context.getRemainingTimeInMillis(),
                  waits: context.callbackWaitsForEmptyEventLoop };
       };`,
    );
    expect(payloadOf(d.invoke({}, "abc-123").turn)).toEqual({
      id: "abc-123",
      name: "fn",
      version: "$LATEST",
      arn: "arn:aws:lambda:us-east-1:123456789012:function:fn",
      memory: "128",
      group: "/aws/lambda/fn",
      stream: "2025/01/01/[$LATEST]0123456789abcdef",
      before: 3000,
      after: 1800,
      waits: true,
    });
  });
});

describe("errors in Node's shape", () => {
  it("reports a thrown error with errorType, errorMessage and a trace, and logs Invoke Error", () => {
    const d = started(factory, `exports.handler = async () => {\n  throw new TypeError("bad input");\n};`);
    const turn = d.invoke().turn;
    expect(turn).toMatchObject({ kind: "threw", errorType: "TypeError", errorMessage: "bad input" });
    if (turn.kind !== "threw") return;
    expect(turn.trace[0]).toBe("TypeError: bad input");
    expect(turn.trace[1]).toContain("/var/task/index.js:2:");
    expect(turn.exitCode).toBeUndefined();
    const logged = d.lines("ERROR")[0]!;
    expect(logged.startsWith("Invoke Error \t")).toBe(true);
    expect(JSON.parse(logged.slice("Invoke Error \t".length))).toMatchObject({ errorType: "TypeError", errorMessage: "bad input" });
  });

  it("keeps a custom error's name", () => {
    const d = started(factory, `class PaymentDeclined extends Error { constructor(m) { super(m); this.name = "PaymentDeclined"; } }
      exports.handler = async () => { throw new PaymentDeclined("card expired"); };`);
    expect(d.invoke().turn).toMatchObject({ kind: "threw", errorType: "PaymentDeclined", errorMessage: "card expired" });
  });

  it("reports thrown non-Error values as the RIC does (typeof, toString, empty trace)", () => {
    const d = started(factory, `exports.handler = async (e) => { throw e.value; };`);
    expect(d.invoke({ value: "plain string" }).turn).toEqual({ kind: "threw", errorType: "string", errorMessage: "plain string", trace: [] });
    expect(d.invoke({ value: 42 }).turn).toEqual({ kind: "threw", errorType: "number", errorMessage: "42", trace: [] });
    expect(d.invoke({ value: { code: 1 } }).turn).toEqual({ kind: "threw", errorType: "object", errorMessage: "[object Object]", trace: [] });
  });

  it("reports callback(error)", () => {
    const d = started(factory, `exports.handler = (e, c, cb) => cb(new RangeError("out of range"));`);
    expect(d.invoke().turn).toMatchObject({ kind: "threw", errorType: "RangeError", errorMessage: "out of range" });
  });

  it("refuses a result JSON cannot hold, like the RIC", () => {
    const d = started(factory, `exports.handler = async (e) => { if (e.kind === "cycle") { const a = {}; a.self = a; return a; } return 10n; };`);
    expect(d.invoke({ kind: "cycle" }).turn).toMatchObject({ kind: "threw", errorType: "Error", errorMessage: "Unable to stringify response body" });
    expect(d.invoke({ kind: "bigint" }).turn).toMatchObject({ kind: "threw", errorType: "Error", errorMessage: "Unable to stringify response body" });
  });

  it("reports an exception thrown in a timer as the invocation's error, then the runtime exits (129)", () => {
    const d = started(factory, `exports.handler = async () => { setTimeout(() => { throw new Error("in a timer"); }, 10); await new Promise((r) => setTimeout(r, 50)); return "never"; };`);
    const { turn } = d.invoke();
    expect(turn).toMatchObject({ kind: "threw", errorType: "Error", errorMessage: "in a timer", exitCode: 129 });
    expect(d.lines("ERROR")[0]).toMatch(/^Uncaught Exception \t/);
    expect(d.invoke().turn).toMatchObject({ kind: "crashed", reason: "exit", exitCode: 129, errorType: "Runtime.ExitError" });
  });
});

describe("Init", () => {
  it("reports a syntax error as Runtime.UserCodeSyntaxError with where it is", () => {
    const d = new SandboxDriver(factory, `exports.handler = async () => {\n  return 1 +;\n};`);
    const turn = d.init();
    expect(turn).toMatchObject({ kind: "threw", errorType: "Runtime.UserCodeSyntaxError" });
    if (turn.kind !== "threw") return;
    expect(turn.errorMessage).toMatch(/^SyntaxError: /);
    expect(turn.trace.join("\n")).toContain("/var/task/index.js:2");
    expect(d.lines("ERROR")[0]).toMatch(/^Uncaught Exception \t\{"errorType":"Runtime.UserCodeSyntaxError"/);
  });

  it("reports require of a module that does not exist as Runtime.ImportModuleError", () => {
    const d = new SandboxDriver(factory, `const x = require("left-pad");\nexports.handler = async () => x;`);
    expect(d.init()).toMatchObject({
      kind: "threw",
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Error: Cannot find module 'left-pad'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs",
    });
  });

  it("reports a missing or non-function handler as Runtime.HandlerNotFound", () => {
    expect(new SandboxDriver(factory, `exports.other = async () => 1;`).init()).toMatchObject({
      kind: "threw",
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "index.handler is undefined or not exported",
    });
    expect(new SandboxDriver(factory, `exports.handler = 42;`).init()).toMatchObject({
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "index.handler is not a function",
    });
  });

  it("reports a handler in another file, or a malformed handler string, like the RIC", () => {
    expect(new SandboxDriver(factory, `exports.handler = async () => 1;`, { handler: "app.handler" }).init()).toMatchObject({
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Error: Cannot find module 'app'\nRequire stack:\n- /var/runtime/index.mjs",
    });
    expect(new SandboxDriver(factory, `exports.handler = async () => 1;`, { handler: "handler" }).init()).toMatchObject({
      errorType: "Runtime.MalformedHandlerName",
      errorMessage: "Bad handler",
    });
  });

  it("reports an error thrown by module scope as that error", () => {
    expect(new SandboxDriver(factory, `throw new Error("config missing");`).init()).toMatchObject({
      kind: "threw",
      errorType: "Error",
      errorMessage: "config missing",
    });
  });

  it("runs module scope once, during init()", () => {
    const d = started(factory, `console.log("cold start");\nexports.handler = async () => "ok";`);
    d.invoke();
    d.invoke();
    expect(d.lines()).toEqual(["cold start"]);
  });
});

describe("process", () => {
  it("gives the function's variables as strings, on a copy", () => {
    const environment = { AWS_REGION: "eu-west-1", MODE: "strict" };
    const d = started(factory, `exports.handler = async () => { process.env.MODE = 5; process.env.ADDED = true; return { region: process.env.AWS_REGION, mode: process.env.MODE, added: process.env.ADDED, type: typeof process.env.MODE }; };`, { environment });
    expect(payloadOf(d.invoke().turn)).toEqual({ region: "eu-west-1", mode: "5", added: "true", type: "string" });
    expect(environment).toEqual({ AWS_REGION: "eu-west-1", MODE: "strict" });
  });

  it("ends the runtime on process.exit with AWS's Runtime.ExitError messages", () => {
    const zero = started(factory, `exports.handler = async () => { try { process.exit(); } finally { console.log("finally must not run"); } };`);
    expect(zero.invoke({}, "r-1").turn).toEqual({
      kind: "crashed",
      reason: "exit",
      errorType: "Runtime.ExitError",
      errorMessage: "RequestId: r-1 Error: Runtime exited without providing a reason",
      exitCode: 0,
    });
    expect(zero.lines()).toEqual([]);
    const two = started(factory, `exports.handler = async () => { process.exit(2); };`);
    expect(two.invoke({}, "r-2").turn).toMatchObject({ errorMessage: "RequestId: r-2 Error: Runtime exited with error: exit status 2", exitCode: 2 });
  });
});

describe("determinism", () => {
  const code = `exports.handler = async () => ({ now: Date.now(), iso: new Date().toISOString(), local: new Date(2024, 5, 1, 12).getHours(),
    random: [Math.random(), Math.random()], uuid: require("crypto").randomUUID(), web: crypto.randomUUID() });`;

  it("reads the virtual clock and the seed, never the host's", () => {
    const d = started(factory, code, { epochMs: Date.UTC(2030, 0, 2, 3, 4, 5), seed: 99 });
    d.now = 1500;
    const result = payloadOf(d.invoke().turn) as Record<string, unknown>;
    expect(result.now).toBe(Date.UTC(2030, 0, 2, 3, 4, 5) + 1500);
    expect(result.iso).toBe("2030-01-02T03:04:06.500Z");
    expect(result.local).toBe(12);
    expect(result.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("gives the same values for the same seed in a fresh factory, and others for another seed", async () => {
    const again = await createQuickJsRuntimeFactory();
    const a = payloadOf(started(factory, code, { seed: 5 }).invoke().turn);
    const b = payloadOf(started(again, code, { seed: 5 }).invoke().turn);
    const c = payloadOf(started(factory, code, { seed: 6 }).invoke().turn) as { random: number[] };
    expect(b).toEqual(a);
    expect(c.random).not.toEqual((a as { random: number[] }).random);
  });
});

describe("dispose", () => {
  it("frees an environment whose invocation is still waiting, leaving the factory healthy", async () => {
    const fresh = await createQuickJsRuntimeFactory();
    for (let i = 0; i < 3; i++) {
      const d = started(fresh, `exports.handler = async () => { await new Promise((r) => setTimeout(r, 20000)); return 1; };`);
      const turn = d.runtime.invoke("{}", { awsRequestId: "r", functionName: "fn", functionVersion: "$LATEST", invokedFunctionArn: "arn", memoryLimitInMB: "128", logGroupName: "g", logStreamName: "s", deadline: 3000 });
      expect(turn).toEqual({ kind: "waiting", nextTimerAt: 20000 });
      d.runtime.dispose();
    }
    expect(fresh.tainted).toBe(false);
    expect(fresh.taintReasons).toEqual([]);
  });
});
