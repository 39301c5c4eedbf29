/**
 * Virtual time ↔ the wall-clock strings AWS puts in its records. Virtual time is integer
 * milliseconds from the scenario start; `epochMs` is the instant it stands for (a fixed date,
 * never the host clock, so traces are reproducible).
 */

/** 2025-01-01T00:00:00.000Z — the default instant virtual time 0 stands for. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1);

/** `2025-01-01T00:00:01.000Z` — CloudWatch log lines, destination records' `timestamp`. */
export function isoTime(epochMs: number, at: number): string {
  return new Date(epochMs + at).toISOString();
}

/** `2025-01-01T00:00:01.000+0000` — Lambda's `LastModified` format. */
export function lambdaDate(epochMs: number, at: number): string {
  return isoTime(epochMs, at).replace("Z", "+0000");
}

/** `2025/01/01` — the date prefix of a Lambda log stream name. */
export function logStreamDate(epochMs: number, at: number): string {
  return isoTime(epochMs, at).slice(0, 10).replace(/-/g, "/");
}
