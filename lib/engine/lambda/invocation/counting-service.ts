import type { FunctionStore } from "../function-store";
import type { LambdaFunction } from "../model";

/** AWS's throttle reasons (TooManyRequestsException.Reason in the Lambda API reference). */
export type ThrottleReason =
  | "ReservedFunctionConcurrentInvocationLimitExceeded"
  | "ConcurrentInvocationLimitExceeded"
  | "FunctionInvocationRateLimitExceeded";

/** "Scaling rate: 1,000 new execution environments every 10 s per function, not banked" (§5 [Scaling]). */
export const SCALING_WINDOW_MS = 10_000;
export const SCALING_ENVIRONMENTS_PER_WINDOW = 1000;

/**
 * Concurrency accounting (docs/lambda-semantics.md §1.4, §5), after LocalStack's
 * `invocation/counting_service`. Concurrency in use = environments running an invocation;
 * provisioned environments hold their share all the time, busy or not.
 *
 * - A function with reserved concurrency R may use at most R (0 ⇒ every invocation throttled).
 * - Functions without a reservation share the unreserved pool: account limit − Σ reservations.
 * - A function may start at most 1,000 new environments in any 10-second window.
 */
export class CountingService {
  constructor(
    private readonly store: FunctionStore,
    private readonly accountLimit: () => number,
  ) {}

  /** The AWS minimum left unreserved: 100, or the whole quota on small accounts (the error says "[10]" there). */
  minimumUnreserved(): number {
    return Math.min(100, this.accountLimit());
  }

  inUse(fn: LambdaFunction): number {
    return fn.busyOnDemand + fn.provisionedEnvironments;
  }

  /** Why one more on-demand invocation of `fn` would be throttled now, or null. */
  onDemandThrottle(fn: LambdaFunction): ThrottleReason | null {
    if (fn.reservedConcurrency !== null) {
      return this.inUse(fn) + 1 > fn.reservedConcurrency ? "ReservedFunctionConcurrentInvocationLimitExceeded" : null;
    }
    let reserved = 0;
    let unreservedInUse = 0;
    for (const f of this.store.functions.values()) {
      if (f.deleted) continue;
      if (f.reservedConcurrency !== null) reserved += f.reservedConcurrency;
      else unreservedInUse += f.busyOnDemand + f.provisionedEnvironments;
    }
    return unreservedInUse + 1 > this.accountLimit() - reserved ? "ConcurrentInvocationLimitExceeded" : null;
  }

  /**
   * Whether `fn` may start a new environment at `now` under the scaling rate. The reason AWS
   * gives for this case is not recorded anywhere we found; FunctionInvocationRateLimitExceeded
   * is the enum value that names it [unverified].
   */
  canStartEnvironment(fn: LambdaFunction, now: number): boolean {
    const starts = fn.recentEnvironmentStarts;
    let drop = 0;
    while (drop < starts.length && starts[drop] <= now - SCALING_WINDOW_MS) drop++;
    if (drop > 0) starts.splice(0, drop);
    return starts.length < SCALING_ENVIRONMENTS_PER_WINDOW;
  }

  noteEnvironmentStart(fn: LambdaFunction, now: number): void {
    fn.recentEnvironmentStarts.push(now);
  }

  /** Unreserved concurrency left for functions without a reservation (GetAccountSettings). */
  unreservedConcurrentExecutions(): number {
    let reserved = 0;
    for (const f of this.store.functions.values()) if (!f.deleted && f.reservedConcurrency !== null) reserved += f.reservedConcurrency;
    return this.accountLimit() - reserved;
  }

  /** Σ provisioned concurrency requested on functions without a reservation (it comes out of the unreserved pool). */
  unreservedProvisioned(except?: { fn: LambdaFunction; qualifier: string }): number {
    let sum = 0;
    for (const f of this.store.functions.values()) {
      if (f.deleted || f.reservedConcurrency !== null) continue;
      for (const [q, pc] of f.provisioned) if (!(except && except.fn === f && except.qualifier === q)) sum += pc.requested;
    }
    return sum;
  }
}
