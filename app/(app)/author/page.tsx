import type { Metadata } from "next";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Author" };

export default async function AuthorPage() {
  await requireRole(STAFF_ROLES, "/author");
  return (
    <>
      <PageHeader title="Author" description="Labs and questions for your classes." />
      <Card
        title="Question bank and quizzes"
        headingLevel={2}
        actions={<ButtonLink href="/author/questions">Open the question bank</ButtonLink>}
      >
        <p>Write questions (single answer or multiple response, an explanation per option), import Moodle GIFT files, and assemble quizzes from the bank.</p>
      </Card>
      <Card
        title="Labs"
        headingLevel={2}
        actions={<ButtonLink href="/author/labs">Write and import labs</ButtonLink>}
      >
        <p>Write labs in YAML with validation as you type, preview every variant on the engine, publish versions, import and export lab files. Your labs are visible to the classes you teach.</p>
      </Card>
    </>
  );
}
