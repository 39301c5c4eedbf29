/**
 * The dashboard's numbers: what is due today (the flashcard service's own queue), the streak and
 * retention (the study statistics), recent exam scores, and readiness per exam domain
 * (lib/quiz/readiness.ts) from scored quiz answers and the retention of cards tagged by domain.
 */
import { getDb, type Db } from "@/lib/db";
import { listDecks } from "@/lib/srs/db/decks";
import { loadStats } from "@/lib/srs/db/stats";
import type { RetentionBucket } from "@/lib/srs/stats";
import { DOMAIN_IDS, type DomainId } from "../domains";
import { readiness, recentAnswerCounts, WINDOW_DAYS, type DomainEvidence, type Readiness } from "../readiness";
import { sweepExpiredAttempts } from "./attempts";
import { recentAttempts, type AttemptSummary } from "./history";

export interface DueToday {
  total: number;
  new: number;
  learning: number;
  review: number;
  decks: Array<{ id: string; name: string; kind: "custom" | "builtin" | "mistakes"; due: number }>;
}

export interface DashboardData {
  due: DueToday;
  streak: { current: number; longest: number };
  answersToday: number;
  /** True retention (Review-state answers not rated Again) over the readiness window. */
  retention: { reviews: number; passed: number; percent: number | null; weeks: RetentionBucket[] };
  exams: AttemptSummary[];
  readiness: Readiness;
  windowDays: number;
}

const DAY_MS = 86_400_000;
/** ts-fsrs State.Review and Rating.Again, as the ReviewLog columns store them. */
const STATE_REVIEW = 2;
const RATING_AGAIN = 1;

/** "domain:security" tags in a note's padded tag field (lib/srs/search.ts tagsField). */
export function domainsOfTags(tags: string): DomainId[] {
  const out: DomainId[] = [];
  for (const m of tags.matchAll(/(?:^|\s)domain:([a-z-]+)(?=\s|$)/g)) {
    const d = m[1] as DomainId;
    if (DOMAIN_IDS.includes(d) && !out.includes(d)) out.push(d);
  }
  return out;
}

async function evidence(userId: string, since: Date, db: Db): Promise<{ evidence: DomainEvidence[]; reviews: number; passed: number }> {
  const answers = await db.examAnswer.findMany({
    where: { attempt: { userId, submittedAt: { not: null } }, correct: { not: null }, answeredAt: { gte: since } },
    select: { correct: true, answeredAt: true, question: { select: { domain: true } } },
  });
  const quiz = recentAnswerCounts(
    answers.map((a) => ({ domain: a.question.domain, correct: a.correct!, at: a.answeredAt! })),
    since,
  );

  // Card reviews in the Review state (true retention), not taken back, grouped by the note's domain tags.
  const logs = await db.reviewLog.findMany({
    where: { ownerId: userId, kind: "answer", undoneBy: null, stateBefore: STATE_REVIEW, review: { gte: since } },
    select: { noteId: true, rating: true },
  });
  const noteIds = [...new Set(logs.map((l) => l.noteId))];
  const notes = noteIds.length ? await db.note.findMany({ where: { id: { in: noteIds } }, select: { id: true, tags: true } }) : [];
  const domainsOf = new Map(notes.map((n) => [n.id, domainsOfTags(n.tags)]));
  const cards = new Map<DomainId, { reviews: number; passed: number }>();
  for (const l of logs) {
    for (const d of domainsOf.get(l.noteId) ?? []) {
      const c = cards.get(d) ?? { reviews: 0, passed: 0 };
      c.reviews++;
      if (l.rating !== RATING_AGAIN) c.passed++;
      cards.set(d, c);
    }
  }
  return {
    evidence: DOMAIN_IDS.map((domain) => ({
      domain,
      answers: quiz.get(domain)?.answers ?? 0,
      correct: quiz.get(domain)?.correct ?? 0,
      reviews: cards.get(domain)?.reviews ?? 0,
      passed: cards.get(domain)?.passed ?? 0,
    })),
    reviews: logs.length,
    passed: logs.filter((l) => l.rating !== RATING_AGAIN).length,
  };
}

export async function loadDashboard(userId: string, now = new Date(), db: Db = getDb()): Promise<DashboardData> {
  await sweepExpiredAttempts(userId, now, db);
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const [decks, stats, exams, ev] = await Promise.all([
    listDecks(userId, { now }, db),
    loadStats(userId, { now }, db),
    recentAttempts(userId, { limit: 8, mode: "exam" }, db),
    evidence(userId, since, db),
  ]);
  const due: DueToday = { total: 0, new: 0, learning: 0, review: 0, decks: [] };
  for (const d of decks) {
    const n = d.due.new + d.due.learning + d.due.review;
    due.new += d.due.new;
    due.learning += d.due.learning;
    due.review += d.due.review;
    due.total += n;
    if (n) due.decks.push({ id: d.id, name: d.name, kind: d.kind, due: n });
  }
  return {
    due,
    streak: stats.streak,
    answersToday: stats.answersToday,
    retention: { reviews: ev.reviews, passed: ev.passed, percent: ev.reviews ? Math.floor((ev.passed * 100) / ev.reviews) : null, weeks: stats.retention.week.slice(-8) },
    exams,
    readiness: readiness(ev.evidence),
    windowDays: WINDOW_DAYS,
  };
}
