/**
 * `lab check`: a lab is accepted only if, for EVERY variant, it validates, its scenario runs,
 * and every question's truth evaluates to a value the question's type can hold. The engine is
 * passed in (`run`), so the CLI can run in-process and the service in the worker pool.
 */
import { errorAt, type LabError } from "./located";
import { instantiateLab, parseLabSource, type LabSource } from "./lab-file";
import { traceDigest, truthsFor } from "./grading";
import { traceAsJson } from "./truth";
import type { LabInstance, Scenario, Trace, Variant } from "./types";
import { describeVariant, variantAt } from "./variants";

export type RunScenario = (scenario: Scenario) => Trace | Promise<Trace>;

export interface VariantReport {
  variant: Variant;
  traceDigest: string;
  truths: Array<{ id: string; value: unknown }>;
}

export interface CheckReport {
  ok: boolean;
  errors: LabError[];
  /** Set when the engine itself failed (a bug, not the lab's fault): the CLI exits 2. */
  internal?: string;
  source?: LabSource;
  variants: VariantReport[];
}

export async function checkLabText(text: string, opts: { file?: string; run: RunScenario }): Promise<CheckReport> {
  const parsed = parseLabSource(text, opts.file ? { file: opts.file } : {});
  if (!parsed.ok) return { ok: false, errors: parsed.errors, variants: [] };
  return checkLabSource(parsed.value, opts.run);
}

export async function checkLabSource(source: LabSource, run: RunScenario): Promise<CheckReport> {
  const errors = new ErrorCollector(source.variantCount);
  const variants: VariantReport[] = [];
  let internal: string | undefined;
  for (let index = 0; index < source.variantCount; index++) {
    const inst = instantiateLab(source, index, { noteVariant: false });
    if (!inst.ok) {
      errors.add(inst.errors, describeVariant(variantAt(source.params, index)));
      continue;
    }
    const instance: LabInstance = inst.value;
    let trace: Trace;
    try {
      trace = await run(instance.scenario);
    } catch (error) {
      internal ??= `the engine failed on ${describeVariant(instance.variant)}: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
      continue;
    }
    if (trace.truncated) {
      errors.add([errorAt(source.locate, source.file, ["scenario"], `the run was stopped by a safety cap (${trace.truncated.reason}) — a lab must end on its own`)], describeVariant(instance.variant));
      continue;
    }
    const data = traceAsJson(trace);
    const truths = truthsFor(instance, data);
    const truthErrors: LabError[] = [];
    truths.forEach((t, i) => {
      if (!t.result.ok) truthErrors.push(errorAt(source.locate, source.file, ["questions", i, instance.questions[i]!.type === "text" && t.result.message.startsWith("aliases:") ? "aliases" : "truth"], t.result.message));
    });
    errors.add(truthErrors, describeVariant(instance.variant));
    variants.push({ variant: instance.variant, traceDigest: traceDigest(data), truths: truths.map((t) => ({ id: t.id, value: t.result.ok ? t.result.value : null })) });
  }
  const list = errors.list();
  return { ok: list.length === 0 && !internal, errors: list, ...(internal ? { internal } : {}), source, variants };
}

/**
 * The same mistake usually shows in every variant; it is reported once, naming the variant only
 * when it does not happen in all of them.
 */
class ErrorCollector {
  private readonly seen = new Map<string, { error: LabError; variants: string[] }>();
  constructor(private readonly variantCount: number) {}
  add(errors: readonly LabError[], variant: string): void {
    for (const e of errors) {
      const key = `${e.path}\u0000${e.line}\u0000${e.column}\u0000${e.message}`;
      const entry = this.seen.get(key);
      if (entry) entry.variants.push(variant);
      else this.seen.set(key, { error: e, variants: [variant] });
    }
  }
  list(): LabError[] {
    return [...this.seen.values()].map(({ error, variants }) => {
      if (this.variantCount <= 1 || variants.length === this.variantCount) return error;
      const more = variants.length > 1 ? ` and ${variants.length - 1} more` : "";
      return { ...error, message: `${error.message} [${variants[0]}${more}]` };
    });
  }
}
