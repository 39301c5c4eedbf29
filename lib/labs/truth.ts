/**
 * Truths: each question's JMESPath expression evaluated over the trace (the community
 * implementation, @jmespath-community/jmespath — the spec the AWS CLI's `--query` follows, plus
 * let-expressions and more functions). The value must be one the question's type can hold;
 * `lab check` refuses a lab where it is not, and grading never compares against such a value.
 */
import { search, type JSONValue } from "@jmespath-community/jmespath";
import type { LabQuestion, Scalar, Trace } from "./types";

export type TruthResult = { ok: true; value: unknown; accepted?: string[] } | { ok: false; message: string };

/** The trace as plain JSON (what JMESPath sees; also what the digest is computed from). */
export function traceAsJson(trace: Trace): JSONValue {
  return JSON.parse(JSON.stringify(trace)) as JSONValue;
}

export function evaluate(expression: string, data: JSONValue): { ok: true; value: JSONValue } | { ok: false; message: string } {
  try {
    return { ok: true, value: search(data, expression) };
  } catch (error) {
    return { ok: false, message: `the expression failed: ${String((error as Error)?.message ?? error).split("\n")[0]}` };
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? "nothing" : s.length > 120 ? `${s.slice(0, 120)}…` : s;
};

/** Evaluates the question's truth and checks the value fits its type. */
export function evaluateTruth(question: LabQuestion, data: JSONValue): TruthResult {
  const r = evaluate(question.truth, data);
  if (!r.ok) return r;
  const v: unknown = r.value;
  switch (question.type) {
    case "number":
      return typeof v === "number" && Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: `a number question's truth must be a number, got ${show(v)}` };
    case "boolean":
      return typeof v === "boolean" ? { ok: true, value: v } : { ok: false, message: `a boolean question's truth must be true or false, got ${show(v)}` };
    case "choice":
      return question.options.some((o) => same(o.value, v))
        ? { ok: true, value: v }
        : { ok: false, message: `the truth ${show(v)} is not one of the options (${question.options.map((o) => show(o.value)).join(", ")})` };
    case "multi-choice": {
      if (!Array.isArray(v)) return { ok: false, message: `a multi-choice question's truth must be a list of options, got ${show(v)}` };
      const stray = v.filter((x) => !question.options.some((o) => same(o.value, x)));
      if (stray.length) return { ok: false, message: `the truth lists ${stray.map(show).join(", ")}, not among the options (${question.options.map((o) => show(o.value)).join(", ")})` };
      // A set: the same option named twice by the expression counts once, in option order.
      return { ok: true, value: question.options.filter((o) => v.some((x) => same(o.value, x))).map((o) => o.value) };
    }
    case "ordered": {
      const items = question.items.map((i) => i.value);
      if (!Array.isArray(v) || v.length !== items.length || !items.every((i) => v.filter((x) => same(x, i)).length === 1)) {
        return { ok: false, message: `an ordered question's truth must list every item exactly once (${items.map(show).join(", ")}), got ${show(v)}` };
      }
      return { ok: true, value: v as Scalar[] };
    }
    case "text": {
      if (typeof v !== "string") return { ok: false, message: `a text question's truth must be text (wrap it in to_string(...) if needed), got ${show(v)}` };
      const accepted = [v];
      if (question.aliases) {
        const a = evaluate(question.aliases, data);
        if (!a.ok) return { ok: false, message: `aliases: ${a.message}` };
        const list: unknown[] = a.value === null ? [] : Array.isArray(a.value) ? a.value : [a.value];
        if (!list.every((x) => typeof x === "string")) return { ok: false, message: `aliases: must give a text or a list of texts, got ${show(a.value)}` };
        for (const x of list as string[]) if (!accepted.includes(x)) accepted.push(x);
      }
      return { ok: true, value: v, accepted };
    }
  }
}
