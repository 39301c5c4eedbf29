import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Study" };

// Not built yet: an honest empty state until the Study area lands.
export default function Page() {
  return (
    <>
      <PageHeader title="Study" description="Flashcards that come back just before you would forget them." />
      <EmptyState title="Flashcards are on their way">
        <p>Here you will review the built-in deck “AWS Lambda — invocation, retries, versions, execution” with FSRS scheduling, keyboard first: Space to reveal, 1–4 to rate. Wrong predictions from labs and quizzes will land in your Mistakes deck.</p>
      </EmptyState>
    </>
  );
}
