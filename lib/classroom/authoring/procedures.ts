/**
 * Lab authoring operations as procedures (staff only): server actions of app/(app)/author/labs and
 * the JSON routes under app/api/classes/authoring.
 */
import { z } from "zod";
import { defineProcedure } from "@/lib/actions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { MAX_LAB_BYTES } from "@/lib/labs/located";
import { deleteDraft, draftFromLab, exportLab, getDraft, listDrafts, newDraft, saveDraft } from "./drafts";
import { previewLab } from "./preview";
import { importLabFile, publishDraft } from "./publish";
import { quickCheck } from "./validate";

const labText = z.string({ error: "expected the lab file's text" }).max(MAX_LAB_BYTES, `A lab file is at most ${MAX_LAB_BYTES / 1024} KB.`);
const draftId = z.string({ error: "expected a draft id" }).min(1).max(64);
const fileName = z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional());

export const validateLabInput = z.object({ source: labText, fileName });
export const saveDraftInput = z.object({ draftId: z.preprocess((v) => (v === "" ? undefined : v), draftId.optional()), source: labText, fileName });
export const draftIdInput = z.object({ draftId });
export const previewInput = z.object({ source: labText, fileName, variant: z.coerce.number().int().min(0).max(1000).default(0) });
export const fromLabInput = z.object({ slug: z.string().min(1).max(200) });
export const importInput = z.object({
  fileName: z.string({ error: "Choose a .yaml file." }).min(1, "Choose a .yaml file.").max(300),
  text: labText,
  publish: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
});

/** As the author types (debounced in the editor): cheap, so generous. */
export const validateLabProcedure = defineProcedure({
  name: "author.validateLab",
  input: validateLabInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 600, durationSec: 60 },
  handler: async ({ source, fileName }) => {
    const check = quickCheck(source, fileName);
    return { ok: check.ok, errors: check.errors, id: check.id, title: check.title, variantCount: check.variantCount };
  },
});

export const saveLabDraftProcedure = defineProcedure({
  name: "author.saveDraft",
  input: saveDraftInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 300, durationSec: 60 },
  handler: (input, { user }) => saveDraft(user, input),
});

export const listLabDraftsProcedure = defineProcedure({
  name: "author.listDrafts",
  input: z.object({}),
  roles: STAFF_ROLES,
  handler: async (_input, { user }) => (await listDrafts(user)).map(({ source: _s, ...d }) => d),
});

export const getLabDraftProcedure = defineProcedure({
  name: "author.getDraft",
  input: draftIdInput,
  roles: STAFF_ROLES,
  handler: ({ draftId }, { user }) => getDraft(user, draftId),
});

export const deleteLabDraftProcedure = defineProcedure({
  name: "author.deleteDraft",
  input: draftIdInput,
  roles: STAFF_ROLES,
  handler: ({ draftId }, { user }) => deleteDraft(user, draftId),
});

/** Runs every variant in the engine pool. */
export const previewLabProcedure = defineProcedure({
  name: "author.previewLab",
  input: previewInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: ({ source, fileName, variant }) => previewLab(source, variant, fileName),
});

export const publishLabDraftProcedure = defineProcedure({
  name: "author.publishDraft",
  input: draftIdInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: ({ draftId }, { user }) => publishDraft(user, draftId),
});

export const draftFromLabProcedure = defineProcedure({
  name: "author.draftFromLab",
  input: fromLabInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: ({ slug }, { user }) => draftFromLab(user, slug),
});

export const importLabProcedure = defineProcedure({
  name: "author.importLab",
  input: importInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: (input, { user }) => importLabFile(user, input),
});

export const exportLabProcedure = defineProcedure({
  name: "author.exportLab",
  input: fromLabInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: ({ slug }, { user }) => exportLab(user, slug),
});

export const newLabDraftProcedure = defineProcedure({
  name: "author.newDraft",
  input: z.object({}),
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: (_input, { user }) => newDraft(user),
});
