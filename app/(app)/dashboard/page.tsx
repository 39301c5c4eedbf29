import type { Metadata } from "next";
import { ButtonLink, PageHeader, Columns } from "@/components/ui";
import { ReadinessPanel } from "@/components/dashboard/ReadinessPanel";
import { RecentScores } from "@/components/dashboard/RecentScores";
import { StatTiles } from "@/components/dashboard/StatTiles";
import styles from "@/components/dashboard/Dashboard.module.css";
import { navFor } from "@/components/shell/nav";
import { requireUser } from "@/lib/auth/session";
import { loadDashboard } from "@/lib/quiz/service/dashboard";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const data = await loadDashboard(user.id);
  const areas = navFor(user.role).filter((i) => i.href !== "/dashboard");
  return (
    <>
      <PageHeader
        title={`Welcome${user.name ? `, ${user.name}` : ""}`}
        description="Today's cards, your streak, and how ready you are for each part of the DVA-C02 exam."
        actions={<ButtonLink href="/quizzes">Take a practice exam</ButtonLink>}
      />
      <StatTiles data={data} />
      <Columns className={styles.columns}>
        <ReadinessPanel readiness={data.readiness} />
        <RecentScores exams={data.exams} />
      </Columns>
      <nav className={styles.areas} aria-labelledby="areas-title">
        <h2 id="areas-title">Everything else</h2>
        <ul className={styles.areaLinks}>
          {areas.map((a) => (
            <li key={a.href}>
              <ButtonLink href={a.href} variant="secondary">
                {a.label}
              </ButtonLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
