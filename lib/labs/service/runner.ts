/**
 * Where lab scenarios run. The web app never runs handler code on the request thread: scenarios
 * go to the engine's worker pool (lib/engine/pool: a piscina worker, a wall-clock limit per run,
 * recycled after memory bombs). Tests and scripts may swap in another runner (e.g. in-process
 * runScenario) with setScenarioRunner.
 */
import type { Scenario, Trace } from "@/lib/engine";
import { getEnginePool } from "@/lib/engine/pool";

export type ScenarioRunner = (scenario: Scenario) => Promise<Trace>;

let override: ScenarioRunner | undefined;

export function setScenarioRunner(runner: ScenarioRunner | undefined): void {
  override = runner;
}

export async function runLabScenario(scenario: Scenario): Promise<Trace> {
  if (override) return override(scenario);
  return getEnginePool().run({ scenario });
}
