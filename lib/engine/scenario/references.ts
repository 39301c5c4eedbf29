/**
 * Step references: a value in a step's input taken from what an earlier step returned.
 *
 *   - id: mapping
 *     CreateEventSourceMapping: { FunctionName: worker, EventSourceArn: "arn:aws:sqs:…:jobs" }
 *   - at: 1m
 *     UpdateEventSourceMapping: { UUID: { $ref: mapping.response.UUID }, BatchSize: 5 }
 *
 * A mapping whose only key is `$ref` stands for the value at `<step id>.response.<path>` (or
 * `<step id>.error.type|message|reason`) of an earlier step, where the path is field names
 * separated by dots and list positions in brackets (`recv.response.Messages[0].ReceiptHandle`,
 * `["odd.key"]` for a field name with a dot). A repeated step is named by one repetition
 * (`send.3.response.MessageId`).
 *
 * Why this syntax: lab params are `{{name}}` inside text (lib/labs/substitute.ts) and handler code
 * is full of `${…}`, so a reference is a mapping, never text; `$ref` is not an AWS parameter
 * name, and a Payload that must literally contain `{ "$ref": … }` can be written as JSON text.
 *
 * When the scenario is checked, a reference must name an earlier step and a field that step's
 * operation answers (response-shapes.ts); the error points at the reference's line. When the step
 * runs, the value is substituted; if the referenced step failed, has not answered yet, or its
 * answer lacks that field, the step records an AWS-style ValidationException and the run goes on.
 */
import type { PathSegment } from "./errors";
import { ERROR_SHAPE, RESPONSE_SHAPES, type ResponseShape } from "./response-shapes";

export const REF_KEY = "$ref";

/** A reference found in a step's input. */
export interface StepReference {
  /** Where it sits in the operation's input (`["Payload", "id"]`). */
  at: PathSegment[];
  /** As written: `mapping.response.UUID`. */
  text: string;
  /** The referenced step's id (a repetition id for a repeated step). */
  step: string;
  part: "response" | "error";
  /** Field names and list positions after `response` / `error`. */
  fields: PathSegment[];
}

/** A step as references see it: its position, operation and how often it repeats. */
export interface ReferableStep {
  index: number;
  op: string;
  times: number;
}

/** `{ $ref: … }`: a mapping whose only key is `$ref`. */
export function isReferenceNode(value: unknown): value is { [REF_KEY]: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === REF_KEY;
}

/** Every `{ $ref }` in an input, with where it sits, in document order. Other keys next to `$ref` are reported too. */
export function findReferenceNodes(input: unknown, at: PathSegment[] = []): { at: PathSegment[]; value: unknown; extraKeys?: string[] }[] {
  if (typeof input !== "object" || input === null) return [];
  if (Array.isArray(input)) return input.flatMap((v, i) => findReferenceNodes(v, [...at, i]));
  const record = input as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, REF_KEY)) {
    const extra = Object.keys(record).filter((k) => k !== REF_KEY);
    return [{ at, value: record[REF_KEY], ...(extra.length ? { extraKeys: extra } : {}) }];
  }
  return Object.entries(record).flatMap(([k, v]) => findReferenceNodes(v, [...at, k]));
}

export type ParsedReference = { ok: true; reference: Omit<StepReference, "at"> } | { ok: false; message: string };

/**
 * Reads `<step id>.response.<path>` against the steps before the one that refers (`before`:
 * step id → step). Step ids may themselves hold dots (`send.3` names a repetition), so the
 * longest id that is followed by `.response` or `.error` wins.
 */
export function parseReference(text: unknown, steps: ReadonlyMap<string, ReferableStep>, referringIndex: number): ParsedReference {
  if (typeof text !== "string" || text.trim() === "") {
    return { ok: false, message: "expected `$ref: <step id>.response.<field>` (text), e.g. `{ $ref: mapping.response.UUID }`" };
  }
  const candidates: { id: string; rest: string; step: ReferableStep; repetition?: number }[] = [];
  for (let cut = text.indexOf("."); cut > 0; cut = text.indexOf(".", cut + 1)) {
    const id = text.slice(0, cut);
    const rest = text.slice(cut + 1);
    if (!/^(response|error)(?=$|[.[])/.test(rest)) continue;
    const direct = steps.get(id);
    if (direct) candidates.push({ id, rest, step: direct });
    const repeated = /^(.*)\.(\d+)$/.exec(id);
    const parent = repeated ? steps.get(repeated[1]!) : undefined;
    if (repeated && parent && parent.times > 1) candidates.push({ id, rest, step: parent, repetition: Number(repeated[2]) });
  }
  const hit = candidates.sort((a, b) => b.id.length - a.id.length)[0];
  if (!hit) {
    const first = text.split(/\.(?:response|error)(?:$|[.[])/)[0] ?? text;
    if (!/\.(response|error)($|[.[])/.test(text)) return { ok: false, message: `"${text}" is not a reference: expected <step id>.response.<field> or <step id>.error.type` };
    const known = [...steps.keys()];
    return { ok: false, message: `"${text}" names no step "${first}"${known.length ? `; the steps before this one are ${known.map((k) => `"${k}"`).join(", ")}` : "; no step comes before this one"}` };
  }
  const { step, rest } = hit;
  if (step.index >= referringIndex) return { ok: false, message: `"${text}": step "${hit.id}" does not come before this step; a reference reads a step that already ran` };
  if (hit.repetition === undefined && step.times > 1) {
    return { ok: false, message: `"${text}": step "${hit.id}" repeats ${step.times} times; name one repetition, ${hit.id}.1 … ${hit.id}.${step.times}` };
  }
  if (hit.repetition !== undefined && (hit.repetition < 1 || hit.repetition > step.times)) {
    return { ok: false, message: `"${text}": step "${hit.id.replace(/\.\d+$/, "")}" repeats ${step.times} times; ${hit.id} is not one of them` };
  }
  const part = rest.startsWith("response") ? "response" : "error";
  const fields = parseFields(rest.slice(part.length));
  if (typeof fields === "string") return { ok: false, message: `"${text}": ${fields}` };
  const shape = part === "response" ? RESPONSE_SHAPES[step.op] : ERROR_SHAPE;
  if (shape !== undefined) {
    const problem = checkPath(shape, fields, `${hit.id}.${part}`);
    if (problem) return { ok: false, message: `"${text}": ${problem}` };
  }
  return { ok: true, reference: { text, step: hit.id, part, fields } };
}

/** `.a.b[0]["c.d"]` → ["a", "b", 0, "c.d"], or a message. */
function parseFields(text: string): PathSegment[] | string {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ".") {
      const m = /^[^.[\]"]+/.exec(text.slice(i + 1));
      if (!m) return `expected a field name after "." at position ${i + 1} of the path`;
      out.push(m[0]);
      i += 1 + m[0].length;
    } else if (text[i] === "[") {
      const index = /^\[(\d+)\]/.exec(text.slice(i));
      const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(text.slice(i));
      if (index) {
        out.push(Number(index[1]));
        i += index[0].length;
      } else if (quoted) {
        out.push(JSON.parse(quoted[1]!) as string);
        i += quoted[0].length;
      } else return `expected [<list position>] or ["<field name>"] at "${text.slice(i)}"`;
    } else return `expected "." or "[" at "${text.slice(i)}"`;
  }
  return out;
}

function checkPath(shape: ResponseShape, fields: PathSegment[], where: string): string | undefined {
  let s: ResponseShape = shape;
  let at = where;
  for (const f of fields) {
    if (s === "any") return undefined;
    if (s === "value") return `${at} is a single value; it has no ${typeof f === "number" ? `[${f}]` : `field "${f}"`}`;
    if (Array.isArray(s)) {
      if (typeof f !== "number") return `${at} is a list: expected a position like ${at}[0], not "${f}"`;
      s = s[0] as ResponseShape;
      at = `${at}[${f}]`;
      continue;
    }
    const fieldsOf = s as Record<string, ResponseShape>;
    if (typeof f === "number") return `${at} is not a list; it has fields ${Object.keys(fieldsOf).join(", ")}`;
    const next = Object.prototype.hasOwnProperty.call(fieldsOf, f) ? fieldsOf[f] : undefined;
    if (next === undefined) {
      const names = Object.keys(fieldsOf);
      const close = names.find((n) => n.toLowerCase() === f.toLowerCase());
      return `${at} has no field "${f}"${close ? ` (did you mean "${close}"?)` : names.length ? `; it has ${names.join(", ")}` : "; it is empty"}`;
    }
    s = next;
    at = `${at}.${f}`;
  }
  return undefined;
}

/** Where a failed resolution leaves the step (recorded as its error; the run goes on). */
export type Resolution = { ok: true; value: unknown } | { ok: false; why: string };

/** The value a reference stands for, from the referenced step's record as it is now. */
export function resolveReference(ref: StepReference, record: { response?: unknown; error?: unknown; pending?: true } | undefined, now: number): Resolution {
  if (!record) return { ok: false, why: `step "${ref.step}" has not run` };
  let value: unknown;
  if (ref.part === "response") {
    if (record.error !== undefined) {
      const e = record.error as { type?: string };
      return { ok: false, why: `step "${ref.step}" failed with ${e.type ?? "an error"}, so it has no response` };
    }
    if (record.response === undefined) return { ok: false, why: `step "${ref.step}" had not answered yet at ${now} ms` };
    value = record.response;
  } else {
    if (record.error === undefined) {
      return record.response === undefined ? { ok: false, why: `step "${ref.step}" had not answered yet at ${now} ms` } : { ok: false, why: `step "${ref.step}" succeeded, so it has no error` };
    }
    value = record.error;
  }
  let at = `${ref.step}.${ref.part}`;
  for (const f of ref.fields) {
    const container = value as Record<string | number, unknown> | null;
    const next = container !== null && typeof container === "object" && Object.prototype.hasOwnProperty.call(container, f) ? container[f] : undefined;
    at += typeof f === "number" ? `[${f}]` : `.${f}`;
    if (next === undefined) return { ok: false, why: `the ${ref.part} of step "${ref.step}" has no ${at}` };
    value = next;
  }
  return { ok: true, value };
}

/** A copy of `input` with `value` at `at`. */
export function withValueAt(input: unknown, at: PathSegment[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  if (Array.isArray(input)) {
    const copy = [...input];
    copy[head as number] = withValueAt(copy[head as number], rest, value);
    return copy;
  }
  const copy = { ...(input as Record<string, unknown>) };
  copy[head as string] = withValueAt(copy[head as string], rest, value);
  return copy;
}
