import type { OperationName } from "./ops";
import type { StepReference } from "./references";

/** Engine knobs AWS does not expose (docs/scenario-format.md "settings"). */
export interface Settings {
  /** Init duration of a new execution environment. */
  coldStartMs: number;
  /** Overhead of reusing a warm environment. */
  warmStartMs: number;
  /** Handler run time when the code does not wait on timers. */
  defaultDurationMs: number;
  /** An idle on-demand environment is reclaimed after this long. */
  idleReclaimMs: number;
  /** The account's concurrent-executions quota (AWS default 1,000; new accounts may start lower). */
  accountConcurrency: number;
  /** The wall-clock instant virtual time 0 stands for (ISO 8601). */
  startTime: string;
}

export const DEFAULT_SETTINGS: Settings = {
  coldStartMs: 100,
  warmStartMs: 1,
  defaultDurationMs: 5,
  idleReclaimMs: 600_000,
  accountConcurrency: 1000,
  startTime: "2025-01-01T00:00:00.000Z",
};

export interface Repeat {
  times: number;
  everyMs: number;
}

/** One step as written: one AWS call (or one `repeat` of it). */
export interface ScenarioStep {
  /** 0-based position in `steps`. */
  index: number;
  /** Explicit id, or `s<index+1>`. Repetitions get `<id>.1`, `<id>.2`, … */
  id: string;
  /** Absolute virtual time in ms, when written. */
  at?: number;
  repeat?: Repeat;
  op: OperationName;
  /**
   * The operation's input, validated (see scenario/ops). With `references`, the input as written
   * (the `{ $ref }` mappings still in it): the run substitutes them and checks the result.
   */
  input: Record<string, unknown>;
  /** Values taken from earlier steps' answers (references.ts), in document order. */
  references?: StepReference[];
}

/** A validated scenario: what `runScenario` takes. */
export interface Scenario {
  name?: string;
  seed: number;
  region: string;
  accountId: string;
  settings: Settings;
  /** Stop the clock here (ms); undefined = when nothing is pending. */
  until?: number;
  steps: ScenarioStep[];
}
