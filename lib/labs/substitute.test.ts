import { describe, expect, it } from "vitest";
import { placeholdersIn, substitute, type SubstituteProblem } from "./substitute";

describe("substitute", () => {
  const params = { retries: 1, fn: "orders", flag: true };

  it("keeps the param's type for a whole-value placeholder", () => {
    const problems: SubstituteProblem[] = [];
    expect(substitute({ a: "{{retries}}", b: "{{ flag }}", c: "{{fn}}" }, params, problems)).toEqual({ a: 1, b: true, c: "orders" });
    expect(problems).toEqual([]);
  });

  it("writes the value as text inside longer text", () => {
    expect(substitute(["q-{{fn}}-{{retries}}"], params, [])).toEqual(["q-orders-1"]);
  });

  it("leaves braces that are not a placeholder alone (handler code)", () => {
    const code = "exports.handler = async () => {{ return 1; }};";
    expect(substitute(code, params, [])).toBe(code);
  });

  it("reports an undeclared param with its path", () => {
    const problems: SubstituteProblem[] = [];
    substitute({ steps: [{ Invoke: { FunctionName: "{{nope}}" } }] }, params, problems);
    expect(problems).toEqual([{ path: ["steps", 0, "Invoke", "FunctionName"], message: expect.stringContaining('"{{nope}}" names no param') }]);
  });

  it("refuses documents nested too deeply instead of recursing forever", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 200; i++) deep = [deep];
    const problems: SubstituteProblem[] = [];
    substitute(deep, params, problems);
    expect(problems[0]?.message).toMatch(/nested more than/);
  });

  it("lists the placeholders used", () => {
    expect([...placeholdersIn({ a: ["{{x}} and {{ y }}"], b: "{{x}}" })].sort()).toEqual(["x", "y"]);
  });
});
