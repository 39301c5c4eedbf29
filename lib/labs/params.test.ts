import { describe, expect, it } from "vitest";
import { parseParams, type ParamProblem } from "./params";

function parse(raw: unknown) {
  const problems: ParamProblem[] = [];
  return { defs: parseParams(raw, problems), problems };
}

describe("params", () => {
  it("reads choices and ranges in declaration order", () => {
    const { defs, problems } = parse({ fn: { choices: ["a", 2, true] }, n: { range: [3, 5] } });
    expect(problems).toEqual([]);
    expect(defs).toEqual([
      { name: "fn", kind: "choices", values: ["a", 2, true] },
      { name: "n", kind: "range", min: 3, max: 5, values: [3, 4, 5] },
    ]);
  });

  it.each([
    [{ "1x": { range: [0, 1] } }, ["1x"], /identifiers/],
    [{ x: { range: [2, 1] } }, ["x", "range"], /lo ≤ hi/],
    [{ x: { range: [0, 1.5] } }, ["x", "range"], /two integers/],
    [{ x: { choices: [] } }, ["x", "choices"], /non-empty/],
    [{ x: { choices: ["a", "a"] } }, ["x", "choices", 1], /listed twice/],
    [{ x: { choices: [{ a: 1 }] } }, ["x", "choices", 0], /text, number or true\/false/],
    [{ x: { choices: ["a"], range: [0, 1] } }, ["x"], /exactly one/],
    [{ x: { choise: ["a"] } }, ["x", "choise"], /unknown key/],
    [{ x: { range: [0, 1000] } }, ["x", "range"], /at most 100/],
    [{ x: { range: [0, 9] }, y: { range: [0, 10] } }, [], /110 variants/],
    [["a"], [], /expected a mapping/],
  ])("refuses %j with a located reason", (raw, path, message) => {
    const { problems } = parse(raw);
    expect(problems[0]?.path).toEqual(["params", ...path]);
    expect(problems[0]?.message).toMatch(message);
  });
});
