/**
 * The labs list's filters, kept in the URL (`/labs?topic=retries&status=not-started`) so a filtered
 * list can be linked and survives a reload. Unknown values are ignored rather than failing the page.
 */
import { DIFFICULTIES, type Difficulty, type LabListItem } from "@/lib/labs/types";
import { DOMAINS, type DomainId } from "@/lib/quiz/domains";

export const STATUSES = ["not-started", "in-progress", "completed"] as const;
export type LabStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<LabStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Full marks",
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { beginner: "Beginner", intermediate: "Intermediate", advanced: "Advanced" };

export interface LabFilters {
  topic?: string;
  domain?: DomainId;
  difficulty?: Difficulty;
  status?: LabStatus;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Not started: never submitted. Full marks: the best attempt scored everything. In progress: the rest. */
export function labStatus(item: Pick<LabListItem, "progress">): LabStatus {
  const best = item.progress.best;
  if (!best || item.progress.attempts === 0) return "not-started";
  return best.maxScore > 0 && best.score >= best.maxScore ? "completed" : "in-progress";
}

export function parseFilters(params: Params, topics: readonly string[]): LabFilters {
  const out: LabFilters = {};
  const topic = one(params.topic);
  if (topic && topics.includes(topic)) out.topic = topic;
  const domain = one(params.domain);
  if (domain && DOMAINS.some((d) => d.id === domain)) out.domain = domain as DomainId;
  const difficulty = one(params.difficulty);
  if (difficulty && (DIFFICULTIES as readonly string[]).includes(difficulty)) out.difficulty = difficulty as Difficulty;
  const status = one(params.status);
  if (status && (STATUSES as readonly string[]).includes(status)) out.status = status as LabStatus;
  return out;
}

export function applyFilters(items: readonly LabListItem[], f: LabFilters): LabListItem[] {
  return items.filter(
    (i) =>
      (!f.topic || i.topics.includes(f.topic)) &&
      (!f.domain || i.domains.includes(f.domain)) &&
      (!f.difficulty || i.difficulty === f.difficulty) &&
      (!f.status || labStatus(i) === f.status),
  );
}

/** The URL of the list with one filter changed (undefined removes it). */
export function filterHref(f: LabFilters, change: Partial<Record<keyof LabFilters, string | undefined>>): string {
  const merged: Record<string, string | undefined> = { ...f, ...change };
  const q = new URLSearchParams();
  for (const key of ["topic", "domain", "difficulty", "status"] as const) if (merged[key]) q.set(key, merged[key]!);
  const s = q.toString();
  return s ? `/labs?${s}` : "/labs";
}

export interface ListProgress {
  total: number;
  completed: number;
  inProgress: number;
  /** Sum of best scores over sum of max scores of attempted labs (0..1). */
  averageBest: number;
}

export function listProgress(items: readonly LabListItem[]): ListProgress {
  let completed = 0;
  let inProgress = 0;
  let score = 0;
  let max = 0;
  for (const i of items) {
    const s = labStatus(i);
    if (s === "completed") completed++;
    else if (s === "in-progress") inProgress++;
    if (i.progress.best) {
      score += i.progress.best.score;
      max += i.progress.best.maxScore;
    }
  }
  return { total: items.length, completed, inProgress, averageBest: max > 0 ? score / max : 0 };
}

/** Lab order on the list: not finished first, then by difficulty, then title. */
export function sortLabs(items: readonly LabListItem[]): LabListItem[] {
  const rank: Record<LabStatus, number> = { "in-progress": 0, "not-started": 1, completed: 2 };
  return [...items].sort((a, b) => rank[labStatus(a)] - rank[labStatus(b)] || DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) || a.title.localeCompare(b.title));
}
