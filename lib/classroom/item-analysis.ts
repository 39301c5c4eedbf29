/**
 * Classical item analysis for quiz and lab questions:
 * - facility (difficulty index p): the mean credit learners earned on the item, 0..1 — for
 *   right/wrong items the share who got it right;
 * - discrimination index D (Kelley 1939): the item's facility in the upper group minus that in
 *   the lower group, the groups being the top and bottom 27 % of learners by total score.
 *   D near +1: stronger learners get it right, weaker ones do not; D ≤ 0: the item does not tell
 *   them apart, or favours the weaker — often a wrong key or an ambiguous stem.
 * Flags (Ebel & Frisbie's rules of thumb): facility < 0.2 (too hard), facility > 0.95 (too easy),
 * D < 0 (negative), D < 0.1 (does not discriminate). Pure and deterministic: ties in total score
 * are broken by learner id.
 */

export interface ItemResponse {
  learnerId: string;
  /** The learner's total on the whole quiz or lab, as a share 0..1 (or any comparable number). */
  total: number;
  /** Credit per item id, 0..1 (1 = right). Items not presented to this learner are absent. */
  items: Readonly<Record<string, number>>;
}

export type ItemFlag = "too_hard" | "too_easy" | "negative_discrimination" | "low_discrimination" | "few_responses";

export interface ItemStats {
  itemId: string;
  /** How many learners answered (were presented) the item. */
  responses: number;
  facility: number | null;
  discrimination: number | null;
  upper: { n: number; facility: number | null };
  lower: { n: number; facility: number | null };
  flags: Array<{ flag: ItemFlag; reason: string }>;
}

export const UPPER_LOWER_SHARE = 0.27;
export const FACILITY_LOW = 0.2;
export const FACILITY_HIGH = 0.95;
export const DISCRIMINATION_LOW = 0.1;
/** Fewer learners than this and the numbers say little: flagged, not judged. */
export const MIN_RESPONSES = 5;

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}

/** Group size: 27 % of the learners, at least one, at most half (so the groups never overlap). */
export function groupSize(n: number): number {
  if (n < 2) return 0;
  return Math.min(Math.floor(n / 2), Math.max(1, Math.round(n * UPPER_LOWER_SHARE)));
}

export function analyseItems(responses: readonly ItemResponse[], itemIds?: readonly string[]): ItemStats[] {
  const ranked = [...responses].sort((a, b) => b.total - a.total || (a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : 0));
  const k = groupSize(ranked.length);
  const upper = ranked.slice(0, k);
  const lower = k ? ranked.slice(ranked.length - k) : [];
  const ids = itemIds ?? [...new Set(responses.flatMap((r) => Object.keys(r.items)))].sort();
  return ids.map((itemId) => {
    const credits = (group: readonly ItemResponse[]) => group.flatMap((r) => (itemId in r.items ? [clamp(r.items[itemId]!)] : []));
    const all = credits(ranked);
    const up = credits(upper);
    const low = credits(lower);
    const facility = mean(all);
    const upF = mean(up);
    const lowF = mean(low);
    const discrimination = upF !== null && lowF !== null ? upF - lowF : null;
    return {
      itemId,
      responses: all.length,
      facility: round(facility),
      discrimination: round(discrimination),
      upper: { n: up.length, facility: round(upF) },
      lower: { n: low.length, facility: round(lowF) },
      flags: flagsFor(all.length, facility, discrimination),
    };
  });
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function flagsFor(responses: number, facility: number | null, discrimination: number | null): ItemStats["flags"] {
  const flags: ItemStats["flags"] = [];
  if (responses < MIN_RESPONSES) {
    flags.push({ flag: "few_responses", reason: `Only ${responses} learner${responses === 1 ? "" : "s"} answered: too few to judge (${MIN_RESPONSES} or more needed).` });
    return flags;
  }
  if (facility !== null && facility < FACILITY_LOW) flags.push({ flag: "too_hard", reason: `Facility ${pct(facility)}: fewer than ${pct(FACILITY_LOW)} got it right — check the key, the wording, or whether it was taught.` });
  if (facility !== null && facility > FACILITY_HIGH) flags.push({ flag: "too_easy", reason: `Facility ${pct(facility)}: almost everyone got it right — it tells learners apart very little.` });
  if (discrimination !== null && discrimination < 0) {
    flags.push({ flag: "negative_discrimination", reason: `Discrimination ${discrimination.toFixed(2)}: the weaker learners did better than the stronger ones — often a wrong key or a misleading option.` });
  } else if (discrimination !== null && discrimination < DISCRIMINATION_LOW) {
    flags.push({ flag: "low_discrimination", reason: `Discrimination ${discrimination.toFixed(2)} (below ${DISCRIMINATION_LOW}): stronger and weaker learners did about as well.` });
  }
  return flags;
}
