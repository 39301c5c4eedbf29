// The suite's own shape, checked without the engine: the rules index is well-formed, every case
// file is well-formed and names rules that exist, and every testable rule has at least one case.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { casesOfUntestableRules, formatCaseFileError, loadCases, loadRules, uncoveredRules } from "./case-file";
import { failureOf } from "./expectation";

const here = fileURLToPath(new URL(".", import.meta.url));
const index = loadRules(here);
const suite = loadCases(`${here}cases`, new Set(index.rules.map((r) => r.id)));

describe("conformance suite shape", () => {
  it("rules.yaml is well-formed", () => {
    expect(index.errors.map(formatCaseFileError)).toEqual([]);
    expect(index.rules.length).toBeGreaterThan(100);
  });

  it("every case file is well-formed and names rules that exist", () => {
    expect(suite.errors.map(formatCaseFileError)).toEqual([]);
  });

  it("has at least 100 cases", () => {
    expect(suite.cases.length).toBeGreaterThanOrEqual(100);
  });

  it("every testable rule has at least one case", () => {
    expect(uncoveredRules(index.rules, suite.cases)).toEqual([]);
  });

  it("no case names a rule marked testable: false", () => {
    expect(casesOfUntestableRules(index.rules, suite.cases)).toEqual([]);
  });

  it("no case is vacuous: each one fails against a trace in which nothing happened", () => {
    // The shape of a trace with every collection empty (docs/scenario-format.md, Trace).
    const nothing = {
      name: null, seed: 1, endedAt: 0, steps: [], invocations: [], throttles: [], environments: [], queues: {},
      deliveries: [], streams: {}, topics: {}, buses: {}, tables: {}, logs: [], functions: {}, eventSourceMappings: [], timeline: [],
    };
    const vacuous = suite.cases.filter((c) => c.expect.every((e) => failureOf(nothing, e) === null)).map((c) => c.file);
    expect(vacuous).toEqual([]);
  });

  it("a case marked unverified says what it chose", () => {
    const silent = suite.cases.filter((c) => c.unverified && !/\bchose\b|\bchoose\b|\bchoice\b/i.test(c.about)).map((c) => c.file);
    expect(silent).toEqual([]);
  });
});
