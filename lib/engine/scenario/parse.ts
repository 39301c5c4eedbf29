import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { PathSegment, ScenarioError } from "./errors";
import type { Scenario } from "./types";
import { validateScenario, type Locate } from "./validate";

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Reads YAML (or JSON) text into a validated scenario; every error carries line and column. */
export function parseScenario(text: string, opts: { file?: string } = {}): ParseResult {
  const loaded = loadYaml(text, opts.file);
  if (!loaded.ok) return loaded;
  return validateScenario(loaded.value, { locate: loaded.locate, file: opts.file });
}

export type LoadResult = { ok: true; value: unknown; locate: Locate; document: Document } | { ok: false; errors: ScenarioError[] };

/** Parses YAML text keeping positions, so later checks can point at the line a value came from. */
export function loadYaml(text: string, file?: string): LoadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { message: e.message.split("\n")[0], path: "", line: pos.line, column: pos.col, ...(file ? { file } : {}) };
      }),
    };
  }
  const locate: Locate = (path, o) => {
    const offset = nodeOffset(document, path, o?.key ?? false);
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml throws (e.g. "Excessive alias count") for alias bombs: a located input error, not a crash.
    const message = e instanceof Error ? e.message.split("\n")[0] : "cannot read this YAML";
    return { ok: false, errors: [{ message, path: "", line: 1, column: 1, ...(file ? { file } : {}) }] };
  }
  return { ok: true, value, locate, document };
}

/** Start offset of the node at `path` (or of its key), or of the deepest ancestor that exists. */
function nodeOffset(document: Document, path: PathSegment[], preferKey: boolean): number | undefined {
  let node: unknown = document.contents;
  let best = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      if (last && preferKey) return rangeStart(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else return best;
    best = rangeStart(node) ?? best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
