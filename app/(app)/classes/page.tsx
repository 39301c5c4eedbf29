import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Classes" };

// Not built yet: an honest empty state until the Classes area lands.
export default function Page() {
  return (
    <>
      <PageHeader title="Classes" description="Learn with a class and an instructor." />
      <EmptyState title="No classes yet">
        <p>Classes are on their way: you will join one with a code from your instructor and see its assignments and due dates here. Instructors will create classes and read the gradebook.</p>
      </EmptyState>
    </>
  );
}
