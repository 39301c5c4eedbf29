import { describe, expect, it } from "vitest";
import { failureOf } from "./expectation";

const trace = {
  steps: [
    { id: "ok", op: "Invoke", response: { StatusCode: 200, Payload: { message: "hello Ada" } } },
    { id: "bad", op: "Invoke", error: { type: "TooManyRequestsException", message: "Rate Exceeded." } },
  ],
  invocations: [{ start: 1000, end: 1105 }, { start: 61105, end: 61110 }],
};

describe("failureOf (the shared checker's semantics)", () => {
  it("passes a JMESPath equality and reports a mismatch with both values", () => {
    expect(failureOf(trace, { path: "steps[?id=='ok'] | [0].response.StatusCode", equals: 200 })).toBeNull();
    expect(failureOf(trace, { path: "steps[?id=='ok'] | [0].response.StatusCode", equals: 202 })).toBe(
      "steps[?id=='ok'] | [0].response.StatusCode = 200, expected 202",
    );
  });

  it("treats a missing value as null", () => {
    expect(failureOf(trace, { path: "steps[?id=='ok'] | [0].error", equals: null })).toBeNull();
    expect(failureOf(trace, { js: "t => t.nothing", equals: null })).toBeNull();
  });

  it("compares arrays by their JSON form", () => {
    expect(failureOf(trace, { path: "steps[*].id", equals: ["ok", "bad"] })).toBeNull();
    expect(failureOf(trace, { path: "steps[*].id", equals: ["bad", "ok"] })).not.toBeNull();
  });

  it("checks in, contains, gte, lte and between", () => {
    expect(failureOf(trace, { path: "steps[1].error.type", in: ["A", "TooManyRequestsException"] })).toBeNull();
    expect(failureOf(trace, { path: "steps[1].error.type", in: ["A", "B"] })).toContain("expected one of");
    expect(failureOf(trace, { path: "steps[1].error.message", contains: "Rate" })).toBeNull();
    expect(failureOf(trace, { path: "steps[1].error.message", contains: "rate" })).toContain("expected to contain");
    const gap = "t => t.invocations[1].start - t.invocations[0].end";
    expect(failureOf(trace, { js: gap, between: [50000, 70000] })).toBeNull();
    expect(failureOf(trace, { js: gap, between: [0, 50000] })).toContain("expected in [0,50000]");
    expect(failureOf(trace, { js: gap, gte: 60000 })).toBeNull();
    expect(failureOf(trace, { js: gap, lte: 59999 })).toContain("expected <= 59999");
  });

  it("a comparison on a non-number fails rather than coercing", () => {
    expect(failureOf(trace, { path: "steps[0].id", gte: 0 })).toContain("expected >= 0");
  });

  it("reports an expression that cannot be evaluated", () => {
    expect(failureOf(trace, { path: "steps[?id==", equals: 1 })).toMatch(/^cannot evaluate steps\[\?id==/);
    expect(failureOf(trace, { js: "t => t.nope.deeper", equals: 1 })).toMatch(/^cannot evaluate/);
  });
});
