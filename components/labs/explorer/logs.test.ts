import { describe, expect, it } from "vitest";
import { fn, runYaml } from "@/lib/engine/testing/run-yaml";
import type { Trace } from "@/lib/labs/types";
import { logsForInvocation, unmarshallItem } from "./logs";

describe("logsForInvocation", () => {
  it("gives each attempt its own lines, Init included on the cold one, though retries share the request id", () => {
    const trace = runYaml(`
steps:
${fn("charge", `console.log("module init");\nexports.handler = async (e) => { console.log("charging", e.n); throw new Error("down"); };`)}  - PutFunctionEventInvokeConfig: { FunctionName: charge, MaximumRetryAttempts: 1 }
  - at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: { n: 7 } }
`) as Trace;
    const [first, retry] = trace.invocations;
    expect(first!.requestId).toBe(retry!.requestId);
    const a = logsForInvocation(trace, first!).map((l) => l.line);
    const b = logsForInvocation(trace, retry!).map((l) => l.line);
    expect(a[0]).toMatch(/^INIT_START/);
    expect(a.some((l) => l!.includes("module init"))).toBe(true);
    expect(a.filter((l) => l!.includes("charging"))).toHaveLength(1);
    expect(a.at(-1)).toMatch(/^REPORT RequestId/);
    expect(b[0]).toMatch(/^START RequestId/);
    expect(b.filter((l) => l!.includes("charging"))).toHaveLength(1);
    expect(b.some((l) => l!.startsWith("INIT_START"))).toBe(false);
  });

  it("separates back-to-back invocations in the same environment", () => {
    const trace = runYaml(`
steps:
${fn("f", `exports.handler = async (e) => { console.log("n=" + e.n); return e.n; };`)}  - at: 1s
    Invoke: { FunctionName: f, Payload: { n: 1 } }
  - at: 1106ms
    Invoke: { FunctionName: f, Payload: { n: 2 } }
`) as Trace;
    const [one, two] = trace.invocations;
    expect(one!.environmentId).toBe(two!.environmentId);
    expect(logsForInvocation(trace, one!).filter((l) => l.line.includes("n=")).map((l) => l.line)).toEqual([expect.stringContaining("n=1")]);
    expect(logsForInvocation(trace, two!).filter((l) => l.line.includes("n=")).map((l) => l.line)).toEqual([expect.stringContaining("n=2")]);
  });
});

it("unmarshallItem makes DynamoDB items readable", () => {
  expect(unmarshallItem({ id: { S: "alice" }, balance: { N: "30" }, ok: { BOOL: true }, tags: { L: [{ S: "a" }] }, meta: { M: { n: { NULL: true } } } })).toEqual({
    id: "alice",
    balance: 30,
    ok: true,
    tags: ["a"],
    meta: { n: null },
  });
});
