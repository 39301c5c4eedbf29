/**
 * Recursive loop detection (§5, [Recursion]): Lambda follows each event through Lambda, SQS and
 * SNS (the X-Ray "Lineage" it carries) and counts how often every function was invoked in that
 * chain. "If a function is invoked by the same triggering event more than 16 times, Lambda will
 * stop the next invocation" (AWS What's New, 13 Jul 2023) — unless the function's RecursiveLoop
 * configuration is Allow.
 */
import type { LambdaFunction } from "../model";

/** Function name → invocations so far in this chain. Immutable; shared when unchanged. */
export type Lineage = Readonly<Record<string, number>>;

export const NO_LINEAGE: Lineage = Object.freeze({});

export const RECURSION_LIMIT = 16;

/** The lineage an invocation passes on: the one it was invoked with, plus itself. */
export function extend(lineage: Lineage, fn: string): Lineage {
  return Object.freeze({ ...lineage, [fn]: (lineage[fn] ?? 0) + 1 });
}

/** Whether invoking `fn` with this lineage is the one Lambda stops. */
export function stopsRecursion(fn: LambdaFunction, lineage: Lineage | undefined): boolean {
  return lineage !== undefined && fn.recursiveLoop === "Terminate" && (lineage[fn.name] ?? 0) >= RECURSION_LIMIT;
}

/** Several messages in one batch: the longest chain per function wins. */
export function merge(lineages: (Lineage | undefined)[]): Lineage {
  let out: Record<string, number> | undefined;
  for (const l of lineages) {
    if (!l || l === NO_LINEAGE) continue;
    out ??= {};
    for (const [k, v] of Object.entries(l)) if ((out[k] ?? 0) < v) out[k] = v;
  }
  return out ? Object.freeze(out) : NO_LINEAGE;
}

/** AWS's message for a stopped synchronous call (RecursiveInvocationException, Lambda API reference). */
export const RECURSION_MESSAGE = "Lambda has detected your function being invoked in a recursive loop with other AWS resources and stopped your function's invocation.";
