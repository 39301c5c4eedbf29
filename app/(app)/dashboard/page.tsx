import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui";
import { navFor } from "@/components/shell/nav";
import { requireUser } from "@/lib/auth/session";
import styles from "../areas.module.css";

export const metadata: Metadata = { title: "Dashboard" };

const BLURBS: Record<string, string> = {
  "/study": "Flashcards scheduled by FSRS, starting with the built-in AWS Lambda deck.",
  "/quizzes": "Practice questions with explanations, and timed exams in the DVA-C02 format.",
  "/labs": "Predict what Lambda will do, then run the scenario on the engine and see why.",
  "/classes": "Join a class with a code from your instructor, and see what is due.",
  "/author": "Write labs and questions for your classes.",
  "/admin/users": "Manage accounts and roles.",
};

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const areas = navFor(user.role).filter((i) => i.href !== "/dashboard");
  return (
    <>
      <PageHeader
        title={`Welcome${user.name ? `, ${user.name}` : ""}`}
        description="Your cards due today, your streak and your readiness per exam domain will appear here as you study."
      />
      <div className={styles.grid}>
        {areas.map((area) => (
          <Card key={area.href} title={<Link href={area.href}>{area.label}</Link>} headingLevel={2}>
            <p className={styles.muted}>{BLURBS[area.href]}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
