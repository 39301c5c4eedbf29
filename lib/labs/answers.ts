/**
 * Predictions as a learner (or a script) sends them: `{ "<question id>": value }`. This checks
 * each value against its question and brings it to one canonical form; every problem is reported
 * under the question's id, so a form can show it beside the field and the API can answer 400.
 *
 * What each type takes (a form's text is accepted too, since HTML forms only send text):
 *   number        a finite number (or numeric text)
 *   boolean       true / false (or "true" / "false")
 *   choice        one option's value (or its value as text)
 *   multi-choice  a list of distinct option values (may be empty: "none of them")
 *   ordered       every item's value exactly once, in the predicted order
 *   text          text, at most 500 characters
 * A missing or null answer means "not answered" and earns no credit.
 */
import type { AnswerValue, Answers, LabOption, LabQuestion, Scalar } from "./types";

export const MAX_TEXT_ANSWER = 500;

export type AnswerCheck = { ok: true; answers: Answers } | { ok: false; fieldErrors: Record<string, string[]> };

export function checkAnswers(questions: readonly LabQuestion[], raw: unknown): AnswerCheck {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, fieldErrors: { _form: ["answers must be an object: { \"<question id>\": your prediction }"] } };
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const q = byId.get(id);
    if (!q) {
      fieldErrors[id] = [`this lab has no question "${id}"; its questions are ${[...byId.keys()].join(", ")}`];
      continue;
    }
    if (value === null || value === undefined) continue;
    const r = checkAnswer(q, value);
    if (r.ok) answers[id] = r.value;
    else fieldErrors[id] = [r.message];
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

type One = { ok: true; value: AnswerValue } | { ok: false; message: string };

export function checkAnswer(q: LabQuestion, value: unknown): One {
  switch (q.type) {
    case "number": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      return typeof n === "number" && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: "expected a number" };
    }
    case "boolean":
      if (typeof value === "boolean") return { ok: true, value };
      if (value === "true" || value === "false") return { ok: true, value: value === "true" };
      return { ok: false, message: "expected true or false" };
    case "choice": {
      const o = findOption(q.options, value);
      return o ? { ok: true, value: o.value } : { ok: false, message: `expected one of ${q.options.map((x) => JSON.stringify(x.value)).join(", ")}` };
    }
    case "multi-choice": {
      const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : undefined;
      if (!list) return { ok: false, message: "expected a list of options" };
      const picked: Scalar[] = [];
      for (const v of list) {
        const o = findOption(q.options, v);
        if (!o) return { ok: false, message: `${JSON.stringify(v)} is not an option; expected some of ${q.options.map((x) => JSON.stringify(x.value)).join(", ")}` };
        if (picked.some((p) => p === o.value)) return { ok: false, message: `${JSON.stringify(o.value)} is picked twice` };
        picked.push(o.value);
      }
      return { ok: true, value: picked };
    }
    case "ordered": {
      if (!Array.isArray(value)) return { ok: false, message: "expected the items as a list, in your predicted order" };
      const order: Scalar[] = [];
      for (const v of value) {
        const o = findOption(q.items, v);
        if (!o) return { ok: false, message: `${JSON.stringify(v)} is not one of the items` };
        if (order.some((p) => p === o.value)) return { ok: false, message: `${JSON.stringify(o.value)} appears twice` };
        order.push(o.value);
      }
      if (order.length !== q.items.length) return { ok: false, message: `expected all ${q.items.length} items in order, got ${order.length}` };
      return { ok: true, value: order };
    }
    case "text":
      if (typeof value !== "string") return { ok: false, message: "expected text" };
      if (value.length > MAX_TEXT_ANSWER) return { ok: false, message: `expected at most ${MAX_TEXT_ANSWER} characters` };
      return { ok: true, value };
  }
}

/** The option with this value; text from a form matches an option whose value reads the same. */
function findOption(options: readonly LabOption[], value: unknown): LabOption | undefined {
  const exact = options.find((o) => o.value === value);
  if (exact) return exact;
  if (typeof value !== "string") return undefined;
  const byText = options.filter((o) => String(o.value) === value);
  return byText.length === 1 ? byText[0] : undefined;
}
