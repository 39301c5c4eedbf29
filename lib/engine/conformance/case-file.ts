/**
 * Loading and checking the conformance suite's own files: `rules.yaml` (the index of rules of
 * docs/lambda-semantics.md) and `cases/*.yaml` (a scenario, the rule(s) it pins, and the
 * expectations on its trace). Pure: it reads YAML text and never runs the engine, so the suite's
 * shape can be checked before (and independently of) the engine under test.
 *
 * Every problem is reported as a value with file, line, column and field path — a case author
 * must be able to find the mistake without a stack trace.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";

export interface CaseFileError {
  file: string;
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export function formatCaseFileError(e: CaseFileError): string {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  return `${where}: ${e.path || "(root)"}: ${e.message}`;
}

/** `1.1-…`, `2.3-…`, `3-…`, `5-…`, `fmt-…`: the prefix is the section the rule comes from. */
const RULE_ID = /^(?:[1-6](?:\.[1-9])?|fmt)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const RuleSchema = z
  .object({
    id: z.string().regex(RULE_ID, "a kebab id prefixed by its section, e.g. 2.1-retry-delays"),
    section: z.string().regex(/^(?:[1-6](?:\.[1-9])?|format)$/, 'a section number such as "2.1", or "format"'),
    rule: z.string().min(10, "one sentence saying what AWS does"),
    source: z.string().min(3, "the semantics doc's source key"),
    testable: z.boolean().optional(),
    reason: z.string().min(10).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const prefix = r.section === "format" ? "fmt" : r.section;
    if (!r.id.startsWith(`${prefix}-`)) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `must start with "${prefix}-" (its section)` });
    }
    if (r.testable === false && !r.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "an untestable rule must say why no scenario can express it" });
    }
    if (r.testable !== false && r.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "only rules with testable: false carry a reason" });
    }
  });

export type Rule = z.infer<typeof RuleSchema>;

const COMPARATORS = ["equals", "in", "contains", "gte", "lte", "between"] as const;

/** One check on the trace, exactly as ../shared/tools/check-scenarios.mjs reads it. */
const CheckSchema = z
  .object({
    path: z.string().min(1).optional(),
    js: z.string().min(1).optional(),
    equals: z.unknown().optional(),
    in: z.array(z.unknown()).min(1).optional(),
    contains: z.string().optional(),
    gte: z.number().optional(),
    lte: z.number().optional(),
    between: z.tuple([z.number(), z.number()]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.path === undefined) === (c.js === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "expected exactly one of `path` (JMESPath) or `js` (a function of the trace)" });
    }
    if (!COMPARATORS.some((k) => k in c)) {
      ctx.addIssue({ code: "custom", path: [], message: `expected at least one of ${COMPARATORS.join(", ")}` });
    }
    if (c.between && c.between[0] > c.between[1]) {
      ctx.addIssue({ code: "custom", path: ["between"], message: "expected [low, high] with low <= high" });
    }
  });

export type Check = z.infer<typeof CheckSchema>;

const CaseSchema = z
  .object({
    rule: z.string().optional(),
    rules: z.array(z.string()).min(1).optional(),
    about: z.string().min(20, "one sentence saying what AWS does here"),
    unverified: z.boolean().optional(),
    scenario: z.record(z.string(), z.unknown()),
    expect: z.array(CheckSchema).min(1, "a case without expectations cannot fail"),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.rule === undefined) === (c.rules === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "expected exactly one of `rule` or `rules`" });
    }
  });

export interface ConformanceCase {
  /** File name without directory, e.g. "2.1-retry-delays.yaml". */
  file: string;
  rules: string[];
  about: string;
  unverified: boolean;
  scenario: Record<string, unknown>;
  expect: Check[];
  /** Line/column of any node of the file, for the engine's located scenario errors. */
  locate: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

type Parsed = { doc: Document; lines: LineCounter; file: string };

function parseYaml(text: string, file: string): Parsed | CaseFileError {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    return { file, path: "", message: `not valid YAML: ${first.message.split("\n")[0]}`, line: pos.line, column: pos.col };
  }
  return { doc, lines, file };
}

function locator(p: Parsed) {
  return (path: (string | number)[]) => {
    // Walk down as far as the path exists, so a missing key is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = p.doc.getIn(path.slice(0, n), true);
      if ((isMap(node) || isSeq(node) || isScalar(node)) && node.range) {
        const pos = p.lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

function issuesToErrors(p: Parsed, issues: z.core.$ZodIssue[], prefix: (string | number)[] = []): CaseFileError[] {
  const locate = locator(p);
  return issues.map((i) => {
    const path = [...prefix, ...i.path.map((k) => (typeof k === "symbol" ? String(k) : k))];
    return { file: p.file, path: pathText(path), message: i.message, ...lineCol(locate(path)) };
  });
}

function lineCol(pos: { line: number; column: number } | undefined) {
  return pos ? { line: pos.line, column: pos.column } : {};
}

export function pathText(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

export function parseRules(text: string, file = "rules.yaml"): { rules: Rule[]; errors: CaseFileError[] } {
  const p = parseYaml(text, file);
  if ("message" in p) return { rules: [], errors: [p] };
  const parsed = z.array(RuleSchema).safeParse(p.doc.toJS());
  if (!parsed.success) return { rules: [], errors: issuesToErrors(p, parsed.error.issues) };
  const errors: CaseFileError[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((r, i) => {
    if (seen.has(r.id)) errors.push({ file, path: `[${i}].id`, message: `duplicate rule id ${r.id}`, ...lineCol(locator(p)([i, "id"])) });
    seen.add(r.id);
  });
  return { rules: parsed.data, errors };
}

/** Parses one case file; `knownRules` (when given) makes an unknown rule id an error located on its line. */
export function parseCase(text: string, file: string, knownRules?: ReadonlySet<string>): { case?: ConformanceCase; errors: CaseFileError[] } {
  const p = parseYaml(text, file);
  if ("message" in p) return { errors: [p] };
  const parsed = CaseSchema.safeParse(p.doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) return { errors: issuesToErrors(p, parsed.error.issues) };
  const c = parsed.data;
  const rules = c.rules ?? [c.rule as string];
  const errors: CaseFileError[] = [];
  if (knownRules) {
    rules.forEach((id, i) => {
      if (knownRules.has(id)) return;
      const path = c.rules ? ["rules", i] : ["rule"];
      errors.push({ file, path: pathText(path), message: `unknown rule id "${id}" (not in rules.yaml)`, ...lineCol(locator(p)(path)) });
    });
  }
  return {
    case: { file, rules, about: c.about, unverified: c.unverified ?? false, scenario: c.scenario, expect: c.expect, locate: locator(p) },
    errors,
  };
}

export function loadRules(dir: string): { rules: Rule[]; errors: CaseFileError[] } {
  const file = join(dir, "rules.yaml");
  return parseRules(readFileSync(file, "utf8"), basename(file));
}

export function loadCases(casesDir: string, knownRules?: ReadonlySet<string>): { cases: ConformanceCase[]; errors: CaseFileError[] } {
  const files = readdirSync(casesDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const cases: ConformanceCase[] = [];
  const errors: CaseFileError[] = [];
  for (const f of files) {
    const r = parseCase(readFileSync(join(casesDir, f), "utf8"), f, knownRules);
    if (r.case) cases.push(r.case);
    errors.push(...r.errors);
  }
  return { cases, errors };
}

/** Testable rules that no case names. */
export function uncoveredRules(rules: Rule[], cases: ConformanceCase[]): string[] {
  const named = new Set(cases.flatMap((c) => c.rules));
  return rules.filter((r) => r.testable !== false && !named.has(r.id)).map((r) => r.id);
}

/** Cases that name a rule marked testable: false (a contradiction: either the case or the index is wrong). */
export function casesOfUntestableRules(rules: Rule[], cases: ConformanceCase[]): string[] {
  const untestable = new Set(rules.filter((r) => r.testable === false).map((r) => r.id));
  return cases.flatMap((c) => c.rules.filter((id) => untestable.has(id)).map((id) => `${c.file}: ${id}`));
}
