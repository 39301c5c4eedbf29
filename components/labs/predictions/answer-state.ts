/**
 * What the prediction form holds for each question, how it is restored from a saved draft or the
 * last graded attempt, and what is sent for grading. Pure, so the rules are tested without a DOM.
 *
 * "Answered" is explicit where a control has a value before the learner touches it: a
 * multi-choice with nothing ticked is an answer ("none of these") only once the learner has
 * touched it, and an ordered list counts once an item was moved or the order confirmed —
 * otherwise the order we happened to show would be graded as the learner's prediction.
 */
import type { AnswerValue, LabOption, LearnerQuestion, Scalar } from "@/lib/labs/types";

export type QuestionState =
  | { type: "number"; text: string }
  | { type: "boolean"; value: boolean | null }
  | { type: "choice"; value: Scalar | null }
  | { type: "multi-choice"; values: Scalar[]; touched: boolean }
  | { type: "ordered"; order: Scalar[]; confirmed: boolean }
  | { type: "text"; text: string };

export type FormState = Record<string, QuestionState>;

const same = (a: unknown, b: unknown) => a === b || String(a) === String(b);

/** The option whose value (or label) is `v`, compared as text so "202" finds 202. */
function findOption(options: readonly LabOption[] | undefined, v: unknown): LabOption | undefined {
  return options?.find((o) => same(o.value, v)) ?? options?.find((o) => same(o.label, v));
}

/** FNV-1a: a tiny stable hash for the display shuffle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The order an ordered question first shows its items in: a shuffle that is the same on every
 * load (seeded by the lab and question) and never the order the lab file lists them in — authors
 * often write the items in the right order.
 */
export function displayOrder(items: readonly LabOption[], seed: string): Scalar[] {
  const values = items.map((i) => i.value);
  if (values.length < 2) return values;
  let state = hash(seed) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.every((v, i) => v === values[i])) out.push(out.shift()!);
  return out;
}

/** The state of one question from a saved value (a draft or a graded prediction), if it fits. */
export function restoreQuestion(q: LearnerQuestion, saved: unknown, seed: string): QuestionState {
  switch (q.type) {
    case "number":
      return { type: "number", text: typeof saved === "number" && Number.isFinite(saved) ? String(saved) : typeof saved === "string" ? saved.slice(0, 40) : "" };
    case "boolean":
      return { type: "boolean", value: saved === true || saved === "true" ? true : saved === false || saved === "false" ? false : null };
    case "choice":
      return { type: "choice", value: findOption(q.options, saved)?.value ?? null };
    case "multi-choice": {
      if (!Array.isArray(saved)) return { type: "multi-choice", values: [], touched: false };
      const values = (q.options ?? []).filter((o) => saved.some((s) => same(s, o.value))).map((o) => o.value);
      return { type: "multi-choice", values, touched: true };
    }
    case "ordered": {
      const items = q.items ?? [];
      if (Array.isArray(saved) && saved.length === items.length) {
        const order = saved.map((s) => findOption(items, s)?.value);
        if (order.every((v) => v !== undefined) && new Set(order.map(String)).size === items.length) return { type: "ordered", order: order as Scalar[], confirmed: true };
      }
      return { type: "ordered", order: displayOrder(items, seed), confirmed: false };
    }
    case "text":
      return { type: "text", text: typeof saved === "string" ? saved.slice(0, 500) : "" };
  }
}

export function restoreForm(questions: readonly LearnerQuestion[], saved: Record<string, unknown> | null | undefined, seed: string): FormState {
  return Object.fromEntries(questions.map((q) => [q.id, restoreQuestion(q, saved && Object.hasOwn(saved, q.id) ? saved[q.id] : undefined, `${seed}:${q.id}`)]));
}

/** A number as a learner types it: "1,5" is 1.5; "" or "abc" is not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "").replace(/,/g, ".");
  if (t === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The prediction to grade, or undefined when the question is unanswered. */
export function answerOf(state: QuestionState): AnswerValue | undefined {
  switch (state.type) {
    case "number":
      return parseNumber(state.text) ?? undefined;
    case "boolean":
      return state.value ?? undefined;
    case "choice":
      return state.value ?? undefined;
    case "multi-choice":
      return state.touched ? [...state.values] : undefined;
    case "ordered":
      return state.confirmed ? [...state.order] : undefined;
    case "text":
      return state.text.trim() === "" ? undefined : state.text.trim();
  }
}

/** Everything answered, keyed by question id, as POST /api/labs/{id}/attempts takes it. */
export function answersOf(form: FormState): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [id, state] of Object.entries(form)) {
    const a = answerOf(state);
    if (a !== undefined) out[id] = a;
  }
  return out;
}

/**
 * The draft saved on the server (per learner, lab version and variant): what was answered, plus a
 * number still being typed ("1.") so a reload brings back exactly what was on screen.
 */
export function draftOf(form: FormState): Record<string, unknown> {
  const out: Record<string, unknown> = { ...answersOf(form) };
  for (const [id, state] of Object.entries(form)) if (state.type === "number" && state.text.trim() !== "" && out[id] === undefined) out[id] = state.text;
  return out;
}

export function isAnswered(state: QuestionState): boolean {
  return answerOf(state) !== undefined;
}

/** A prediction or truth as a learner reads it: option labels, not raw values. */
export function formatValue(q: Pick<LearnerQuestion, "type" | "options" | "items">, value: unknown): string {
  if (value === null || value === undefined) return "—";
  const label = (v: unknown) => findOption(q.options ?? q.items, v)?.label ?? (typeof v === "string" ? v : JSON.stringify(v));
  switch (q.type) {
    case "boolean":
      return value === true ? "Yes (true)" : value === false ? "No (false)" : String(value);
    case "multi-choice":
      return Array.isArray(value) ? (value.length ? value.map(label).join(", ") : "none of them") : label(value);
    case "ordered":
      return Array.isArray(value) ? value.map((v, i) => `${i + 1}. ${label(v)}`).join("  ") : label(value);
    case "choice":
      return label(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}
