/**
 * The Lambda semantics engine — the public API the rest of the app uses (see README.md).
 * Pure TypeScript: no Next, no database, no network, no host clock or randomness.
 */
export type { Scenario, ScenarioStep, Settings, Repeat } from "./scenario/types";
export type {
  Trace,
  StepRecord,
  InvocationRecord,
  ThrottleRecord,
  EnvironmentRecord,
  QueueRecord,
  DeliveryRecord,
  AsyncEventRecord,
  LogRecord,
  FunctionRecord,
  TimelineEntry,
  Trigger,
} from "./trace/types";
export type { ScenarioError } from "./scenario/errors";
export type { RuntimeFactory } from "./sandbox/contract";
export type { RunOptions } from "./run";
export { parseScenario, loadYaml } from "./scenario/parse";
export { validateScenario, MAX_EXPANDED_STEPS, type ValidateOptions } from "./scenario/validate";
export { formatScenarioError, formatPath } from "./scenario/errors";
export { runScenario } from "./run";
export { operationNames } from "./scenario/ops";
export { createQuickJsRuntimeFactory } from "./sandbox";
