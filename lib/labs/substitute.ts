/**
 * Param substitution: `{{name}}` in any text value of a lab (scenario, prompts, options,
 * explanations, truths) is replaced by the variant's value of param `name`.
 *
 * - A value that is exactly one placeholder (`MaximumRetryAttempts: "{{retries}}"`, spaces inside
 *   the braces allowed) becomes the param's value with its own type — a number stays a number,
 *   so the engine sees `MaximumRetryAttempts: 1`, not `"1"`.
 * - A placeholder inside longer text (`QueueName: "orders-{{env}}"`) is replaced by the value
 *   written as text.
 * - Only `{{identifier}}` is a placeholder, and it must name a declared param; anything else
 *   between double braces (`{{ a: 1 }}` in handler code) is left as it is. Mapping keys are not
 *   substituted.
 */
import type { PathSegment } from "./located";
import type { Scalar } from "./types";

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/** Documents deeper than this are refused rather than walked (YAML nesting bombs). */
export const MAX_DEPTH = 64;

export interface SubstituteProblem {
  path: PathSegment[];
  message: string;
}

/** The placeholder names used anywhere in `value` (to flag undeclared and unused params). */
export function placeholdersIn(value: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return found;
  if (typeof value === "string") {
    for (const m of value.matchAll(PLACEHOLDER)) found.add(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholdersIn(v, found, depth + 1);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) placeholdersIn(v, found, depth + 1);
  }
  return found;
}

/**
 * A copy of `value` with the params substituted. Unknown placeholder names and over-deep nesting
 * are reported through `problems` (with the path of the offending value) and left unreplaced.
 */
export function substitute(
  value: unknown,
  params: Readonly<Record<string, Scalar>>,
  problems: SubstituteProblem[],
  path: PathSegment[] = [],
): unknown {
  if (path.length > MAX_DEPTH) {
    problems.push({ path, message: `nested more than ${MAX_DEPTH} levels deep` });
    return null;
  }
  if (typeof value === "string") return substituteText(value, params, problems, path);
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, params, problems, [...path, i]));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, params, problems, [...path, k]);
    return out;
  }
  return value;
}

function substituteText(text: string, params: Readonly<Record<string, Scalar>>, problems: SubstituteProblem[], path: PathSegment[]): unknown {
  const whole = WHOLE.exec(text);
  if (whole) {
    const name = whole[1]!;
    if (Object.hasOwn(params, name)) return params[name];
    problems.push({ path, message: unknownParam(name, params) });
    return text;
  }
  return text.replace(PLACEHOLDER, (match, name: string) => {
    if (Object.hasOwn(params, name)) return String(params[name]);
    problems.push({ path, message: unknownParam(name, params) });
    return match;
  });
}

function unknownParam(name: string, params: Readonly<Record<string, Scalar>>): string {
  const declared = Object.keys(params);
  return declared.length
    ? `"{{${name}}}" names no param; this lab declares ${declared.join(", ")}`
    : `"{{${name}}}" names no param; declare it under \`params\` (e.g. ${name}: { choices: [a, b] })`;
}
