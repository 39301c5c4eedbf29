/**
 * The statistics page's numbers, from the pure functions in lib/srs/stats.ts: the review heatmap
 * (a year of learner days), true retention by week and by month, the 30-day due forecast, counts
 * by card state and the streak. Undone answers are not answers and count nowhere.
 */
import type { Rating, State } from "ts-fsrs";
import { getDb, type Db } from "@/lib/db";
import { learnerDayLabel, learnerDayNumber, learnerDayStart } from "../learner-day";
import { dueForecast, heatmap, streak, trueRetention, type DayCount, type RetentionBucket, type StateCounts, type StatsLog } from "../stats";
import { getLearnerSettings, learnerDayOf } from "./learner-settings";

export interface StudyStats {
  /** The learner's "today", YYYY-MM-DD. */
  today: string;
  /** First day of the heatmap window (a year back, on a Monday so weeks line up). */
  heatmapStart: string;
  heatmap: DayCount[];
  retention: { week: RetentionBucket[]; month: RetentionBucket[] };
  forecast: DayCount[];
  counts: StateCounts;
  streak: { current: number; longest: number };
  totalAnswers: number;
  answersToday: number;
}

const HEATMAP_DAYS = 53 * 7;

export async function loadStats(userId: string, opts: { now?: Date } = {}, db: Db = getDb()): Promise<StudyStats> {
  const now = opts.now ?? new Date();
  const settings = await getLearnerSettings(userId, db);
  const day = learnerDayOf(settings, now);
  const today = learnerDayNumber(now, day);
  // Monday-aligned start, 53 weeks back (1970-01-01, day 0, was a Thursday).
  const firstDay = today - HEATMAP_DAYS + 1 - ((today - HEATMAP_DAYS + 1 + 3) % 7);
  const since = learnerDayStart(firstDay, day);
  const horizon = learnerDayStart(today + 30, day);

  const [logs, byState, upcoming] = await Promise.all([
    db.reviewLog.findMany({
      where: { ownerId: userId, kind: "answer", undoneBy: null, review: { gte: since } },
      select: { rating: true, stateBefore: true, review: true },
    }),
    db.card.groupBy({ by: ["state", "suspended"], where: { ownerId: userId }, _count: { _all: true } }),
    db.card.findMany({
      where: { ownerId: userId, suspended: false, state: { not: 0 }, due: { lt: horizon } },
      select: { state: true, due: true, suspended: true },
    }),
  ]);
  const statsLogs: StatsLog[] = logs.map((l) => ({ rating: l.rating as Rating, state: l.stateBefore as State, review: l.review }));

  const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 };
  for (const g of byState) {
    const n = g._count._all;
    counts.total += n;
    if (g.suspended) counts.suspended += n;
    else if (g.state === 0) counts.new += n;
    else if (g.state === 1) counts.learning += n;
    else if (g.state === 2) counts.review += n;
    else counts.relearning += n;
  }

  return {
    today: learnerDayLabel(today),
    heatmapStart: learnerDayLabel(firstDay),
    heatmap: heatmap(statsLogs, day),
    retention: { week: trueRetention(statsLogs, "week", day).slice(-12), month: trueRetention(statsLogs, "month", day).slice(-12) },
    forecast: dueForecast(upcoming.map((c) => ({ state: c.state as State, due: c.due, suspended: c.suspended })), now, day, 30),
    counts,
    streak: streak(statsLogs, now, day),
    totalAnswers: statsLogs.length,
    answersToday: statsLogs.filter((l) => learnerDayNumber(l.review, day) === today).length,
  };
}
