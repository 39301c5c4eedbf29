import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Quizzes" };

// Not built yet: an honest empty state until the Quizzes area lands.
export default function Page() {
  return (
    <>
      <PageHeader title="Quizzes" description="Scenario questions like the real exam's, with an explanation for every option." />
      <EmptyState title="Quizzes are on their way">
        <p>Here you will practise with immediate feedback, or sit a timed exam in the AWS format — 65 questions, 130 minutes, a scaled score with 720 to pass and a breakdown by exam domain.</p>
      </EmptyState>
    </>
  );
}
