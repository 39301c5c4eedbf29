/**
 * What-if: rerun a lab's scenario with a few knobs turned — ungraded, never stored as an attempt.
 *
 * A change names either one of the lab's own params (`{ param: "retries", value: 2 }`; the value
 * must be one the param can take, so the run is simply another variant) or a whitelisted field of
 * one scenario step (`{ step: "s3", field: "MaximumRetryAttempts", value: 0 }`): the step is
 * found by its id (explicit `id`, else `s<position>`), the field is a dotted path inside the
 * step's operation input (`Attributes.VisibilityTimeout`), and the value is set there — added if
 * the step did not write it. The changed scenario goes through the engine's validateScenario
 * again. Only the fields below may change, within AWS's documented ranges (lambda-semantics.md),
 * so a what-if can explore the lesson but cannot turn a lab into an arbitrary workload.
 */
import { validateScenario } from "@/lib/engine";
import type { Result } from "./lab-file";
import { instantiateLab, type LabSource } from "./lab-file";
import type { LabInstance, Scalar, WhatIfChange, WhatIfKnob } from "./types";
import { variantAt } from "./variants";

interface FieldRule {
  label: string;
  kind: "integer" | "boolean";
  min?: number;
  max?: number;
  /** Offered even when the step does not set it (AWS's default applies until changed). */
  primary?: boolean;
}

const eventInvokeConfig: Record<string, FieldRule> = {
  // [AsyncCfg]: MaximumRetryAttempts 0–2 (default 2), MaximumEventAgeInSeconds 60–21600 (default 6 h).
  MaximumRetryAttempts: { label: "Async retry attempts", kind: "integer", min: 0, max: 2, primary: true },
  MaximumEventAgeInSeconds: { label: "Maximum event age (s)", kind: "integer", min: 60, max: 21600, primary: true },
};

const eventSourceMapping: Record<string, FieldRule> = {
  // [Arch:with-sqs.md], [Arch:with-kinesis.md]: BatchSize ≤ 10,000; stream retries −1..10,000;
  // record age −1 or 60..604,800 (the engine refuses 0..59); ParallelizationFactor 1..10; window 0..300 s.
  BatchSize: { label: "Batch size", kind: "integer", min: 1, max: 10000, primary: true },
  MaximumBatchingWindowInSeconds: { label: "Batching window (s)", kind: "integer", min: 0, max: 300 },
  MaximumRetryAttempts: { label: "Stream retry attempts (−1 = until the record expires)", kind: "integer", min: -1, max: 10000 },
  MaximumRecordAgeInSeconds: { label: "Maximum record age (s, −1 = no limit)", kind: "integer", min: -1, max: 604800 },
  BisectBatchOnFunctionError: { label: "Bisect batch on function error", kind: "boolean" },
  ParallelizationFactor: { label: "Parallelization factor", kind: "integer", min: 1, max: 10 },
};

const functionConfig: Record<string, FieldRule> = {
  // [RuntimeEnv]: Timeout 1–900 s; memory 128–10,240 MB.
  Timeout: { label: "Timeout (s)", kind: "integer", min: 1, max: 900, primary: true },
  MemorySize: { label: "Memory (MB)", kind: "integer", min: 128, max: 10240 },
};

/** op → field path → rule. */
export const WHAT_IF_FIELDS: Record<string, Record<string, FieldRule>> = {
  CreateFunction: functionConfig,
  UpdateFunctionConfiguration: functionConfig,
  PutFunctionEventInvokeConfig: eventInvokeConfig,
  UpdateFunctionEventInvokeConfig: eventInvokeConfig,
  // [Arch:configuration-concurrency.md]: reserved ≥ 0 and must leave 100 of the 1,000 unreserved.
  PutFunctionConcurrency: { ReservedConcurrentExecutions: { label: "Reserved concurrency", kind: "integer", min: 0, max: 900, primary: true } },
  PutProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: { label: "Provisioned concurrency", kind: "integer", min: 1, max: 900, primary: true } },
  CreateEventSourceMapping: eventSourceMapping,
  UpdateEventSourceMapping: eventSourceMapping,
  // SQS: VisibilityTimeout 0–43,200 s (12 h); redrive maxReceiveCount 1–1,000.
  CreateQueue: {
    "Attributes.VisibilityTimeout": { label: "Visibility timeout (s)", kind: "integer", min: 0, max: 43200, primary: true },
    "Attributes.RedrivePolicy.maxReceiveCount": { label: "Redrive maxReceiveCount", kind: "integer", min: 1, max: 1000 },
  },
};

export const MAX_WHAT_IF_CHANGES = 10;

interface StepRef {
  id: string;
  index: number;
  op: string;
  input: Record<string, unknown>;
}

function stepsOf(source: Record<string, unknown>): StepRef[] {
  const steps = Array.isArray(source.steps) ? source.steps : [];
  const out: StepRef[] = [];
  steps.forEach((raw, index) => {
    if (!raw || typeof raw !== "object") return;
    const step = raw as Record<string, unknown>;
    const op = Object.keys(step).find((k) => k !== "id" && k !== "at" && k !== "repeat");
    if (!op) return;
    const input = step[op];
    out.push({ id: step.id !== undefined ? String(step.id) : `s${index + 1}`, index, op, input: input && typeof input === "object" ? (input as Record<string, unknown>) : {} });
  });
  return out;
}

/** What a step acts on, in the API's own field (the queue, the function), else its step id. */
function resourceName(step: StepRef): string {
  // Two mappings may feed one function: name a mapping by its source too ("orders → fulfil").
  const source = step.input.EventSourceArn;
  if (typeof source === "string" && typeof step.input.FunctionName === "string") return `${source.split(/[:/]/).filter(Boolean).pop()} → ${step.input.FunctionName}`;
  for (const key of ["QueueName", "FunctionName", "StreamName", "TableName", "TopicName", "Name"]) {
    const v = step.input[key];
    if (typeof v === "string" && v.trim() !== "") return typeof step.input.Qualifier === "string" ? `${v}:${step.input.Qualifier}` : v;
  }
  return `(${step.id})`;
}

/** Reads a dotted path; RedrivePolicy may be JSON text (as the SQS API takes it) or a mapping. */
function readPath(input: Record<string, unknown>, field: string): unknown {
  let v: unknown = input;
  for (const seg of field.split(".")) {
    if (typeof v === "string") {
      try {
        v = JSON.parse(v);
      } catch {
        return undefined;
      }
    }
    if (!v || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

function writePath(input: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = field.split(".");
  if (rest.length === 0) return { ...input, [head!]: value };
  const child = input[head!];
  if (typeof child === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(child);
    } catch {
      parsed = {};
    }
    return { ...input, [head!]: JSON.stringify(writePath(parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {}, rest.join("."), value)) };
  }
  return { ...input, [head!]: writePath(child && typeof child === "object" ? (child as Record<string, unknown>) : {}, rest.join("."), value) };
}

/** The knobs the what-if panel offers for one lab instance. */
export function whatIfKnobs(source: LabSource, instance: LabInstance): WhatIfKnob[] {
  const stepKnobs = stepKnobsOf(instance);
  const written = stepsOf((source.body.scenario ?? {}) as Record<string, unknown>);
  const writtenText = JSON.stringify(source.body.scenario ?? {});
  // A param whose every use in the scenario is the whole value of a field with its own knob
  // (`MaximumRetryAttempts: "{{retries}}"`) gets no knob of its own: two knobs for one setting
  // only confuse, and the AWS setting's knob names what it is and spans its whole range.
  const coveredByStepKnob = (name: string) => {
    const placeholder = new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`, "g");
    const uses = writtenText.match(placeholder)?.length ?? 0;
    const asKnobs = stepKnobs.filter((k) => {
      const value = readPath(written.find((w) => w.id === k.step)?.input ?? {}, k.field!);
      return typeof value === "string" && new RegExp(`^${placeholder.source}$`).test(value.trim());
    }).length;
    return uses > 0 && asKnobs === uses;
  };
  const paramKnobs: WhatIfKnob[] = source.params.filter((p) => !coveredByStepKnob(p.name)).map((p) => ({
    key: `param:${p.name}`,
    label: `Lab param ${p.name}`,
    param: p.name,
    current: instance.variant.params[p.name] ?? null,
    kind: p.kind === "range" ? "integer" : "choice",
    ...(p.kind === "range" ? { min: p.min, max: p.max } : { choices: p.values }),
  }));
  return [...paramKnobs, ...stepKnobs];
}

/** The whitelisted AWS settings of the instance's steps, each named by what it acts on. */
function stepKnobsOf(instance: LabInstance): WhatIfKnob[] {
  const knobs: WhatIfKnob[] = [];
  for (const step of stepsOf(instance.scenarioSource)) {
    const rules = WHAT_IF_FIELDS[step.op];
    if (!rules) continue;
    for (const [field, rule] of Object.entries(rules)) {
      const current = readPath(step.input, field);
      if (current === undefined && !rule.primary) continue;
      if (field.startsWith("Attributes.RedrivePolicy") && readPath(step.input, "Attributes.RedrivePolicy") === undefined) continue;
      knobs.push({
        key: `${step.id}:${field}`,
        label: `${rule.label} — ${step.op} ${resourceName(step)}`,
        step: step.id,
        op: step.op,
        field,
        current: typeof current === "number" || typeof current === "boolean" ? current : typeof current === "string" && current.trim() !== "" && Number.isFinite(Number(current)) ? Number(current) : null,
        kind: rule.kind,
        ...(rule.min !== undefined ? { min: rule.min } : {}),
        ...(rule.max !== undefined ? { max: rule.max } : {}),
      });
    }
  }
  return knobs;
}

export type WhatIfApplied = { ok: true; instance: LabInstance } | { ok: false; fieldErrors: Record<string, string[]> };

/** The lab instance with the changes applied, validated; problems keyed `changes[i]`. */
export function applyWhatIf(source: LabSource, variantIndex: number, changes: readonly WhatIfChange[]): WhatIfApplied {
  const fieldErrors: Record<string, string[]> = {};
  const err = (i: number, message: string) => (fieldErrors[`changes[${i}]`] ??= []).push(message);
  if (changes.length === 0) return { ok: false, fieldErrors: { changes: ["change at least one knob"] } };
  if (changes.length > MAX_WHAT_IF_CHANGES) return { ok: false, fieldErrors: { changes: [`at most ${MAX_WHAT_IF_CHANGES} changes at once`] } };

  // 1. Lab params: pick the variant whose params are the learner's with these replaced.
  const params: Record<string, Scalar> = { ...variantAt(source.params, variantIndex).params };
  changes.forEach((c, i) => {
    if (!("param" in c)) return;
    const def = source.params.find((p) => p.name === c.param);
    if (!def) return err(i, `this lab has no param "${c.param}"${source.params.length ? `; its params are ${source.params.map((p) => p.name).join(", ")}` : ""}`);
    if (!(def.values as Scalar[]).some((v) => v === c.value)) return err(i, `${c.param} can be ${def.kind === "range" ? `an integer from ${def.min} to ${def.max}` : def.values.map((v) => JSON.stringify(v)).join(", ")}`);
    params[c.param] = c.value;
  });
  const index = indexOfParams(source, params);
  const base = instantiateLab(source, index);
  if (!base.ok) return { ok: false, fieldErrors: { changes: base.errors.map((e) => e.message) } };

  // 2. Step fields on that variant's scenario, as written.
  const scenarioSource = structuredClone(base.value.scenarioSource);
  const steps = stepsOf(scenarioSource);
  const rawSteps = scenarioSource.steps as Record<string, unknown>[];
  changes.forEach((c, i) => {
    if (!("step" in c)) return;
    const step = steps.find((s) => s.id === c.step);
    if (!step) return err(i, `no step "${c.step}" in this lab's scenario`);
    const rule = WHAT_IF_FIELDS[step.op]?.[c.field];
    if (!rule) {
      const allowed = Object.keys(WHAT_IF_FIELDS[step.op] ?? {});
      return err(i, allowed.length ? `${step.op} allows what-if changes to ${allowed.join(", ")}` : `${step.op} (step ${step.id}) has no what-if knobs`);
    }
    if (rule.kind === "boolean" ? typeof c.value !== "boolean" : typeof c.value !== "number" || !Number.isInteger(c.value)) {
      return err(i, `${c.field} takes ${rule.kind === "boolean" ? "true or false" : "an integer"}`);
    }
    if (typeof c.value === "number" && ((rule.min !== undefined && c.value < rule.min) || (rule.max !== undefined && c.value > rule.max))) {
      return err(i, `${c.field} must be between ${rule.min} and ${rule.max}`);
    }
    const current = rawSteps[step.index]!;
    current[step.op] = writePath(step.input, c.field, c.value);
    step.input = current[step.op] as Record<string, unknown>;
  });
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

  const validated = validateScenario(scenarioSource);
  if (!validated.ok) return { ok: false, fieldErrors: { changes: validated.errors.map((e) => `${e.path}: ${e.message}`) } };
  return { ok: true, instance: { ...base.value, scenario: validated.scenario, scenarioSource } };
}

function indexOfParams(source: LabSource, params: Record<string, Scalar>): number {
  let index = 0;
  for (const p of source.params) index = index * p.values.length + (p.values as Scalar[]).indexOf(params[p.name]!);
  return index;
}
