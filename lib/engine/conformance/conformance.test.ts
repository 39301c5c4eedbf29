// The conformance suite: every case in ./cases run through the engine in-process and checked
// against its expectations (same semantics as ../shared/tools/check-scenarios.mjs, which can run
// the same files through the CLI). One test per case, named "<file> [<rule ids>]".
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createQuickJsRuntimeFactory, formatScenarioError, runScenario, validateScenario } from "../index";
import { loadCases, loadRules, type ConformanceCase } from "./case-file";
import { failureOf } from "./expectation";
import { RESPONSE_SHAPES, shapeViolations } from "../scenario/response-shapes";

type RuntimeFactory = Awaited<ReturnType<typeof createQuickJsRuntimeFactory>>;

const here = fileURLToPath(new URL(".", import.meta.url));
const known = new Set(loadRules(here).rules.map((r) => r.id));
const { cases } = loadCases(`${here}cases`, known);

let runtime: RuntimeFactory;
async function freshRuntime(): Promise<RuntimeFactory> {
  // A factory whose wasm heap grew past its budget (a memory bomb) is not reused.
  if (!runtime || runtime.tainted) runtime = await createQuickJsRuntimeFactory();
  return runtime;
}
beforeAll(async () => {
  await freshRuntime();
});

function scenarioOf(c: ConformanceCase) {
  const v = validateScenario(c.scenario, { file: c.file, locate: c.locate, pathPrefix: ["scenario"] });
  if (!v.ok) throw new Error(`scenario refused by the engine:\n${v.errors.map(formatScenarioError).join("\n")}`);
  return v.scenario;
}

describe("conformance cases", () => {
  for (const c of cases) {
    const title = `${c.file} [${c.rules.join(", ")}]${c.unverified ? " (unverified)" : ""}`;
    it(title, async () => {
      const scenario = scenarioOf(c);
      const trace = runScenario(scenario, { runtime: await freshRuntime() });
      const failures = c.expect.map((e) => failureOf(trace, e)).filter((f): f is string => f !== null);
      // every answer fits the response shapes step references are checked against
      failures.push(...trace.steps.flatMap((s) => (s.response === undefined ? [] : shapeViolations(RESPONSE_SHAPES[s.op] ?? "any", s.response).map((v) => `${s.id} (${s.op}) answered a field scenario/response-shapes.ts does not list: ${v}`))));
      // One line per unmet expectation: what was found and what AWS does (the case's `about`).
      expect(failures.join("\n"), c.about).toBe("");
      if (c.rules.includes("fmt-determinism")) {
        // Same scenario, same seed ⇒ byte-identical trace (docs/scenario-format.md, design rules).
        const again = runScenario(scenarioOf(c), { runtime: await freshRuntime() });
        expect(JSON.stringify(again)).toBe(JSON.stringify(trace));
      }
    }, 300_000); // 5-scaling-rate creates 2,000 environments
  }
});
