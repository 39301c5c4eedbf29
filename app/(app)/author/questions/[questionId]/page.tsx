import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, ButtonLink, PageHeader, SourceLink } from "@/components/ui";
import { QuestionForm } from "@/components/quiz/author/QuestionForm";
import { Markdown } from "@/components/ui/Markdown";
import { OptionList } from "@/components/quiz/OptionList";
import { ActionError } from "@/lib/actions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { DOMAINS } from "@/lib/quiz/domains";
import { getBankQuestion } from "@/lib/quiz/service/bank";
import { updateQuestionAction } from "../actions";

export const metadata: Metadata = { title: "Question" };
export const dynamic = "force-dynamic";

export default async function QuestionPage({ params }: { params: Promise<{ questionId: string }> }) {
  const { questionId } = await params;
  const user = await requireRole(STAFF_ROLES, `/author/questions/${questionId}`);
  let q;
  try {
    q = await getBankQuestion(user, questionId);
  } catch (error) {
    if (error instanceof ActionError && error.code === "not_found") notFound();
    throw error;
  }
  if (q.editable) {
    return (
      <>
        <PageHeader title="Edit question" description="Options keep their identity when you edit them, so past answers still point at the option the learner chose." />
        <QuestionForm
          action={updateQuestionAction}
          submitLabel="Save changes"
          initial={{
            questionId: q.id,
            type: q.type,
            domain: q.domain,
            difficulty: q.difficulty,
            topics: q.topics.join(", "),
            stem: q.stem,
            explanation: q.explanation ?? "",
            source: q.source ?? "",
            options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, explanation: o.explanation })),
          }}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Built-in question"
        description={`${DOMAINS.find((d) => d.id === q.domain)?.name} · ${q.difficulty} · ${q.topics.join(", ")}`}
        actions={
          <>
            <ButtonLink href={`/author/questions/new?from=${q.id}`}>Copy as a new question</ButtonLink>
            <ButtonLink href="/author/questions" variant="secondary">
              Back to the bank
            </ButtonLink>
          </>
        }
      />
      <Alert tone="info">Built-in questions come from content/questions in the repository and change there, reviewed like code. Copy it to adapt it.</Alert>
      <div style={{ display: "grid", gap: "var(--space-3)", marginTop: "var(--space-4)" }}>
        <Markdown>{q.stem}</Markdown>
        <OptionList
          questionId={q.id}
          type={q.type}
          options={q.options}
          selected={[]}
          label="Options"
          feedback={q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, selected: false, verdict: o.correct ? "right-missed" : "wrong-not-chosen", explanation: o.explanation }))}
        />
        {q.source ? (
          <p>
            <SourceLink source={q.source} />
          </p>
        ) : null}
      </div>
    </>
  );
}
