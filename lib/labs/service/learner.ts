/**
 * What a learner reads: the labs list with their progress, one lab in their variant (never a
 * truth), their saved draft predictions, and — once they have graded an attempt — the trace of
 * their variant for the timeline.
 */
import { ActionError } from "@/lib/actions/errors";
import { teachersOf } from "@/lib/classroom/service/visibility";
import { getDb, type Db } from "@/lib/db";
import { toLearnerLab } from "../grading";
import type { AttemptView, LabListItem, LabProgress, LearnerLab, Trace } from "../types";
import { canView, isStaff, visibleLab, type LabUser } from "./access";
import { attemptView, learnerVariant, progressView } from "./attempts";
import { instanceFor, variantTrace } from "./variant-runs";
import { listPublishedLabs } from "./versions";

/**
 * The labs the user may open, with their progress. Title and summary are the user's own variant's
 * (params may appear in them), so the list never contradicts the lab page.
 */
export async function listLabs(user: LabUser, db: Db = getDb()): Promise<LabListItem[]> {
  const [labs, progress, teachers] = await Promise.all([listPublishedLabs(db), db.labProgress.findMany({ where: { userId: user.id } }), teachersOf(user.id, db)]);
  const byLab = new Map(progress.map((p) => [p.labId, p]));
  return labs
    .filter(({ lab }) => canView(user, lab) || (lab.ownerId !== null && teachers.has(lab.ownerId)))
    .map(({ lab, version }) => {
      const { questionCount, variantCount, ...meta } = version.meta;
      const mine = variantCount > 1 ? instanceFor(version, learnerVariant(user, lab, version).index) : undefined;
      return {
        ...meta,
        ...(mine ? { title: mine.title, summary: mine.summary } : {}),
        id: lab.slug,
        version: version.version,
        questionCount,
        variantCount,
        builtIn: lab.ownerId === null,
        progress: progressView(byLab.get(lab.id) ?? null),
      };
    });
}

export interface LearnerLabView {
  lab: LearnerLab;
  /** Predictions saved but not submitted, for this version and variant. */
  draft: Record<string, unknown> | null;
  progress: LabProgress;
  /** The newest graded attempt, so feedback survives a reload. */
  latest: AttemptView | null;
}

export async function getLearnerLab(user: LabUser, slug: string, db: Db = getDb()): Promise<LearnerLabView> {
  const { lab, version } = await visibleLab(user, slug);
  const { index } = learnerVariant(user, lab, version);
  const instance = instanceFor(version, index);
  const [draft, progress, latestRow] = await Promise.all([
    db.labDraft.findUnique({ where: { userId_labVersionId_variantIndex: { userId: user.id, labVersionId: version.id, variantIndex: index } } }),
    db.labProgress.findUnique({ where: { userId_labId: { userId: user.id, labId: lab.id } } }),
    db.labAttempt.findFirst({ where: { userId: user.id, labId: lab.id, labVersionId: version.id }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    lab: toLearnerLab(instance, version.version),
    draft: draft ? (JSON.parse(draft.answers) as Record<string, unknown>) : null,
    progress: progressView(progress),
    latest: latestRow ? attemptView(latestRow, version, lab) : null,
  };
}

/** Drafts are what a form holds, unchecked; a size cap keeps a script from storing megabytes. */
export const MAX_DRAFT_BYTES = 16 * 1024;

export async function saveDraft(user: LabUser, slug: string, answers: Record<string, unknown>, db: Db = getDb()): Promise<{ savedAt: string }> {
  const { lab, version } = await visibleLab(user, slug);
  const { index } = learnerVariant(user, lab, version);
  const text = JSON.stringify(answers);
  if (text.length > MAX_DRAFT_BYTES) throw new ActionError("invalid", `Draft answers are limited to ${MAX_DRAFT_BYTES / 1024} KB.`, { answers: ["too large"] });
  const key = { userId: user.id, labVersionId: version.id, variantIndex: index };
  const row = await db.labDraft.upsert({ where: { userId_labVersionId_variantIndex: key }, create: { ...key, answers: text }, update: { answers: text } });
  return { savedAt: row.updatedAt.toISOString() };
}

/**
 * The trace of the learner's variant (for the timeline picture and the trace explorer). It holds
 * every answer, so a learner gets it only after grading an attempt on this lab; staff any time.
 */
export async function getLabTrace(user: LabUser, slug: string, db: Db = getDb()): Promise<Trace> {
  const { lab, version } = await visibleLab(user, slug);
  if (!isStaff(user)) {
    const graded = await db.labAttempt.findFirst({ where: { userId: user.id, labId: lab.id }, select: { id: true } });
    if (!graded) throw new ActionError("forbidden", "Submit your predictions first: the run shows every answer.");
  }
  const { index } = learnerVariant(user, lab, version);
  return variantTrace(version, index);
}
