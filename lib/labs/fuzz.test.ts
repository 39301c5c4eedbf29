// Fuzz: 1,200 seeded mutants of the built-in labs and of their scenarios (as standalone scenario
// files) go through parse → validate → run → truths. Each must end as located errors (line and
// column, no stack trace in the message) or as a run — never an exception out of our code, never
// an engine crash, never a hang. Runs happen in a worker with a wall-clock bound, as in the app's
// engine pool: a run stopped by the bound is a handled outcome (some mutants are legitimately
// long, e.g. a failing SQS consumer without a redrive policy retries for the queue's 4-day
// retention), but more than a few of them would mean the engine hangs. Deterministic: same seed,
// same mutants, same outcome.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseScenario, type Scenario, type ScenarioError } from "@/lib/engine";
import { mulberry32 } from "@/lib/srs/prng";
import { truthsFor } from "./grading";
import { instantiateLab, parseLabSource } from "./lab-file";
import { traceAsJson } from "./truth";
import { BoundedRunner } from "./testing/bounded-runner";
import { mutate } from "./testing/mutate";

const SEED = 20261126;
const CASES = 1200;
const RUN_BOUND_MS = 5_000;
/** At most this share of runs may hit the bound. */
const MAX_BOUNDED_SHARE = 0.05;

const labTexts = fs.readdirSync("labs").filter((f) => f.endsWith(".yaml")).sort().map((f) => fs.readFileSync(path.join("labs", f), "utf8"));
const scenarioTexts = labTexts.map((text) => {
  const src = parseLabSource(text);
  if (!src.ok) throw new Error("a built-in lab does not parse");
  const inst = instantiateLab(src.value, 0);
  if (!inst.ok) throw new Error("a built-in lab does not instantiate");
  return stringify(inst.value.scenarioSource);
});
const corpus = [...labTexts.map((text) => ({ kind: "lab" as const, text })), ...scenarioTexts.map((text) => ({ kind: "scenario" as const, text }))];

const runner = new BoundedRunner(RUN_BOUND_MS);
afterAll(() => runner.close());

const STACK = /\n\s+at\s|\bat .*\.(?:ts|js|mjs):\d+/;

function unlocated(errors: readonly ScenarioError[]): string[] {
  const bad: string[] = [];
  for (const e of errors) {
    if (typeof e.message !== "string" || e.message.trim() === "") bad.push(`empty message at ${e.path}`);
    else if (STACK.test(e.message)) bad.push(`stack trace in "${e.message.slice(0, 200)}"`);
    if (!(typeof e.line === "number" && e.line >= 1 && typeof e.column === "number" && e.column >= 1)) bad.push(`no line/column: ${e.path}: ${e.message.slice(0, 200)}`);
  }
  return bad;
}

describe("fuzzing lab and scenario files", () => {
  it(`${CASES} mutants each end as located errors or a bounded run`, async () => {
    const outcomes = { parseErrors: 0, variantErrors: 0, runs: 0, engineErrors: 0, timeouts: 0 };
    const failures: string[] = [];
    const bounded: string[] = [];
    const seen = new Map<string, Awaited<ReturnType<BoundedRunner["run"]>>>();
    let slowest = 0;

    const run = async (scenario: Scenario) => {
      const key = JSON.stringify(scenario);
      let result = seen.get(key);
      if (!result) {
        result = await runner.run(scenario);
        seen.set(key, result);
        if (result.ok) slowest = Math.max(slowest, result.ms);
      }
      return result;
    };

    for (let i = 0; i < CASES; i++) {
      const base = corpus[i % corpus.length]!;
      const r = mulberry32(SEED + i);
      const { text, applied } = mutate(base.text, r);
      const label = `case ${i} (${base.kind}, ${applied.join("+")})`;
      try {
        let scenario: Scenario;
        let finish: ((trace: unknown) => void) | undefined;
        if (base.kind === "lab") {
          const src = parseLabSource(text, { file: "fuzz.yaml" });
          if (!src.ok) {
            outcomes.parseErrors++;
            failures.push(...unlocated(src.errors).map((m) => `${label}: ${m}`));
            continue;
          }
          const inst = instantiateLab(src.value, Math.floor(r() * 1000));
          if (!inst.ok) {
            outcomes.variantErrors++;
            failures.push(...unlocated(inst.errors).map((m) => `${label}: ${m}`));
            continue;
          }
          scenario = inst.value.scenario;
          finish = (trace) => void truthsFor(inst.value, traceAsJson(trace as never));
        } else {
          const parsed = parseScenario(text, { file: "fuzz.yaml" });
          if (!parsed.ok) {
            outcomes.parseErrors++;
            failures.push(...unlocated(parsed.errors).map((m) => `${label}: ${m}`));
            continue;
          }
          scenario = parsed.scenario;
        }
        const result = await run(scenario);
        if (result.ok) {
          outcomes.runs++;
          finish?.(result.trace);
        } else if (result.timeout) {
          outcomes.timeouts++;
          bounded.push(label);
        } else {
          outcomes.engineErrors++;
          failures.push(`${label}: the engine threw on a validated scenario: ${result.error}`);
        }
      } catch (error) {
        failures.push(`${label}: uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
    }

    console.log(`fuzz: ${JSON.stringify({ ...outcomes, distinctRuns: seen.size, slowestRunMs: Math.round(slowest) })}${bounded.length ? `; stopped by the ${RUN_BOUND_MS} ms bound: ${bounded.join(", ")}` : ""}`);
    expect(failures.length, failures.slice(0, 20).join("\n")).toBe(0);
    expect(outcomes.parseErrors + outcomes.variantErrors + outcomes.runs + outcomes.engineErrors + outcomes.timeouts).toBe(CASES);
    // The mix must exercise both ends: plenty of refusals and plenty of real runs.
    expect(outcomes.runs).toBeGreaterThan(100);
    expect(outcomes.timeouts).toBeLessThanOrEqual(Math.ceil((outcomes.runs + outcomes.timeouts) * MAX_BOUNDED_SHARE));
    expect(outcomes.parseErrors + outcomes.variantErrors).toBeGreaterThan(300);
  }, 600_000);
});
