/**
 * Durations in scenarios: a number is milliseconds; a string is a number with a unit —
 * `500ms`, `3s`, `2m`, `6h`, `1d` (decimals allowed: `1.5s`). Results are integer milliseconds.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/;

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

export function parseDuration(value: unknown): DurationResult {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return { ok: false, message: `expected a duration ≥ 0, got ${value}` };
    return { ok: true, ms: Math.round(value) };
  }
  if (typeof value === "string") {
    const m = PATTERN.exec(value);
    if (!m) {
      return { ok: false, message: `expected a duration like 500ms, 3s, 2m, 6h, 1d or a number of milliseconds, got "${value}"` };
    }
    return { ok: true, ms: Math.round(parseFloat(m[1]) * UNIT_MS[m[2]]) };
  }
  return { ok: false, message: `expected a duration like 500ms, 3s, 2m, 6h, 1d or a number of milliseconds, got ${describe(value)}` };
}

export const MAX_SCENARIO_MS = 14 * UNIT_MS.d;

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "a mapping" : typeof v;
}
