/**
 * Located errors for lab files. A lab error IS the engine's ScenarioError (message, field path,
 * line, column, file) — one error type for everything the lab editor underlines — and lab files
 * are read with the engine's own YAML loader, so positions are computed one way.
 */
import { formatPath, formatScenarioError, loadYaml, type ScenarioError } from "@/lib/engine";

export type LabError = ScenarioError;
export type PathSegment = string | number;
export type Locate = (path: PathSegment[], opts?: { key?: boolean }) => { line: number; column: number } | undefined;

export { formatPath };
export const formatLabError = formatScenarioError;

/** Lab files are small; anything bigger is a mistake (or an attack), refused before parsing. */
export const MAX_LAB_BYTES = 256 * 1024;

export type ReadResult = { ok: true; value: unknown; locate: Locate } | { ok: false; errors: LabError[] };

/** YAML (or JSON) text → value + locate, never throwing: syntax errors and alias bombs become located errors. */
export function readLabYaml(text: string, file?: string): ReadResult {
  const where = file ? { file } : {};
  if (Buffer.byteLength(text, "utf8") > MAX_LAB_BYTES) {
    return { ok: false, errors: [{ message: `the file is larger than ${MAX_LAB_BYTES / 1024} KB; a lab should be a few KB`, path: "", line: 1, column: 1, ...where }] };
  }
  try {
    const loaded = loadYaml(text, file);
    if (!loaded.ok) return loaded;
    return { ok: true, value: loaded.value, locate: loaded.locate };
  } catch (error) {
    // yaml throws (rather than reporting) when expanding aliases past maxAliasCount — the
    // "billion laughs" shape — or on pathological nesting (RangeError from deep recursion).
    const message = error instanceof ReferenceError || /alias/i.test(String((error as Error)?.message))
      ? "too many YAML aliases (*name) expanded; a lab may repeat an anchor only a few times"
      : error instanceof RangeError
        ? "the document is nested too deeply"
        : `cannot read the YAML: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
    return { ok: false, errors: [{ message, path: "", line: 1, column: 1, ...where }] };
  }
}

/** Builds errors located through `locate` (falls back to no position when the path is not in the file). */
export function errorAt(locate: Locate | undefined, file: string | undefined, path: PathSegment[], message: string, key = false): LabError {
  const pos = locate?.(path, { key });
  return {
    message,
    path: formatPath(path),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    ...(file ? { file } : {}),
  };
}

/** How an unexpected value reads in an error: `a list`, `text "abc"`, `number 3`, `null`. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}
