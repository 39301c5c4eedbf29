import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LabPlayer } from "@/components/labs/LabPlayer";
import { LabIntro, LabMeta } from "@/components/labs/LabIntro";
import { describeSetup } from "@/components/labs/setup/describe-setup";
import { SetupView } from "@/components/labs/setup/SetupView";
import { VariantPicker } from "@/components/labs/staff/VariantPicker";
import { VariantPreview } from "@/components/labs/staff/VariantPreview";
import { PageHeader } from "@/components/ui";
import { ActionError } from "@/lib/actions";
import type { AccountUser } from "@/lib/auth/accounts";
import { hasRole, STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listVariants, previewVariant } from "@/lib/labs/service/instructor";
import { getLabTrace, getLearnerLab } from "@/lib/labs/service/learner";
import type { Trace } from "@/lib/labs/types";
import { gradeAttemptAction, labTraceAction, makeMistakeCardAction, saveDraftAction, whatIfAction, whatIfKnobsAction } from "../actions";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// One lookup per request, shared by the metadata and the page. A lab the user may not see is a 404
// exactly like a missing one (lib/labs/service/access.ts), so slugs do not leak.
const loadLab = cache(async (user: AccountUser, slug: string) => {
  try {
    return await getLearnerLab(user, slug);
  } catch (error) {
    if (error instanceof ActionError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const user = await requireUser(`/labs/${id}`);
  const view = await loadLab(user, id);
  return { title: view.lab.title };
}

/** A user-facing reason the run could not be loaded; anything unexpected stays in the server log. */
async function traceFor(user: AccountUser, slug: string): Promise<{ trace: Trace | null; error: string | null }> {
  try {
    return { trace: await getLabTrace(user, slug), error: null };
  } catch (error) {
    if (error instanceof ActionError) return { trace: null, error: error.message };
    console.error(`labs: loading the run of ${slug} failed`, error);
    return { trace: null, error: "Something went wrong on our side while running the lab. Try again in a moment." };
  }
}

export default async function LabPage({ params, searchParams }: Params) {
  const { id } = await params;
  const slug = id;
  const user = await requireUser(`/labs/${id}`);
  const view = await loadLab(user, slug);
  const { lab } = view;
  const staff = hasRole(user, STAFF_ROLES);

  // Instructors and admins may preview any variant (?variant=N); learners never get this branch.
  const raw = (await searchParams).variant;
  const requested = staff && typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : null;
  const variants = staff ? (await listVariants(user, slug)).variants : [];
  const preview = requested !== null && requested < lab.variant.count ? await previewVariant(user, slug, requested) : null;

  const header = (
    <PageHeader
      title={lab.title}
      description={<LabMeta lab={lab} showVariant={!preview} />}
      actions={staff && variants.length ? <VariantPicker slug={slug} variants={variants} selected={preview ? requested : null} own={lab.variant.index} /> : null}
    />
  );

  if (preview) {
    return (
      <>
        {header}
        <LabIntro summary={preview.instance.summary} />
        <VariantPreview preview={preview} />
      </>
    );
  }

  const { trace, error } = view.latest ? await traceFor(user, slug) : { trace: null, error: null };
  return (
    <>
      {header}
      <LabIntro summary={lab.summary} />
      <LabPlayer
        lab={lab}
        setup={<SetupView setup={describeSetup(lab.scenario)} />}
        draft={view.draft}
        latest={view.latest}
        progress={view.progress}
        trace={trace}
        traceError={error}
        actions={{ grade: gradeAttemptAction, saveDraft: saveDraftAction, trace: labTraceAction, whatIfKnobs: whatIfKnobsAction, whatIf: whatIfAction, makeCard: makeMistakeCardAction }}
      />
    </>
  );
}
