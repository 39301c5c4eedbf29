/**
 * Publishing a draft as a new lab version — only when `lab check` passes in full (every variant
 * run, every truth evaluated): a draft that fails is kept with its located errors and nothing is
 * published, never half of it. The lab's id (slug) belongs to whoever first published it: an
 * instructor cannot publish over a built-in lab or another instructor's.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { errorAt, type LabError } from "@/lib/labs/located";
import { forgetPublished, saveLabVersion } from "@/lib/labs/service/versions";
import type { ClassUser } from "../service/access";
import { ownDraft, saveDraft } from "./drafts";
import { fullCheck } from "./validate";

export interface PublishResult {
  published: boolean;
  errors: LabError[];
  slug?: string;
  version?: number;
  created?: boolean;
}

export async function publishDraft(user: ClassUser, draftId: string, db: Db = getDb()): Promise<PublishResult> {
  const draft = await ownDraft(user, draftId, db);
  const file = draft.fileName ?? undefined;
  const report = await fullCheck(draft.source, file);
  let errors = report.allErrors;
  const slug = report.source?.id ?? "";
  if (report.ok && slug) {
    const existing = await db.lab.findUnique({ where: { slug }, select: { id: true, ownerId: true } });
    if (existing && existing.ownerId !== user.id && user.role !== "admin") {
      const whose = existing.ownerId === null ? "a built-in lab" : "another instructor's lab";
      errors = [errorAt(report.source?.locate, file, ["id"], `the id "${slug}" is taken by ${whose}: choose another id to publish your version`)];
    } else if (existing && existing.ownerId === null && user.role === "admin") {
      errors = [errorAt(report.source?.locate, file, ["id"], `"${slug}" is a built-in lab: change it in labs/${slug}.yaml (reviewed like code), or give your copy another id`)];
    }
  }
  await db.labAuthorDraft.update({ where: { id: draft.id }, data: { errors: JSON.stringify(errors), valid: errors.length === 0 } });
  if (errors.length) return { published: false, errors };

  const existing = await db.lab.findUnique({ where: { slug }, select: { ownerId: true } });
  const saved = await saveLabVersion({ text: draft.source, ...(file ? { file } : {}), ownerId: existing ? existing.ownerId : user.id, visibility: "private", published: true }, db);
  forgetPublished(slug);
  await db.labAuthorDraft.update({ where: { id: draft.id }, data: { labId: saved.lab.id } });
  return { published: true, errors: [], slug, version: saved.version, created: saved.created };
}

/**
 * An uploaded lab file: always kept as a draft (with its located errors when invalid); published
 * at once when asked and `lab check` passes.
 */
export async function importLabFile(user: ClassUser, input: { fileName: string; text: string; publish: boolean }, db: Db = getDb()): Promise<PublishResult & { draftId: string }> {
  const fileName = input.fileName.replace(/^.*[\\/]/, "").slice(0, 200) || "lab.yaml";
  if (!/\.(ya?ml|json)$/i.test(fileName)) throw new ActionError("invalid", "Upload a lab file ending in .yaml or .yml.", { file: ["expected a .yaml file"] });
  const saved = await saveDraft(user, { source: input.text, fileName }, db);
  if (!input.publish) return { draftId: saved.id, published: false, errors: saved.errors };
  if (!saved.valid) return { draftId: saved.id, published: false, errors: saved.errors };
  const result = await publishDraft(user, saved.id, db);
  if (!result.published) {
    // Keep the draft's errors as the full check found them.
    await db.labAuthorDraft.update({ where: { id: saved.id }, data: { errors: JSON.stringify(result.errors), valid: false } });
  }
  return { draftId: saved.id, ...result };
}

