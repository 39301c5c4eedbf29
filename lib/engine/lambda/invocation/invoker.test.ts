import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

describe("execution environments (§5)", () => {
  it("runs Init once: cold then warm, module state kept, REPORT lines in CloudWatch's format", () => {
    const t = runYaml(`settings: { coldStartMs: 250 }
steps:
${fn("counter", "let n = 0;\nconsole.log('init');\nexports.handler = async () => { n++; console.log('call', n); return n; };")}
  - { id: a, at: 1s, Invoke: { FunctionName: counter } }
  - { id: b, at: 2s, Invoke: { FunctionName: counter } }
`);
    expect(t.invocations.map((i) => [i.coldStart, i.initMs, i.start, i.end, i.response])).toEqual([
      [true, 250, 1000, 1255, 1],
      [false, 0, 2000, 2006, 2],
    ]);
    expect(step(t, "a").completedAt).toBe(1255);
    const lines = t.logs.map((l) => l.line);
    expect(lines.filter((l) => l.startsWith("INIT_START"))).toHaveLength(1);
    expect(lines[0]).toMatch(/^INIT_START Runtime Version: nodejs:20\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(lines[1]).toMatch(/^2025-01-01T00:00:01\.000Z\tundefined\tINFO\tinit$/);
    const [first, second] = t.invocations;
    expect(lines).toContain(`START RequestId: ${first.requestId} Version: $LATEST`);
    expect(lines).toContain(`2025-01-01T00:00:01.250Z\t${first.requestId}\tINFO\tcall 1`);
    expect(lines).toContain(`END RequestId: ${first.requestId}`);
    expect(lines).toContain(`REPORT RequestId: ${first.requestId}\tDuration: 5.00 ms\tBilled Duration: 255 ms\tMemory Size: 128 MB\tMax Memory Used: 65 MB\tInit Duration: 250.00 ms`);
    expect(lines).toContain(`REPORT RequestId: ${second.requestId}\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tMax Memory Used: 65 MB`);
    expect(t.logs.every((l) => /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/.test(l.stream))).toBe(true);
    expect(t.environments).toEqual([
      expect.objectContaining({ id: "env-1", function: "counter", version: "$LATEST", createdAt: 1000, readyAt: 1250, resets: 0, invocations: 2, reclaimedAt: null }),
    ]);
  });

  it("answers a function error with 200, FunctionError Unhandled and Node's error shape", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => { throw new TypeError('bad input'); };")}
  - { id: call, at: 1s, Invoke: { FunctionName: f } }
`);
    const r = step(t, "call").response as { StatusCode: number; FunctionError: string; Payload: { errorType: string; errorMessage: string; trace: string[] } };
    expect(r.StatusCode).toBe(200);
    expect(r.FunctionError).toBe("Unhandled");
    expect(r.Payload.errorType).toBe("TypeError");
    expect(r.Payload.errorMessage).toBe("bad input");
    expect(Array.isArray(r.Payload.trace)).toBe(true);
    expect(t.invocations[0]).toMatchObject({ status: "error", errorType: "TypeError", errorMessage: "bad input", response: null });
    expect(t.logs.some((l) => l.line.includes("\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\""))).toBe(true);
    expect(t.environments[0].resets).toBe(0);
  });

  it("times out at the function's Timeout, resets the environment in place and keeps /tmp", () => {
    const t = runYaml(`steps:
${fn("slow", `const fs = require("fs");
let calls = 0;
exports.handler = async (e) => {
  calls++;
  if (e.write) fs.writeFileSync("/tmp/x", "kept");
  if (e.hang) await new Promise(() => {});
  return { calls, tmp: fs.existsSync("/tmp/x") };
};`, "      Timeout: 2\n")}
  - { id: a, at: 1s, Invoke: { FunctionName: slow, Payload: { write: true } } }
  - { id: b, at: 2s, Invoke: { FunctionName: slow, Payload: { hang: true } } }
  - { id: c, at: 10s, Invoke: { FunctionName: slow } }
`);
    const b = step(t, "b");
    const requestId = t.invocations[1].requestId;
    expect(b.completedAt).toBe(2001 + 2000);
    expect(b.response).toMatchObject({ StatusCode: 200, FunctionError: "Unhandled", Payload: { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after 2.00 seconds` } });
    expect(t.invocations.map((i) => i.status)).toEqual(["success", "timeout", "success"]);
    expect(t.invocations[2]).toMatchObject({ coldStart: true, environmentId: "env-1", response: { calls: 1, tmp: true } });
    expect(t.environments).toHaveLength(1);
    expect(t.environments[0].resets).toBe(1);
    expect(t.logs.some((l) => l.line.endsWith(`${requestId} Task timed out after 2.00 seconds`))).toBe(true);
    expect(t.logs.some((l) => l.line.includes(`REPORT RequestId: ${requestId}\tDuration: 2000.00 ms`) && l.line.endsWith("Status: timeout"))).toBe(true);
  });

  it("reports process.exit as Runtime.ExitError with AWS's message, and resets", () => {
    const t = runYaml(`steps:
${fn("quit", "exports.handler = async (e) => { if (e.code !== undefined) process.exit(e.code); return 'ok'; };")}
  - { id: zero, at: 1s, Invoke: { FunctionName: quit, Payload: { code: 0 } } }
  - { id: one, at: 2s, Invoke: { FunctionName: quit, Payload: { code: 127 } } }
`);
    const [a, b] = t.invocations;
    expect(step(t, "zero").response).toMatchObject({ FunctionError: "Unhandled", Payload: { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${a.requestId} Error: Runtime exited without providing a reason` } });
    expect(step(t, "one").response).toMatchObject({ Payload: { errorMessage: `RequestId: ${b.requestId} Error: Runtime exited with error: exit status 127` } });
    expect(t.invocations.map((i) => i.status)).toEqual(["crash", "crash"]);
    expect(t.environments[0].resets).toBe(2);
  });

  it("gives 202 for Event, 204 for DryRun, and null for a handler that returns nothing", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => {};")}
  - { id: sync, at: 1s, Invoke: { FunctionName: f } }
  - { id: event, at: 2s, Invoke: { FunctionName: f, InvocationType: Event } }
  - { id: dry, at: 3s, Invoke: { FunctionName: f, InvocationType: DryRun } }
`);
    expect(step(t, "sync").response).toEqual({ StatusCode: 200, ExecutedVersion: "$LATEST", Payload: null });
    expect(step(t, "event").response).toEqual({ StatusCode: 202 });
    expect(step(t, "dry").response).toEqual({ StatusCode: 204 });
    expect(t.invocations.map((i) => i.trigger)).toEqual(["sync", "async"]);
  });

  it("refuses calls AWS refuses, and the run goes on", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => 1;")}
  - { id: pending, Invoke: { FunctionName: f } }
  - { id: missing, at: 1s, Invoke: { FunctionName: nope } }
  - { id: badjson, Invoke: { FunctionName: f, Payload: "{not json" } }
  - { id: big, Invoke: { FunctionName: f, InvocationType: Event, Payload: "${"\\\"" + "x".repeat(10) + "\\\""}" } }
  - { id: version, Invoke: { FunctionName: "f:9" } }
  - { id: ok, Invoke: { FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:f" } }
`);
    expect(step(t, "pending").error).toEqual({ type: "ResourceConflictException", message: "The operation cannot be performed at this time. The function is currently in the following state: Pending" });
    expect(step(t, "missing").error).toEqual({ type: "ResourceNotFoundException", message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST" });
    expect(step(t, "badjson").error?.type).toBe("InvalidRequestContentException");
    expect(step(t, "big").response).toEqual({ StatusCode: 202 });
    expect(step(t, "version").error).toEqual({ type: "ResourceNotFoundException", message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f:9" });
    expect(step(t, "ok").response).toMatchObject({ StatusCode: 200, Payload: 1 });
  });

  it("enforces the payload limits in bytes (§1.2)", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async (e) => e.s.length;")}
  - { id: over-async, at: 1s, Invoke: { FunctionName: f, InvocationType: Event, Payload: { s: "${"é".repeat(10)}" } } }
`);
    expect(step(t, "over-async").response).toEqual({ StatusCode: 202 });
  });

  it("returns the last 4 KB of the attempt's log with LogType Tail", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => { console.log('hello tail'); return 1; };")}
  - { id: call, at: 1s, Invoke: { FunctionName: f, LogType: Tail } }
`);
    const r = step(t, "call").response as { LogResult: string };
    const text = Buffer.from(r.LogResult, "base64").toString("utf8");
    expect(text).toMatch(/^START RequestId: .* Version: \$LATEST\n.*\tINFO\thello tail\nEND RequestId: .*\nREPORT RequestId: /);
  });

  it("fails the attempt with the Init error when module scope throws, and starts over next time", () => {
    const t = runYaml(`steps:
${fn("broken", "throw new Error('no config');\nexports.handler = async () => 1;")}
  - { id: a, at: 1s, Invoke: { FunctionName: broken } }
  - { id: b, at: 2s, Invoke: { FunctionName: broken } }
`);
    expect(step(t, "a").response).toMatchObject({ FunctionError: "Unhandled", Payload: { errorType: "Error", errorMessage: "no config" } });
    expect(t.invocations.map((i) => [i.status, i.coldStart])).toEqual([["error", true], ["error", true]]);
    expect(t.logs.filter((l) => l.line.startsWith("INIT_START"))).toHaveLength(2);
  });

  it("crashes the attempt when module scope exits, after Init's duration, with START/END/REPORT", () => {
    const t = runYaml(`steps:
${fn("f", "process.exit(3);\nexports.handler = async () => 1;")}
  - { id: a, at: 1s, Invoke: { FunctionName: f } }
`);
    const id = t.invocations[0].requestId;
    expect(step(t, "a")).toMatchObject({ completedAt: 1100, response: { Payload: { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${id} Error: Runtime exited with error: exit status 3` } } });
    expect(t.invocations[0]).toMatchObject({ status: "crash", initMs: 100 });
    const lines = t.logs.map((l) => l.line);
    expect(lines).toContain(`START RequestId: ${id} Version: $LATEST`);
    expect(lines.find((l) => l.startsWith("REPORT"))).toMatch(/Init Duration: 100\.00 ms\tStatus: error\tError Type: Runtime\.ExitError$/);
  });

  it("CrashEnvironment: the handler's work happens, then the environment dies before answering", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: side }
${fn("f", `const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
const sqs = new SQSClient({});
exports.handler = async () => { await sqs.send(new SendMessageCommand({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/side", MessageBody: "done" })); return "ok"; };`)}
  - { at: 1s, InjectFault: { Kind: CrashEnvironment, FunctionName: f } }
  - { id: a, Invoke: { FunctionName: f } }
  - { id: b, at: 2s, Invoke: { FunctionName: f } }
`);
    expect(step(t, "a").response).toMatchObject({ FunctionError: "Unhandled", Payload: { errorType: "Runtime.ExitError" } });
    expect(step(t, "b").response).toMatchObject({ Payload: "ok" });
    expect(t.queues.side.messages).toHaveLength(2);
    expect(t.environments[0].resets).toBe(1);
  });

  it("retires $LATEST environments after a configuration change; the next call runs the new configuration", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => process.env.MODE;", "      Environment: { Variables: { MODE: one } }\n")}
  - { id: a, at: 1s, Invoke: { FunctionName: f } }
  - { at: 2s, UpdateFunctionConfiguration: { FunctionName: f, Environment: { Variables: { MODE: two } } } }
  - { id: b, at: 3s, Invoke: { FunctionName: f } }
`);
    expect(step(t, "a").response).toMatchObject({ Payload: "one" });
    expect(step(t, "b").response).toMatchObject({ Payload: "two" });
    expect(t.environments.map((e) => [e.id, e.reclaimReason, e.reclaimedAt])).toEqual([["env-1", "retired", 2000], ["env-2", null, null]]);
  });

  it("lets an in-flight invocation finish on the old code after an update (§7: AWS, unlike LocalStack)", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => { await new Promise((r) => setTimeout(r, 1000)); return 'old'; };")}
  - { id: a, at: 1s, Invoke: { FunctionName: f } }
  - { at: 1500ms, UpdateFunctionCode: { FunctionName: f, ZipFile: "exports.handler = async () => 'new';" } }
  - { id: b, at: 1600ms, Invoke: { FunctionName: f } }
`);
    expect(step(t, "a").response).toMatchObject({ Payload: "old" });
    expect(step(t, "b").response).toMatchObject({ Payload: "new" });
    expect(t.environments[0]).toMatchObject({ reclaimReason: "retired", reclaimedAt: 2100 });
  });

  it("reclaims idle environments after idleReclaimMs (only while something else keeps the clock running)", () => {
    const t = runYaml(`settings: { idleReclaimMs: 5m }
steps:
${fn("f", "exports.handler = async () => 1;")}
  - { at: 1s, Invoke: { FunctionName: f } }
  - { id: later, at: 10m, Invoke: { FunctionName: f } }
`);
    expect(t.environments.map((e) => [e.reclaimReason, e.reclaimedAt])).toEqual([["idle", 301_105], [null, null]]);
    expect(t.invocations[1].coldStart).toBe(true);
  });
});
