/**
 * Reading a lab file: text → LabSource (params parsed, the rest kept as written) → LabInstance
 * for one variant (params substituted, fields checked by the zod schema, scenario checked by the
 * engine). Every problem comes back as a located LabError; nothing here throws on bad input.
 */
import { validateScenario } from "@/lib/engine";
import { describeValue, errorAt, readLabYaml, type LabError, type Locate, type PathSegment } from "./located";
import { parseParams, type ParamProblem } from "./params";
import { labFileSchema, LAB_KEYS, toQuestion } from "./schema";
import { placeholdersIn, substitute, type SubstituteProblem } from "./substitute";
import type { LabInstance, ParamDef } from "./types";
import { describeVariant, variantAt, variantCount } from "./variants";
import type { z } from "zod";

/** A lab as written, before a variant is chosen. Serialisable except for `locate`. */
export interface LabSource {
  /** The lab's id as written (may be invalid; instantiate reports it). */
  id: string;
  params: ParamDef[];
  variantCount: number;
  /** The document with `params` removed, exactly as written. */
  body: Record<string, unknown>;
  file?: string;
  locate?: Locate;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: LabError[] };

export function parseLabSource(text: string, opts: { file?: string } = {}): Result<LabSource> {
  const read = readLabYaml(text, opts.file);
  if (!read.ok) return read;
  return labSourceFromValue(read.value, { file: opts.file, locate: read.locate });
}

/** Also used for a lab stored as parsed JSON (no positions then). */
export function labSourceFromValue(value: unknown, opts: { file?: string; locate?: Locate } = {}): Result<LabSource> {
  const { file, locate } = opts;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, errors: [errorAt(locate, file, [], "expected a lab: a mapping with id, title, summary, domains, topics, difficulty, estimatedMinutes, scenario and questions")] };
  }
  const doc = value as Record<string, unknown>;
  const problems: ParamProblem[] = [];
  const params = parseParams(doc.params, problems);
  const errors = problems.map((p) => errorAt(locate, file, p.path, p.message, p.key));

  const { params: _params, ...body } = doc;
  // Every declared param must be used (else its variants are identical) and every placeholder declared.
  if (errors.length === 0) {
    const used = placeholdersIn(body);
    for (const p of params) if (!used.has(p.name)) errors.push(errorAt(locate, file, ["params", p.name], `param "${p.name}" is never used: write {{${p.name}}} where it should vary`, true));
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { id: typeof doc.id === "string" ? doc.id : "", params, variantCount: variantCount(params), body, ...(file ? { file } : {}), ...(locate ? { locate } : {}) } };
}

/**
 * The lab for variant `index` (any integer; taken modulo the variant count). Errors name the
 * variant (`[variant 2 of 3 (retries=1)]`) unless `noteVariant` is false.
 */
export function instantiateLab(source: LabSource, index: number, opts: { noteVariant?: boolean } = {}): Result<LabInstance> {
  const { file, locate } = source;
  const variant = variantAt(source.params, index);
  const note = variant.count > 1 && opts.noteVariant !== false ? ` [${describeVariant(variant)}]` : "";
  const problems: SubstituteProblem[] = [];
  const body = substitute(source.body, variant.params, problems) as Record<string, unknown>;
  const errors: LabError[] = problems.map((p) => errorAt(locate, file, p.path, p.message + note));

  const parsed = labFileSchema.safeParse(body);
  if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => issueToError(issue, body, locate, file, note)));

  const scenario = validateScenario(body.scenario, { ...(locate ? { locate } : {}), ...(file ? { file } : {}), pathPrefix: ["scenario"] });
  if (!scenario.ok) errors.push(...scenario.errors.map((e) => ({ ...e, message: e.message + note })));

  if (errors.length || !parsed.success || !scenario.ok) return { ok: false, errors };
  const lab = parsed.data;
  return {
    ok: true,
    value: {
      id: lab.id,
      title: lab.title,
      summary: lab.summary,
      domains: lab.domains,
      topics: lab.topics,
      difficulty: lab.difficulty,
      estimatedMinutes: lab.estimatedMinutes,
      variant,
      scenario: scenario.scenario,
      scenarioSource: body.scenario as Record<string, unknown>,
      questions: lab.questions.map(toQuestion),
    },
  };
}

function issueToError(issue: z.core.$ZodIssue, input: unknown, locate: Locate | undefined, file: string | undefined, note: string): LabError {
  const path = issue.path as PathSegment[];
  switch (issue.code) {
    case "unrecognized_keys": {
      const keys = issue.keys;
      const allowed = path.length === 0 ? LAB_KEYS : undefined;
      return errorAt(locate, file, [...path, keys[0]!], `unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}${suggest(keys[0]!, allowed)}${allowed ? `; expected ${allowed.join(", ")}` : ""}${note}`, true);
    }
    case "invalid_type": {
      const got = valueAt(input, path);
      if (got === undefined) return errorAt(locate, file, path, `missing required field "${String(path[path.length - 1] ?? "")}" (${issue.message})${note}`);
      return errorAt(locate, file, path, `${issue.message}, got ${describeValue(got)}${note}`);
    }
    default:
      return errorAt(locate, file, path, `${issue.message}${note}`);
  }
}

function valueAt(value: unknown, path: PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}


function suggest(word: string, candidates: readonly string[] | undefined): string {
  if (!candidates) return "";
  const w = word.toLowerCase();
  const close = candidates.find((c) => c.toLowerCase() === w || levenshtein(c.toLowerCase(), w) <= 2);
  return close ? ` (did you mean "${close}"?)` : "";
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
