import type { ScheduledEvent } from "../../core/event-queue";
import type { FunctionRuntime, TmpFs } from "../../sandbox/contract";
import type { EnvironmentRecord, ReclaimReason } from "../../trace/types";
import type { LambdaFunction, ProvisionedConcurrencyConfig, VersionConfig } from "../model";
import type { Invocation } from "./invocation";

/**
 * One execution environment (docs/lambda-semantics.md §5): a runtime bound to one function
 * version and the configuration it had when the environment was created. It serves one
 * invocation at a time; between invocations it is frozen with its module state and /tmp.
 * A timeout or crash *resets* it in place (same id, /tmp kept, module state gone, Init again on
 * next use); a code or configuration change *retires* it once its current invocation ends.
 */
export class ExecutionEnvironment {
  runtime: FunctionRuntime | null = null;
  /** Init must run before the next invocation (new environment, or after a reset). */
  needsInit = true;
  /** The invocation running now (one at a time). */
  current: Invocation | null = null;
  /** Init running outside an invocation (provisioned concurrency). */
  initializing = false;
  /** Retire as soon as the current invocation ends (code/config changed, function deleted). */
  retireReason: ReclaimReason | null = null;
  idleSince = 0;
  reclaimEvent: ScheduledEvent | undefined;
  dead = false;
  /** Provisioned environments: Init finished, ready to take invocations. */
  ready = false;
  readonly tmp: TmpFs = { files: new Map() };

  constructor(
    readonly id: string,
    readonly fn: LambdaFunction,
    /** "$LATEST" or a version number. */
    readonly version: string,
    readonly config: VersionConfig,
    readonly logStream: string,
    readonly provisioned: ProvisionedConcurrencyConfig | null,
    readonly record: EnvironmentRecord,
  ) {
    this.logGroupName = `/aws/lambda/${fn.name}`;
    this.memoryLimitInMB = String(config.memorySize);
  }

  /** The Lambda context's strings that stay the same for the environment's life, made once. */
  readonly logGroupName: string;
  readonly memoryLimitInMB: string;

  get busy(): boolean {
    return this.current !== null || this.initializing;
  }
}
