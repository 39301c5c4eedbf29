import { formatPercent } from "@/lib/classroom/grading";

/** "87.5 %", or "—" when there is no grade. */
export function percentText(ratio: number | null): string {
  return ratio === null ? "—" : `${formatPercent(ratio)} %`;
}

/** A date as the server renders it (UTC, unambiguous); LocalTime shows it in the reader's zone. */
export function isoMinute(d: Date | string): string {
  return new Date(d).toISOString();
}
