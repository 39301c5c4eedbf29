/**
 * Evaluates one expectation of a conformance case against a trace, with exactly the semantics of
 * the shared checker (../shared/tools/check-scenarios.mjs), so a case means the same thing when
 * run here in-process and there through the CLI: `path` is JMESPath (the `jmespath` package),
 * `js` is the source of a function of the trace; undefined counts as null; `equals`/`in` compare
 * JSON serialisations (so key order matters in objects — compare scalars or arrays instead).
 */
import jmespath from "jmespath";
import type { Check } from "./case-file";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return "undefined";
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

/** The value the check looks at, or an error message when it cannot be evaluated. */
export function evaluate(trace: unknown, check: Check): { value: unknown } | { error: string } {
  try {
    // Indirect eval: the function source sees only globals, as in the shared checker.
    const value = check.js ? (0, eval)(check.js)(trace) : jmespath.search(trace, check.path as string);
    return { value: value === undefined ? null : value };
  } catch (err) {
    return { error: `cannot evaluate ${check.js ?? check.path}: ${(err as Error).message}` };
  }
}

/** null when the trace meets the check; otherwise what was found and what was expected. */
export function failureOf(trace: unknown, check: Check): string | null {
  const r = evaluate(trace, check);
  if ("error" in r) return r.error;
  const v = r.value;
  const w = check.js ?? check.path;
  if ("equals" in check && !same(v, check.equals)) return `${w} = ${show(v)}, expected ${show(check.equals)}`;
  if (check.in && !check.in.some((x) => same(v, x))) return `${w} = ${show(v)}, expected one of ${show(check.in)}`;
  if (check.contains !== undefined && !(typeof v === "string" && v.includes(check.contains))) {
    return `${w} = ${show(v)}, expected to contain ${show(check.contains)}`;
  }
  if (check.gte !== undefined && !(typeof v === "number" && v >= check.gte)) return `${w} = ${show(v)}, expected >= ${check.gte}`;
  if (check.lte !== undefined && !(typeof v === "number" && v <= check.lte)) return `${w} = ${show(v)}, expected <= ${check.lte}`;
  if (check.between && !(typeof v === "number" && v >= check.between[0] && v <= check.between[1])) {
    return `${w} = ${show(v)}, expected in [${check.between.join(",")}]`;
  }
  return null;
}
