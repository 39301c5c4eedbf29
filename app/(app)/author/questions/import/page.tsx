import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { GiftImportForm } from "@/components/quiz/author/GiftImportForm";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { importGiftAction } from "../actions";

export const metadata: Metadata = { title: "Import GIFT" };

export default async function ImportGiftPage() {
  await requireRole(STAFF_ROLES, "/author/questions/import");
  return (
    <>
      <PageHeader
        title="Import questions (GIFT)"
        description="Moodle's GIFT text format. Good questions are imported; each bad one is listed with its number, line and what to fix."
      />
      <GiftImportForm action={importGiftAction} />
    </>
  );
}
