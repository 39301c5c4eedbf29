import type { Metadata } from "next";
import Link from "next/link";
import { Alert, PageHeader } from "@/components/ui";
import { LabEditor } from "@/components/author/LabEditor";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { getDraft } from "@/lib/classroom/authoring/drafts";
import { orPageError } from "@/lib/classroom/page-errors";
import { previewLabAction, publishLabDraftAction, saveLabDraftAction, validateLabAction } from "../actions";

export const metadata: Metadata = { title: "Edit lab" };

export default async function EditLabPage({ params, searchParams }: { params: Promise<{ draftId: string }>; searchParams: Promise<{ imported?: string }> }) {
  const { draftId } = await params;
  const user = await requireRole(STAFF_ROLES, `/author/labs/${draftId}`);
  const draft = await orPageError(getDraft(user, draftId));
  const { imported } = await searchParams;
  return (
    <>
      <PageHeader title={draft.title ?? draft.fileName ?? "Untitled lab"} description={<><Link href="/author/labs">Lab authoring</Link>{draft.fileName ? ` · ${draft.fileName}` : ""}</>} />
      {imported !== undefined ? (
        <Alert tone={draft.errors.length ? "error" : "info"}>
          {draft.errors.length ? `The imported file has ${draft.errors.length} problem${draft.errors.length === 1 ? "" : "s"}: it is kept as this draft and nothing was published. Fix them below, then publish.` : "The file was imported as a draft."}
        </Alert>
      ) : null}
      <LabEditor
        draftId={draft.id}
        initialSource={draft.source}
        fileName={draft.fileName}
        initialErrors={draft.errors}
        publishedSlug={draft.labSlug}
        validate={validateLabAction}
        save={saveLabDraftAction}
        preview={previewLabAction}
        publish={publishLabDraftAction}
      />
    </>
  );
}
