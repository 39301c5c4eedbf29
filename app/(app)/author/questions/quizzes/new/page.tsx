import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { QuizForm } from "@/components/quiz/author/QuizForm";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listBank } from "@/lib/quiz/service/bank";
import { createQuizAction } from "../../actions";

export const metadata: Metadata = { title: "Assemble a quiz" };
export const dynamic = "force-dynamic";

export default async function NewQuizPage() {
  const user = await requireRole(STAFF_ROLES, "/author/questions/quizzes/new");
  const bank = await listBank(user);
  return (
    <>
      <PageHeader title="Assemble a quiz" description="Learners take it in practice mode (feedback after each question) or exam mode (timed, scored 100–1000)." />
      <QuizForm bank={bank} action={createQuizAction} />
    </>
  );
}
