/**
 * YAML text → plain value plus a way to point at any path in it (line:column), and zod issues →
 * located errors. Shared by the deck loader (lib/srs/content.ts) and the question-bank loader
 * (lib/quiz/content.ts) so both report "file:line:col: path: what was expected".
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";

export interface ContentError {
  file?: string;
  line: number;
  column: number;
  /** "notes[3].tags" */
  path: string;
  message: string;
}

export type LocatedPath = ReadonlyArray<PropertyKey>;

export interface YamlSource {
  value: unknown;
  /** Position of the deepest existing node on `path` (of the key itself when `key` is given). */
  locate(path: LocatedPath, key?: string): { line: number; column: number };
  /** YAML syntax errors (empty when the document parsed). */
  syntaxErrors: ContentError[];
}

export function formatPath(path: LocatedPath): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("");
}

export function formatContentError(e: ContentError): string {
  return `${e.file ?? "<input>"}:${e.line}:${e.column}: ${e.path ? `${e.path}: ` : ""}${e.message}`;
}

export function readYaml(text: string, file?: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const syntaxErrors: ContentError[] = doc.errors.map((e) => ({
    file,
    ...pos(e.pos[0]),
    path: "",
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  const locate = (path: LocatedPath, key?: string) => {
    const keys = path.map((k) => (typeof k === "symbol" ? String(k) : k)) as Array<string | number>;
    if (key !== undefined) {
      const parent = doc.getIn(keys, true);
      if (isMap(parent)) {
        const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key);
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return pos(range[0]);
      }
    }
    for (let n = keys.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return pos(range[0]);
    }
    return { line: 1, column: 1 };
  };
  return { value: syntaxErrors.length ? undefined : doc.toJS(), locate, syntaxErrors };
}

/** zod issues → located errors; unknown keys point at the key, others at the offending value. */
export function locateIssues(issues: readonly z.core.$ZodIssue[], src: YamlSource, file?: string): ContentError[] {
  const out: ContentError[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ file, ...src.locate(issue.path, key), path: formatPath([...issue.path, key]), message: `unknown key "${key}" (${issue.message})` });
      }
      continue;
    }
    out.push({ file, ...src.locate(issue.path), path: formatPath(issue.path), message: issue.message });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A strict object whose unknown-key error names the keys that are allowed. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? `expected only: ${allowed}` : undefined),
  });
}

/** Duplicate ids in a list, as issues at the later occurrences. */
export function duplicateIds(items: ReadonlyArray<{ id: string }>, listPath: PropertyKey[], ctx: z.RefinementCtx) {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at === undefined) first.set(item.id, i);
    else ctx.addIssue({ code: "custom", path: [...listPath, i, "id"], message: `duplicate id "${item.id}" (first used at ${formatPath([...listPath, at])})` });
  });
}

export const kebabId = z
  .string({ error: "expected a kebab-case id" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id like "sync-invoke-status-code"');

export const markdown = (what: string) => z.string({ error: `expected ${what} (Markdown text)` }).trim().min(1, `${what} is empty`);

/** "[AsyncErr]", "[Arch:with-sqs.md]" (a source key of docs/lambda-semantics.md) or an AWS docs URL. */
export const sourceRef = z
  .string({ error: "expected a source" })
  .regex(/^(?:\[[A-Za-z][\w-]*(?::[^\]\s]+)?\]|https:\/\/docs\.aws\.amazon\.com\/\S+)$/, 'expected a source key like "[AsyncErr]" / "[Arch:with-sqs.md]" or an https://docs.aws.amazon.com/ URL');
