import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { EMPTY_DRAFT, QuestionForm, type QuestionDraft } from "@/components/quiz/author/QuestionForm";
import { ActionError } from "@/lib/actions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { getBankQuestion } from "@/lib/quiz/service/bank";
import { createQuestionAction } from "../actions";

export const metadata: Metadata = { title: "New question" };
export const dynamic = "force-dynamic";

/** A new question, blank or (?from=<id>) starting as a copy of one the author can see. */
export default async function NewQuestionPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await requireRole(STAFF_ROLES, "/author/questions/new");
  const { from } = await searchParams;
  let initial: QuestionDraft = EMPTY_DRAFT;
  if (typeof from === "string" && from) {
    try {
      const q = await getBankQuestion(user, from);
      initial = {
        type: q.type,
        domain: q.domain,
        difficulty: q.difficulty,
        topics: q.topics.join(", "),
        stem: q.stem,
        explanation: q.explanation ?? "",
        source: q.source ?? "",
        options: q.options.map((o) => ({ text: o.text, correct: o.correct, explanation: o.explanation })),
      };
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
    }
  }
  return (
    <>
      <PageHeader title={from ? "New question (copy)" : "New question"} description="Scenario questions teach best: a situation, a goal, and options that differ in one idea each." />
      <QuestionForm initial={initial} action={createQuestionAction} submitLabel="Save question" />
    </>
  );
}
