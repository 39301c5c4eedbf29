import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Labs" };

// Not built yet: an honest empty state until the Labs area lands.
export default function Page() {
  return (
    <>
      <PageHeader title="Labs" description="Predict what AWS Lambda will do, then run it." />
      <EmptyState title="Labs are on their way">
        <p>Each lab shows a small AWS setup — functions, queues, retries, concurrency. You predict the outcome, the deterministic Lambda engine runs the scenario, and a timeline shows what happened and why.</p>
      </EmptyState>
    </>
  );
}
