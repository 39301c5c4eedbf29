import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Author" };

export default async function AuthorPage() {
  await requireRole(STAFF_ROLES, "/author");
  return (
    <>
      <PageHeader title="Author" description="Labs and questions for your classes." />
      <EmptyState title="Authoring is on its way">
        <p>
          Here instructors will write labs in YAML with validation as they type and a preview run on the engine, edit the question bank,
          and assemble quizzes and exams.
        </p>
      </EmptyState>
    </>
  );
}
