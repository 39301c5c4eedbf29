import { describe, expect, it } from "vitest";
import { evaluateTruth } from "./truth";
import type { LabQuestion } from "./types";

const base = { prompt: "p", explanation: "e", hints: [], points: 1 };
const trace = {
  steps: [{ id: "send", response: { StatusCode: 202 } }],
  invocations: [{ status: "error" }, { status: "error" }, { status: "success" }],
  deliveries: [{ kind: "on-failure" }, { kind: "dlq" }],
  functions: { f: { versions: ["$LATEST", "1"] } },
};

const q = (over: Partial<LabQuestion> & { type: LabQuestion["type"]; truth: string }) => ({ id: "q", ...base, ...over }) as LabQuestion;

describe("truths", () => {
  it("evaluates JMESPath over the trace and checks the value fits the type", () => {
    expect(evaluateTruth(q({ type: "number", truth: "length(invocations)", tolerance: 0 }), trace)).toEqual({ ok: true, value: 3 });
    expect(evaluateTruth(q({ type: "boolean", truth: "contains(invocations[*].status, 'success')" }), trace)).toEqual({ ok: true, value: true });
    const choice = q({ type: "choice", truth: "steps[?id=='send'] | [0].response.StatusCode", options: [{ value: 200, label: "200" }, { value: 202, label: "202" }] });
    expect(evaluateTruth(choice, trace)).toEqual({ ok: true, value: 202 });
  });

  it("refuses a value the type cannot hold", () => {
    expect(evaluateTruth(q({ type: "number", truth: "steps[?id=='nope'] | [0].at", tolerance: 0 }), trace)).toMatchObject({ ok: false, message: expect.stringMatching(/must be a number, got null/) });
    expect(evaluateTruth(q({ type: "boolean", truth: "length(invocations)" }), trace)).toMatchObject({ ok: false });
    const choice = q({ type: "choice", truth: "steps[0].response.StatusCode", options: [{ value: "202", label: "202" }, { value: 200, label: "200" }] });
    expect(evaluateTruth(choice, trace)).toMatchObject({ ok: false, message: expect.stringMatching(/not one of the options/) });
    expect(evaluateTruth(q({ type: "text", truth: "length(invocations)" }), trace)).toMatchObject({ ok: false, message: expect.stringMatching(/to_string/) });
  });

  it("reports an expression that fails at run time", () => {
    expect(evaluateTruth(q({ type: "number", truth: "abs(steps)", tolerance: 0 }), trace)).toMatchObject({ ok: false, message: expect.stringMatching(/the expression failed/) });
  });

  it("treats a multi-choice truth as a set in option order", () => {
    const mc = q({ type: "multi-choice", truth: "[deliveries[1].kind, deliveries[0].kind, deliveries[1].kind]", options: ["on-success", "on-failure", "dlq"].map((v) => ({ value: v, label: v })) });
    expect(evaluateTruth(mc, trace)).toEqual({ ok: true, value: ["on-failure", "dlq"] });
    const stray = q({ type: "multi-choice", truth: "invocations[*].status", options: [{ value: "error", label: "e" }, { value: "x", label: "x" }] });
    expect(evaluateTruth(stray, trace)).toMatchObject({ ok: false, message: expect.stringMatching(/"success", not among the options/) });
  });

  it("needs every item exactly once for an ordered truth", () => {
    const items = [{ value: "1", label: "1" }, { value: "$LATEST", label: "$LATEST" }];
    expect(evaluateTruth(q({ type: "ordered", truth: "functions.f.versions", items }), trace)).toEqual({ ok: true, value: ["$LATEST", "1"] });
    expect(evaluateTruth(q({ type: "ordered", truth: "functions.f.versions[:1]", items }), trace)).toMatchObject({ ok: false });
  });

  it("adds aliases to the accepted texts of a text question", () => {
    const text = q({ type: "text", truth: "invocations[-1].status", aliases: "['succeeded', 'ok']" });
    expect(evaluateTruth(text, trace)).toEqual({ ok: true, value: "success", accepted: ["success", "succeeded", "ok"] });
    expect(evaluateTruth(q({ type: "text", truth: "invocations[-1].status", aliases: "invocations" }), trace)).toMatchObject({ ok: false, message: expect.stringMatching(/^aliases:/) });
  });
});
