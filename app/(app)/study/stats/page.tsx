import type { Metadata } from "next";
import { Card, PageHeader, Stats } from "@/components/ui";
import { StudyNav } from "@/components/study/StudyNav";
import { ForecastChart } from "@/components/study/stats/ForecastChart";
import { Heatmap } from "@/components/study/stats/Heatmap";
import { RetentionTable } from "@/components/study/stats/RetentionTable";
import { requireUser } from "@/lib/auth/session";
import { ensureBuiltInDecks } from "@/lib/srs/db/builtin-sync";
import { getLearnerSettings } from "@/lib/srs/db/learner-settings";
import { loadStats } from "@/lib/srs/db/stats";
import styles from "../study.module.css";

export const metadata: Metadata = { title: "Study statistics" };
export const dynamic = "force-dynamic";

export default async function StatsPage() {
  const user = await requireUser("/study/stats");
  await ensureBuiltInDecks(user.id);
  const [stats, settings] = await Promise.all([loadStats(user.id), getLearnerSettings(user.id)]);
  const c = stats.counts;
  const desired = settings.scheduling.desiredRetention;
  return (
    <>
      <PageHeader
        title="Statistics"
        description={`Today is ${stats.today} in your learner day (it starts at ${settings.rolloverHour}:00, ${settings.timeZone}). ${stats.answersToday} answer${stats.answersToday === 1 ? "" : "s"} today; streak ${stats.streak.current} day${stats.streak.current === 1 ? "" : "s"} (longest this year ${stats.streak.longest}).`}
      />
      <StudyNav current="/study/stats" />
      <div className={styles.columnsWide}>
        <Card title="Reviews in the last year" headingLevel={2}>
          <Heatmap days={stats.heatmap} start={stats.heatmapStart} today={stats.today} />
        </Card>
        <Card title="Due in the next 30 days" headingLevel={2}>
          <ForecastChart days={stats.forecast} />
        </Card>
        <Card title="Cards by state" headingLevel={2}>
          <Stats
            layout="tiles"
            items={[
              { label: "New", value: c.new.toLocaleString("en") },
              { label: "Learning", value: c.learning.toLocaleString("en") },
              { label: "Review", value: c.review.toLocaleString("en") },
              { label: "Relearning", value: c.relearning.toLocaleString("en") },
              { label: "Suspended", value: c.suspended.toLocaleString("en") },
              { label: "Total", value: c.total.toLocaleString("en") },
            ]}
          />
        </Card>
        <Card title="True retention" headingLevel={2}>
          <p className={styles.muted}>
            Of your answers to cards in review (not learning steps), the share you remembered — not rated Again. FSRS aims for your desired retention, {(desired * 100).toFixed(0)}%; weeks below it are amber.
          </p>
          {stats.retention.week.length || stats.retention.month.length ? (
            <div className={styles.columns}>
              <RetentionTable buckets={stats.retention.week} period="Week" desired={desired} />
              <RetentionTable buckets={stats.retention.month} period="Month" desired={desired} />
            </div>
          ) : (
            // One message, not the same one twice side by side (week and month are both empty).
            <RetentionTable buckets={[]} period="Week" desired={desired} />
          )}
        </Card>
      </div>
    </>
  );
}
