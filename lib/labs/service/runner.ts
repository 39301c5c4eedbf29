/**
 * Where lab scenarios run. The web app never runs handler code on the request thread: scenarios
 * go to the engine's worker pool (lib/engine/pool). Tests and scripts may swap in another runner
 * (e.g. in-process runScenario) with setScenarioRunner.
 */
import type { Scenario, Trace } from "@/lib/engine";

export type ScenarioRunner = (scenario: Scenario) => Promise<Trace>;

let override: ScenarioRunner | undefined;

export function setScenarioRunner(runner: ScenarioRunner | undefined): void {
  override = runner;
}

export async function runLabScenario(scenario: Scenario): Promise<Trace> {
  if (override) return override(scenario);
  // lib/engine/pool (getEnginePool().run({ scenario })) is being built by the sandbox area; until
  // it lands, refuse rather than run learners' handlers on the request thread.
  throw new Error("the engine worker pool (lib/engine/pool) is not available yet");
}
