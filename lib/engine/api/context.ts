import type { Deferred } from "../core/deferred";
import type { Invocation } from "../lambda/invocation/invocation";
import type { OperationInput, OperationName } from "../scenario/ops";
import type { Simulation } from "../simulation";

/** Who is calling: a scenario step, or handler code through an SDK stand-in. */
export interface CallContext {
  sim: Simulation;
  /** The step that (directly or through a handler) caused this call, for the records it creates. */
  step: string | null;
  /** The invocation whose handler made the call, when it came from the SDK (its lineage travels on). */
  caller?: Invocation;
}

/** An operation returns its response, a Deferred (answer later), or throws an AwsError. */
export type OpHandler<N extends OperationName> = (ctx: CallContext, input: OperationInput<N>) => unknown | Deferred;

export type OperationTable = { [N in OperationName]?: OpHandler<N> };
