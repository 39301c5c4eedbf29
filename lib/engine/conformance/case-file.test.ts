import { describe, expect, it } from "vitest";
import { casesOfUntestableRules, formatCaseFileError, parseCase, parseRules, uncoveredRules } from "./case-file";

const rulesText = `
- id: 2.1-retry-delays
  section: "2.1"
  rule: Lambda waits about a minute, then two minutes, between attempts.
  source: "[AsyncErr]"
- id: 5-shutdown
  section: "5"
  rule: Shutdown is capped at two seconds.
  source: "[RuntimeEnv]"
  testable: false
  reason: nothing observable depends on the cap.
`;

const goodCase = `rule: 2.1-retry-delays
about: the second attempt starts about a minute after the first
scenario:
  steps:
    - CreateFunction: { FunctionName: f }
expect:
  - js: "t => 1"
    equals: 1
`;

describe("parseRules", () => {
  it("accepts a well-formed index", () => {
    const r = parseRules(rulesText);
    expect(r.errors).toEqual([]);
    expect(r.rules.map((x) => x.id)).toEqual(["2.1-retry-delays", "5-shutdown"]);
  });

  it("locates a rule whose id does not carry its section", () => {
    const r = parseRules(rulesText.replace("id: 2.1-retry-delays", "id: 2.2-retry-delays"));
    expect(r.errors.map(formatCaseFileError)).toEqual(['rules.yaml:2:7: [0].id: must start with "2.1-" (its section)']);
  });

  it("requires a reason on an untestable rule, and a duplicate id is an error", () => {
    expect(parseRules(rulesText.replace("  reason: nothing observable depends on the cap.\n", "")).errors[0]?.message).toContain("must say why");
    const dup = parseRules(rulesText.replace("id: 5-shutdown", "id: 2.1-retry-delays").replace('section: "5"', 'section: "2.1"'));
    expect(dup.errors.map((e) => e.message)).toContain("duplicate rule id 2.1-retry-delays");
  });
});

describe("parseCase", () => {
  const known = new Set(["2.1-retry-delays", "5-shutdown"]);

  it("accepts a well-formed case and keeps a locator into its scenario", () => {
    const r = parseCase(goodCase, "x.yaml", known);
    expect(r.errors).toEqual([]);
    expect(r.case?.rules).toEqual(["2.1-retry-delays"]);
    expect(r.case?.locate(["scenario", "steps", 0, "CreateFunction", "FunctionName"])).toEqual({ line: 5, column: 39 });
  });

  it("reports an unknown rule id on its line", () => {
    const r = parseCase(goodCase.replace("rule: 2.1-retry-delays", "rule: 2.1-retry-delay"), "x.yaml", known);
    expect(r.errors.map(formatCaseFileError)).toEqual(['x.yaml:1:7: rule: unknown rule id "2.1-retry-delay" (not in rules.yaml)']);
  });

  it("refuses unknown keys, a check without path/js, and a check without comparator", () => {
    const typo = parseCase(goodCase.replace("about:", "abuot:"), "x.yaml", known);
    expect(typo.errors.some((e) => e.message.includes("abuot"))).toBe(true);
    const noPath = parseCase(goodCase.replace('  - js: "t => 1"\n    equals: 1', "  - equals: 1"), "x.yaml", known);
    expect(noPath.errors.map(formatCaseFileError)).toEqual(["x.yaml:7:5: expect[0]: expected exactly one of `path` (JMESPath) or `js` (a function of the trace)"]);
    const noCmp = parseCase(goodCase.replace("    equals: 1\n", ""), "x.yaml", known);
    expect(noCmp.errors[0]?.message).toContain("expected at least one of equals");
  });

  it("refuses a case naming both rule and rules, or with no expectations", () => {
    expect(parseCase(goodCase.replace("rule: 2.1-retry-delays", "rule: 2.1-retry-delays\nrules: [5-shutdown]"), "x.yaml").errors[0]?.message).toContain(
      "exactly one of `rule` or `rules`",
    );
    expect(parseCase(goodCase.replace(/expect:[\s\S]*$/, "expect: []\n"), "x.yaml").errors[0]?.message).toContain("cannot fail");
  });

  it("reports broken YAML with its position instead of throwing", () => {
    const r = parseCase("rule: [unclosed\n", "x.yaml");
    expect(r.errors[0]?.file).toBe("x.yaml");
    expect(r.errors[0]?.message).toMatch(/^not valid YAML/);
    expect(r.errors[0]?.line).toBeGreaterThan(0);
  });
});

describe("coverage", () => {
  it("lists testable rules without a case, and cases that name an untestable rule", () => {
    const { rules } = parseRules(rulesText);
    expect(uncoveredRules(rules, [])).toEqual(["2.1-retry-delays"]);
    const c = parseCase(goodCase.replace("rule: 2.1-retry-delays", "rules: [2.1-retry-delays, 5-shutdown]"), "x.yaml").case!;
    expect(uncoveredRules(rules, [c])).toEqual([]);
    expect(casesOfUntestableRules(rules, [c])).toEqual(["x.yaml: 5-shutdown"]);
  });
});
