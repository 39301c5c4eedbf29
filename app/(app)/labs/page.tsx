import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { applyFilters, parseFilters } from "@/components/labs/list/filters";
import { LabsList } from "@/components/labs/list/LabsList";
import { requireUser } from "@/lib/auth/session";
import { listLabs } from "@/lib/labs/service/learner";

export const metadata: Metadata = { title: "Labs" };
export const dynamic = "force-dynamic";

// /labs?topic=…&domain=…&difficulty=…&status=… — the filters live in the URL so a list can be linked.
export default async function LabsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/labs");
  const [labs, params] = await Promise.all([listLabs(user), searchParams]);
  const topics = [...new Set(labs.flatMap((l) => l.topics))].sort();
  const filters = parseFilters(params, topics);
  return (
    <>
      <PageHeader title="Labs" description="Read a small AWS setup, predict what Lambda will do, then let the engine run it and show you why." />
      <LabsList all={labs} shown={applyFilters(labs, filters)} filters={filters} topics={topics} />
    </>
  );
}
