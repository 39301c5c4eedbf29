/**
 * Seeded variants. A lab's `params` span a finite set of variants: the cartesian product of every
 * param's values (a `choices` list as written, a `range` as each integer from lo to hi), in a fixed
 * order — params in the order the file declares them, the last one changing fastest, like nested
 * loops. Variant i is the i-th combination of that enumeration.
 *
 * A learner's variant comes from a seed: the first 31 bits of
 * sha256(JSON `["<learner id>","<lab id>"]`) (31 so it fits a signed 32-bit database integer), and
 * variant = seed mod count. So the same learner always gets the same variant of a lab (stable
 * across reloads, devices and lab versions with the same params), two learners usually get
 * different ones, and the CLI's `--variant-seed N` picks variant N mod count.
 * Instructors enumerate every variant (a lab may have at most MAX_VARIANTS, so each one can be
 * checked by `lab check` and previewed).
 */
import { createHash } from "node:crypto";
import type { ParamDef, Scalar, Variant } from "./types";

/** Every variant is run by `lab check` and can be previewed, so the product of params is capped. */
export const MAX_VARIANTS = 100;

export function variantCount(params: readonly ParamDef[]): number {
  return params.reduce((n, p) => n * p.values.length, 1);
}

/** The variant at `index` (taken modulo the count, so any integer names a variant). */
export function variantAt(params: readonly ParamDef[], index: number): Variant {
  const count = variantCount(params);
  let rest = ((Math.trunc(index) % count) + count) % count;
  const position = rest;
  const values: Record<string, Scalar> = {};
  for (let i = params.length - 1; i >= 0; i--) {
    const p = params[i]!;
    values[p.name] = p.values[rest % p.values.length]!;
    rest = Math.floor(rest / p.values.length);
  }
  // Re-insert in declaration order so the object reads like the file.
  const ordered: Record<string, Scalar> = {};
  for (const p of params) ordered[p.name] = values[p.name]!;
  return { index: position, count, params: ordered };
}

export function enumerateVariants(params: readonly ParamDef[]): Variant[] {
  const count = variantCount(params);
  return Array.from({ length: count }, (_, i) => variantAt(params, i));
}

/** The learner's stable seed for a lab (see the module comment). */
export function learnerVariantSeed(learnerId: string, labId: string): number {
  // JSON of the pair, not a plain join, so ("a\nb", "c") and ("a", "b\nc") cannot collide.
  return createHash("sha256").update(JSON.stringify([learnerId, labId])).digest().readUInt32BE(0) >>> 1;
}

export function variantIndexForSeed(seed: number, count: number): number {
  return ((Math.trunc(seed) % count) + count) % count;
}

/** "retries=1, fn=orders" — how a variant is named in check errors and the preview list. */
export function describeVariant(variant: Variant): string {
  const parts = Object.entries(variant.params).map(([k, v]) => `${k}=${typeof v === "string" ? JSON.stringify(v) : String(v)}`);
  return `variant ${variant.index + 1} of ${variant.count}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}
