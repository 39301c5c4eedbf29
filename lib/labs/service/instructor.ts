/**
 * Instructor views: every variant of a lab, and one variant in full — the scenario with its params
 * substituted, each question's truth and explanation, and the trace — to check a lab before
 * learners see it.
 */
import { ActionError } from "@/lib/actions/errors";
import type { LabInstance, Trace, Variant } from "../types";
import { enumerateVariants } from "../variants";
import { staffLab, type LabUser } from "./access";
import { variantRun, variantTrace } from "./variant-runs";

export async function listVariants(user: LabUser, slug: string): Promise<{ version: number; variants: Variant[] }> {
  const { version } = await staffLab(user, slug);
  return { version: version.version, variants: enumerateVariants(version.source.params) };
}

export interface VariantPreview {
  version: number;
  instance: LabInstance;
  truths: Array<{ id: string; value: unknown; accepted?: string[]; error?: string }>;
  traceDigest: string;
  trace: Trace;
}

export async function previewVariant(user: LabUser, slug: string, variantIndex: number): Promise<VariantPreview> {
  const { version } = await staffLab(user, slug);
  const count = version.source.variantCount;
  if (!Number.isInteger(variantIndex) || variantIndex < 0 || variantIndex >= count) {
    throw new ActionError("invalid", `This lab has ${count} variant(s): pick 0 to ${count - 1}.`, { variant: [`expected 0 to ${count - 1}`] });
  }
  const run = await variantRun(version, variantIndex);
  return {
    version: version.version,
    instance: run.instance,
    truths: run.truths.map((t) => (t.result.ok ? { id: t.id, value: t.result.value, ...(t.result.accepted ? { accepted: t.result.accepted } : {}) } : { id: t.id, value: null, error: t.result.message })),
    traceDigest: run.traceDigest,
    trace: await variantTrace(version, variantIndex),
  };
}
