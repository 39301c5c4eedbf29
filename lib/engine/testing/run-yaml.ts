/** Test helpers: run a scenario written as YAML text with the vm test double (see node-vm-runtime.ts). */
import { parseScenario } from "../scenario/parse";
import { formatScenarioError } from "../scenario/errors";
import { runScenario } from "../run";
import type { RuntimeFactory } from "../sandbox/contract";
import type { Trace } from "../trace/types";
import { createNodeVmRuntimeFactory } from "./node-vm-runtime";

export function runYaml(yaml: string, opts: { seed?: number; runtime?: RuntimeFactory } = {}): Trace {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(`invalid scenario:\n${parsed.errors.map(formatScenarioError).join("\n")}`);
  return runScenario(parsed.scenario, { runtime: opts.runtime ?? createNodeVmRuntimeFactory(), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
}

/** The step record with this id. */
export function step(trace: Trace, id: string) {
  const s = trace.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in the trace (steps: ${trace.steps.map((x) => x.id).join(", ")})`);
  return s;
}

/** A CreateFunction step body with inline code. */
export function fn(name: string, code: string, extra = ""): string {
  return `  - CreateFunction:
      FunctionName: ${name}
      Runtime: nodejs20.x
      Handler: index.handler
${extra}      Code:
        ZipFile: |
${code.split("\n").map((l) => `          ${l}`).join("\n")}
`;
}
