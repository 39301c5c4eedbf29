/**
 * The `params` block of a lab file:
 *
 *   params:
 *     retries: { range: [0, 2] }               # every integer from 0 to 2
 *     fn: { choices: [orders, payments] }      # these values, in this order
 *
 * Names are identifiers (`{{retries}}` refers to them). A choices list holds distinct texts,
 * numbers or booleans; a range holds integers lo ≤ hi. The product of all params is capped at
 * MAX_VARIANTS (see variants.ts) so every variant can be checked and previewed.
 */
import { describeValue, type PathSegment } from "./located";
import type { ParamDef, Scalar } from "./types";
import { MAX_VARIANTS } from "./variants";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ParamProblem {
  path: PathSegment[];
  message: string;
  key?: boolean;
}

export function parseParams(raw: unknown, problems: ParamProblem[]): ParamDef[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path: ["params"], message: "expected a mapping of param names to { choices: [...] } or { range: [lo, hi] }" });
    return [];
  }
  const defs: ParamDef[] = [];
  for (const [name, spec] of Object.entries(raw as Record<string, unknown>)) {
    const at: PathSegment[] = ["params", name];
    if (!NAME.test(name)) {
      problems.push({ path: at, key: true, message: `param names are identifiers (letters, digits, _; not starting with a digit), got "${name}"` });
      continue;
    }
    if (!spec || typeof spec !== "object" || Array.isArray(spec)) {
      problems.push({ path: at, message: "expected { choices: [...] } or { range: [lo, hi] }" });
      continue;
    }
    const keys = Object.keys(spec);
    const unknown = keys.filter((k) => k !== "choices" && k !== "range");
    for (const k of unknown) problems.push({ path: [...at, k], key: true, message: `unknown key "${k}"; a param has either choices or range` });
    if (unknown.length) continue;
    if (keys.length !== 1) {
      problems.push({ path: at, message: "a param has exactly one of choices or range" });
      continue;
    }
    const s = spec as { choices?: unknown; range?: unknown };
    if (s.choices !== undefined) {
      const values = parseChoices(s.choices, [...at, "choices"], problems);
      if (values) defs.push({ name, kind: "choices", values });
    } else {
      const range = parseRange(s.range, [...at, "range"], problems);
      if (range) defs.push({ name, kind: "range", min: range[0], max: range[1], values: Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) });
    }
  }
  if (problems.length === 0) {
    const count = defs.reduce((n, p) => n * p.values.length, 1);
    if (count > MAX_VARIANTS) {
      problems.push({
        path: ["params"],
        message: `these params make ${count} variants; a lab may have at most ${MAX_VARIANTS} so that \`lab check\` can run and instructors can preview every one — use fewer choices or narrower ranges`,
      });
    }
  }
  return defs;
}

function parseChoices(raw: unknown, path: PathSegment[], problems: ParamProblem[]): Scalar[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ path, message: "expected a non-empty list of values" });
    return undefined;
  }
  const seen = new Set<string>();
  let ok = true;
  raw.forEach((v, i) => {
    if (typeof v !== "string" && typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v))) {
      problems.push({ path: [...path, i], message: `expected a text, number or true/false, got ${describeValue(v)}` });
      ok = false;
      return;
    }
    const key = JSON.stringify(v);
    if (seen.has(key)) {
      problems.push({ path: [...path, i], message: `${key} is listed twice; choices must be distinct` });
      ok = false;
    }
    seen.add(key);
  });
  return ok ? (raw as Scalar[]) : undefined;
}

function parseRange(raw: unknown, path: PathSegment[], problems: ParamProblem[]): [number, number] | undefined {
  const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);
  if (!Array.isArray(raw) || raw.length !== 2 || !isInt(raw[0]) || !isInt(raw[1])) {
    problems.push({ path, message: "expected [lo, hi]: two integers" });
    return undefined;
  }
  const [lo, hi] = raw as [number, number];
  if (lo > hi) {
    problems.push({ path, message: `expected lo ≤ hi, got [${lo}, ${hi}]` });
    return undefined;
  }
  if (hi - lo + 1 > MAX_VARIANTS) {
    problems.push({ path, message: `this range has ${hi - lo + 1} values; at most ${MAX_VARIANTS} variants are allowed` });
    return undefined;
  }
  return [lo, hi];
}

