/**
 * The editor's preview: `lab check` in full (every variant run), each question's truth in every
 * variant, and the trace of one chosen variant for the timeline. Nothing is stored.
 */
import type { LabError } from "@/lib/labs/located";
import { instantiateLab } from "@/lib/labs/lab-file";
import { runLabScenario } from "@/lib/labs/service/runner";
import type { Trace } from "@/lib/labs/types";
import { describeVariant } from "@/lib/labs/variants";
import { fullCheck } from "./validate";

export interface LabPreview {
  ok: boolean;
  errors: LabError[];
  questions: Array<{ id: string; type: string; prompt: string }>;
  /** One row per variant: its params and each question's truth (null when it failed). */
  variants: Array<{ index: number; label: string; truths: Array<{ id: string; value: unknown }> }>;
  /** The chosen variant's trace, when the lab runs. */
  trace: Trace | null;
  variant: number;
  variantCount: number;
}

export async function previewLab(text: string, variant: number, file?: string): Promise<LabPreview> {
  const report = await fullCheck(text, file);
  const source = report.source;
  const count = source?.variantCount ?? 0;
  const index = count ? Math.min(Math.max(0, Math.trunc(variant)), count - 1) : 0;
  let trace: Trace | null = null;
  let questions: LabPreview["questions"] = [];
  if (source) {
    const inst = instantiateLab(source, index);
    if (inst.ok) {
      questions = inst.value.questions.map((q) => ({ id: q.id, type: q.type, prompt: q.prompt }));
      try {
        trace = await runLabScenario(inst.value.scenario);
      } catch {
        trace = null; // reported by the full check as an engine failure
      }
    }
  }
  return {
    ok: report.ok,
    errors: report.allErrors,
    questions,
    variants: report.variants.map((v) => ({ index: v.variant.index, label: describeVariant(v.variant), truths: v.truths })),
    trace,
    variant: index,
    variantCount: count,
  };
}
