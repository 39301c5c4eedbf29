import type { z } from "zod";
import { MAX_SCENARIO_MS, parseDuration } from "./duration";
import { formatPath, type PathSegment, type ScenarioError } from "./errors";
import { isOperationName, operationNames, operationSchemas } from "./ops";
import { findReferenceNodes, parseReference, withValueAt, type ReferableStep, type StepReference } from "./references";
import { DEFAULT_SETTINGS, type Scenario, type ScenarioStep, type Settings } from "./types";

/** A hostile scenario must not explode: at most this many step executions after `repeat`. */
export const MAX_EXPANDED_STEPS = 200_000;

export type Locate = (path: PathSegment[], opts?: { key?: boolean }) => { line: number; column: number } | undefined;

export interface ValidateOptions {
  locate?: Locate;
  file?: string;
  /** Where the scenario sits in a larger document (a lab's `scenario:` key). */
  pathPrefix?: PathSegment[];
}

export type ValidateResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const TOP_KEYS = ["name", "seed", "region", "accountId", "settings", "until", "steps"];
const STEP_META = ["id", "at", "repeat"];
const SETTINGS_LIMITS: Record<keyof Omit<Settings, "startTime">, [number, number]> = {
  coldStartMs: [0, 900_000],
  warmStartMs: [0, 60_000],
  defaultDurationMs: [0, 900_000],
  idleReclaimMs: [1, MAX_SCENARIO_MS],
  accountConcurrency: [1, 100_000],
};

/**
 * Checks a scenario value (from YAML, JSON or code) against docs/scenario-format.md and
 * normalises it. Every problem is reported, each with its field path (and line/column when a
 * `locate` function is given), never just the first.
 */
export function validateScenario(value: unknown, opts: ValidateOptions = {}): ValidateResult {
  const errors: ScenarioError[] = [];
  const prefix = opts.pathPrefix ?? [];
  const fail = (path: PathSegment[], message: string, step?: { index: number; id?: string }, key = false) => {
    const full = [...prefix, ...path];
    const pos = opts.locate?.(full, { key });
    errors.push({
      message,
      path: formatPath(full),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      ...(step ? { step } : {}),
      ...(opts.file ? { file: opts.file } : {}),
    });
  };

  if (!isRecord(value)) {
    fail([], `expected a mapping with a \`steps\` list, got ${describe(value)}`);
    return { ok: false, errors };
  }
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.includes(key)) fail([key], `unknown key "${key}"${suggest(key, TOP_KEYS)}; expected one of ${TOP_KEYS.join(", ")}`, undefined, true);
  }

  const name = value.name;
  if (name !== undefined && typeof name !== "string") fail(["name"], `expected text, got ${describe(name)}`);

  let seed = 1;
  if (value.seed !== undefined) {
    if (typeof value.seed !== "number" || !Number.isInteger(value.seed)) fail(["seed"], `expected an integer, got ${describe(value.seed)}`);
    else seed = value.seed;
  }

  let region = "us-east-1";
  if (value.region !== undefined) {
    if (typeof value.region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(value.region)) {
      fail(["region"], `expected an AWS Region name like us-east-1, got ${describe(value.region)}`);
    } else region = value.region;
  }

  let accountId = "123456789012";
  if (value.accountId !== undefined) {
    const text = typeof value.accountId === "number" ? String(value.accountId).padStart(12, "0") : value.accountId;
    if (typeof text !== "string" || !/^\d{12}$/.test(text)) fail(["accountId"], `expected a 12-digit AWS account id (quote it: "123456789012"), got ${describe(value.accountId)}`);
    else accountId = text;
  }

  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (value.settings !== undefined) {
    if (!isRecord(value.settings)) fail(["settings"], `expected a mapping, got ${describe(value.settings)}`);
    else {
      for (const [key, v] of Object.entries(value.settings)) {
        if (key === "startTime") {
          if (typeof v !== "string" || Number.isNaN(Date.parse(v))) fail(["settings", key], `expected an ISO 8601 date-time like 2025-01-01T00:00:00Z, got ${describe(v)}`);
          else settings.startTime = new Date(Date.parse(v)).toISOString();
          continue;
        }
        const limits = SETTINGS_LIMITS[key as keyof typeof SETTINGS_LIMITS];
        if (!limits) {
          fail(["settings", key], `unknown setting "${key}"${suggest(key, Object.keys(DEFAULT_SETTINGS))}; expected one of ${Object.keys(DEFAULT_SETTINGS).join(", ")}`, undefined, true);
          continue;
        }
        const isCount = key === "accountConcurrency";
        const parsed = isCount ? (typeof v === "number" && Number.isInteger(v) ? { ok: true as const, ms: v } : { ok: false as const, message: `expected an integer, got ${describe(v)}` }) : parseDuration(v);
        if (!parsed.ok) fail(["settings", key], parsed.message);
        else if (parsed.ms < limits[0] || parsed.ms > limits[1]) fail(["settings", key], `expected a value between ${limits[0]} and ${limits[1]}${isCount ? "" : " ms"}, got ${parsed.ms}`);
        else (settings as unknown as Record<string, number>)[key] = parsed.ms;
      }
    }
  }

  let until: number | undefined;
  if (value.until !== undefined) {
    const d = parseDuration(value.until);
    if (!d.ok) fail(["until"], d.message);
    else if (d.ms > MAX_SCENARIO_MS) fail(["until"], `expected at most 14 days (14d), got ${d.ms} ms`);
    else until = d.ms;
  }

  const steps: ScenarioStep[] = [];
  if (!Array.isArray(value.steps)) {
    fail(value.steps === undefined ? [] : ["steps"], value.steps === undefined ? "missing `steps`: expected a list of AWS calls" : `expected a list of steps, got ${describe(value.steps)}`);
  } else {
    const seen = new Map<string, number>();
    const referable = new Map<string, ReferableStep>();
    let expanded = 0;
    let lastAt = 0;
    value.steps.forEach((raw: unknown, index: number) => {
      const step = validateStep(raw, index, fail, referable);
      if (!step) return;
      const where = { index, id: step.id };
      const prev = seen.get(step.id);
      if (prev !== undefined) fail(["steps", index, "id"], `duplicate step id "${step.id}" (also used by steps[${prev}])`, where);
      seen.set(step.id, index);
      referable.set(step.id, { index, op: step.op, times: step.repeat?.times ?? 1 });
      if (step.at !== undefined) {
        if (step.at < lastAt) fail(["steps", index, "at"], `steps run in time order: at ${step.at} ms is earlier than the previous step (${lastAt} ms)`, where);
        lastAt = step.at;
      }
      const times = step.repeat?.times ?? 1;
      if (step.repeat) lastAt += (times - 1) * step.repeat.everyMs;
      if (lastAt > MAX_SCENARIO_MS) fail(["steps", index, step.at !== undefined ? "at" : "repeat"], `the scenario clock is capped at 14 days; this step would run at ${lastAt} ms`, where);
      expanded += times;
      steps.push(step);
    });
    if (expanded > MAX_EXPANDED_STEPS) fail(["steps"], `too many calls after repeat: ${expanded}; at most ${MAX_EXPANDED_STEPS} are allowed`);
  }

  if (errors.length > 0) return { ok: false, errors };
  const scenario: Scenario = { seed, region, accountId, settings, steps };
  if (typeof name === "string") scenario.name = name;
  if (until !== undefined) scenario.until = until;
  return { ok: true, scenario };
}

type Fail = (path: PathSegment[], message: string, step?: { index: number; id?: string }, key?: boolean) => void;

function validateStep(raw: unknown, index: number, fail: Fail, referable: ReadonlyMap<string, ReferableStep>): ScenarioStep | undefined {
  const base: PathSegment[] = ["steps", index];
  if (!isRecord(raw)) {
    fail(base, `expected a mapping with one AWS operation (e.g. \`Invoke: { FunctionName: f }\`), got ${describe(raw)}`, { index });
    return undefined;
  }
  let id = `s${index + 1}`;
  if (raw.id !== undefined) {
    if ((typeof raw.id !== "string" && typeof raw.id !== "number") || String(raw.id).trim() === "") fail([...base, "id"], `expected a non-empty text id, got ${describe(raw.id)}`, { index });
    else id = String(raw.id);
  }
  const where = { index, id };
  let ok = true;

  let at: number | undefined;
  if (raw.at !== undefined) {
    const d = parseDuration(raw.at);
    if (!d.ok) { fail([...base, "at"], d.message, where); ok = false; }
    else at = d.ms;
  }

  let repeat: ScenarioStep["repeat"];
  if (raw.repeat !== undefined) {
    const r = raw.repeat;
    if (!isRecord(r)) { fail([...base, "repeat"], `expected { times: N, every: <duration> }, got ${describe(r)}`, where); ok = false; }
    else {
      for (const key of Object.keys(r)) if (key !== "times" && key !== "every") { fail([...base, "repeat", key], `unknown key "${key}"; expected times, every`, where, true); ok = false; }
      const times = r.times;
      if (typeof times !== "number" || !Number.isInteger(times) || times < 1 || times > MAX_EXPANDED_STEPS) {
        fail([...base, "repeat", "times"], `expected an integer from 1 to ${MAX_EXPANDED_STEPS}, got ${describe(times)}`, where); ok = false;
      }
      const every = r.every === undefined ? { ok: true as const, ms: 0 } : parseDuration(r.every);
      if (!every.ok) { fail([...base, "repeat", "every"], every.message, where); ok = false; }
      if (ok && every.ok) repeat = { times: times as number, everyMs: every.ms };
    }
  }

  const opKeys = Object.keys(raw).filter((k) => !STEP_META.includes(k));
  if (opKeys.length !== 1) {
    if (opKeys.length === 0) fail(base, "expected one AWS operation in this step (e.g. `Invoke: { FunctionName: f }`), found none", where);
    else opKeys.slice(1).forEach((k) => fail([...base, k], `a step holds exactly one operation; found ${opKeys.join(" and ")} — split them into separate steps`, where, true));
    return undefined;
  }
  const op = opKeys[0];
  if (!isOperationName(op)) {
    fail([...base, op], `unknown operation "${op}"${suggest(op, operationNames)}; see docs/scenario-format.md for the supported operations`, where, true);
    return undefined;
  }
  const inputRaw = raw[op] ?? {};
  // step references (references.ts): each `{ $ref }` must name an earlier step's answer
  const references: StepReference[] = [];
  const nodes = findReferenceNodes(inputRaw);
  for (const node of nodes) {
    const refPath = [...base, op, ...node.at];
    if (node.extraKeys) {
      node.extraKeys.forEach((k) => fail([...refPath, k], `a reference is a mapping with \`$ref\` alone; found also "${k}" (to send a literal "$ref" key, write the value as JSON text)`, where, true));
      ok = false;
      continue;
    }
    const parsedRef = parseReference(node.value, referable, index);
    if (!parsedRef.ok) {
      fail([...refPath, "$ref"], parsedRef.message, where);
      ok = false;
    } else references.push({ at: node.at, ...parsedRef.reference });
  }
  const schema = operationSchemas[op];
  // every `{ $ref }`, even a refused one, is replaced by a value its position accepts for this check
  const parsed = schema.safeParse(nodes.length ? withPlaceholders(schema, inputRaw, nodes) : inputRaw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const under = references.find((r) => startsWith(issue.path as PathSegment[], r.at));
      if (under) fail([...base, op, ...under.at, "$ref"], `a reference cannot stand here: ${issue.message}`, where);
      else reportIssue(issue, [...base, op], where, fail, inputRaw);
    }
    return undefined;
  }
  if (!ok) return undefined;
  // a step with references keeps its input as written; the run substitutes and checks it (run.ts)
  const step: ScenarioStep = { index, id, op, input: (references.length ? inputRaw : parsed.data) as Record<string, unknown> };
  if (references.length) step.references = references;
  if (at !== undefined) step.at = at;
  if (repeat) step.repeat = repeat;
  return step;
}

/** A value each reference's position accepts, so the rest of the input can be checked now. */
const PLACEHOLDERS: readonly unknown[] = ["x", 0, true, {}, [], null];

function withPlaceholders(schema: z.ZodType, input: unknown, references: readonly { at: PathSegment[] }[]): unknown {
  let out = input;
  for (const r of references) out = withValueAt(out, r.at, PLACEHOLDERS[0]);
  for (const r of references) {
    for (const candidate of PLACEHOLDERS) {
      const probe = withValueAt(out, r.at, candidate);
      const result = schema.safeParse(probe);
      if (result.success || !result.error.issues.some((i) => startsWith(i.path as PathSegment[], r.at))) {
        out = probe;
        break;
      }
    }
  }
  return out;
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => String(path[i]) === String(seg));
}

function reportIssue(issue: z.core.$ZodIssue, base: PathSegment[], where: { index: number; id: string }, fail: Fail, input: unknown): void {
  const path = [...base, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(issue.path as PathSegment[], base[base.length - 1] as string);
      for (const key of issue.keys) {
        fail([...path, key], `unknown key "${key}"${suggest(key, allowed)}${allowed.length ? `; expected one of ${allowed.join(", ")}` : ""}`, where, true);
      }
      return;
    }
    case "invalid_type": {
      const got = valueAt(input, issue.path as PathSegment[]);
      const expected = issue.expected === "nonoptional" ? "any JSON value" : issue.expected;
      if (got === undefined) fail(path, `missing required field "${String(path[path.length - 1])}" (expected ${expected})`, where);
      else fail(path, `expected ${issue.expected}, got ${describe(got)}`, where);
      return;
    }
    case "invalid_value":
      fail(path, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(valueAt(input, issue.path as PathSegment[]))}`, where);
      return;
    case "invalid_union":
      fail(path, `expected text, a number or true/false, got ${describe(valueAt(input, issue.path as PathSegment[]))}`, where);
      return;
    default:
      fail(path, issue.message, where);
  }
}

/** The keys a strict object at `path` inside operation `op` accepts, for "did you mean". */
function allowedKeys(path: PathSegment[], op: string): string[] {
  let schema: unknown = operationSchemas[op];
  for (const seg of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (shape && typeof seg === "string") schema = shape[seg];
    else {
      const def = (schema as { def?: { element?: unknown; valueType?: unknown } }).def;
      schema = def?.element ?? def?.valueType;
    }
  }
  schema = unwrap(schema);
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { innerType?: unknown; type?: string } } | undefined;
  while (s?.def?.innerType) s = s.def.innerType as typeof s;
  return s;
}

function valueAt(value: unknown, path: PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** ` (did you mean "Timeout"?)` when a known name is within a small edit distance. */
function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) { bestDist = d; best = c; }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 4)) ? ` (did you mean "${best}"?)` : "";
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
