/**
 * Checking a lab file written in the browser — exactly what `lab check` checks (lib/labs/check.ts):
 * - `quickCheck` as the author types: YAML, the lab schema, params, every variant instantiated and
 *   its scenario validated by the engine — no run, a few milliseconds;
 * - `fullCheck` before publishing and for the preview: the same plus running every variant in the
 *   engine pool and evaluating every question's truth.
 * Errors are the labs' own located errors (line, column, field path, message).
 */
import { checkLabText, type CheckReport } from "@/lib/labs/check";
import { instantiateLab, parseLabSource } from "@/lib/labs/lab-file";
import type { LabError } from "@/lib/labs/located";
import { runLabScenario } from "@/lib/labs/service/runner";

export interface QuickCheck {
  ok: boolean;
  errors: LabError[];
  /** The lab's id and title when they could be read (for draft lists). */
  id: string | null;
  title: string | null;
  variantCount: number;
}

export function quickCheck(text: string, file?: string): QuickCheck {
  const parsed = parseLabSource(text, file ? { file } : {});
  if (!parsed.ok) return { ok: false, errors: parsed.errors, id: null, title: null, variantCount: 0 };
  const source = parsed.value;
  const errors: LabError[] = [];
  const seen = new Set<string>();
  let title: string | null = typeof source.body.title === "string" ? source.body.title : null;
  for (let i = 0; i < source.variantCount; i++) {
    const inst = instantiateLab(source, i);
    if (inst.ok) {
      if (i === 0) title = inst.value.title;
      continue;
    }
    // The same mistake in every variant is reported once.
    for (const e of inst.errors) {
      const key = `${e.line}:${e.column}:${e.path}:${e.message.replace(/ \[variant [^\]]*\]$/, "")}`;
      if (!seen.has(key)) (seen.add(key), errors.push(e));
    }
  }
  return { ok: errors.length === 0, errors, id: source.id || null, title, variantCount: source.variantCount };
}

/** `lab check` on the text: every variant run in the engine pool. */
export async function fullCheck(text: string, file?: string): Promise<CheckReport & { allErrors: LabError[] }> {
  const report = await checkLabText(text, { ...(file ? { file } : {}), run: runLabScenario });
  const allErrors = report.internal ? [...report.errors, { message: `the engine could not run this lab: ${report.internal}`, path: "scenario", line: 1, column: 1 }] : report.errors;
  return { ...report, allErrors };
}
