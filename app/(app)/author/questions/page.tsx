import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, ButtonLink, EmptyState, PageHeader, Button, controlClass } from "@/components/ui";
import { RetireQuestionButton } from "@/components/quiz/author/RetireQuestionButton";
import styles from "@/components/quiz/author/Bank.module.css";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { DOMAINS } from "@/lib/quiz/domains";
import { stemExcerpt } from "@/lib/quiz/question";
import { bankFilterInput } from "@/lib/quiz/procedures";
import { listBank } from "@/lib/quiz/service/bank";
import { retireQuestionAction } from "./actions";

export const metadata: Metadata = { title: "Question bank" };
export const dynamic = "force-dynamic";

export default async function QuestionBankPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(STAFF_ROLES, "/author/questions");
  const raw = await searchParams;
  const parsed = bankFilterInput.safeParse({ domain: raw.domain, text: typeof raw.text === "string" ? raw.text : undefined, owner: raw.owner });
  const filter = parsed.success ? parsed.data : {};
  const questions = await listBank(user, filter);
  const saved = typeof raw.saved === "string";
  return (
    <>
      <PageHeader
        title="Question bank"
        description="The built-in questions and your own. Learners meet them in quizzes you assemble and in drawn practice exams."
        actions={
          <>
            <ButtonLink href="/author/questions/new">New question</ButtonLink>
            <ButtonLink href="/author/questions/import" variant="secondary">
              Import GIFT
            </ButtonLink>
            <ButtonLink href="/author/questions/quizzes/new" variant="secondary">
              Assemble a quiz
            </ButtonLink>
          </>
        }
      />
      {saved ? <Alert tone="success">Question saved.</Alert> : null}
      <form className={styles.filters} method="get" role="search" aria-label="Filter the bank">
        <select name="owner" defaultValue={filter.owner ?? "all"} aria-label="Whose questions" className={controlClass}>
          <option value="all">All questions</option>
          <option value="mine">Mine</option>
          <option value="builtin">Built-in</option>
        </select>
        <select name="domain" defaultValue={filter.domain ?? ""} aria-label="Exam domain" className={controlClass}>
          <option value="">Every domain</option>
          {DOMAINS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <input type="search" name="text" defaultValue={filter.text ?? ""} placeholder="Text or topic" aria-label="Text or topic" className={`${controlClass} ${styles.grow}`} />
        <button type="submit" className={controlClass}>
          Filter
        </button>
        <span className={styles.count}>{questions.length} question{questions.length === 1 ? "" : "s"}</span>
      </form>
      {questions.length === 0 ? (
        <EmptyState title={filter.owner === "mine" ? "You have not written any questions yet" : "No questions match"} action={<ButtonLink href="/author/questions/new">Write a question</ButtonLink>}>
          <p>Write one with the form, or import a Moodle GIFT file.</p>
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {questions.map((q) => (
            <li key={q.id} className={styles.item} data-question-id={q.id}>
              <div className={styles.main}>
                <Link href={`/author/questions/${q.id}`} className={styles.stem}>
                  {stemExcerpt(q.stem)}
                </Link>
                <div className={styles.tags}>
                  <Badge tone={q.builtin ? "accent" : "neutral"}>{q.builtin ? "Built-in" : "Yours"}</Badge>
                  <Badge>{DOMAINS.find((d) => d.id === q.domain)?.name ?? q.domain}</Badge>
                  <Badge>{q.type === "multiple" ? `Choose ${q.choose}` : "Single answer"}</Badge>
                  <Badge>{q.difficulty}</Badge>
                  {q.topics.map((t) => (
                    <span key={t} className={styles.topic}>
                      {t}
                    </span>
                  ))}
                  {q.unexplained ? <span className={styles.warn}>{q.unexplained} option{q.unexplained === 1 ? "" : "s"} without an explanation</span> : null}
                </div>
              </div>
              <div className={styles.actions}>
                <ButtonLink href={`/author/questions/${q.id}`} variant="ghost">
                  {q.editable ? "Edit" : "View"}
                </ButtonLink>
                {q.editable ? <RetireQuestionButton questionId={q.id} action={retireQuestionAction} /> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
