/**
 * Lab drafts of an instructor: written in the browser (autosaved) or uploaded. A draft may be
 * invalid — it keeps its located errors — and becomes a lab version only through publish.ts.
 */
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import type { LabError } from "@/lib/labs/located";
import { findPublishedLab } from "@/lib/labs/service/versions";
import { visibleLab } from "@/lib/labs/service/access";
import { requireStaff, type ClassUser } from "../service/access";
import { quickCheck } from "./validate";

export interface DraftView {
  id: string;
  labId: string | null;
  labSlug: string | null;
  fileName: string | null;
  source: string;
  errors: LabError[];
  valid: boolean;
  labIdInFile: string | null;
  title: string | null;
  updatedAt: string;
}

export const MAX_DRAFTS = 200;

function toView(row: { id: string; labId: string | null; fileName: string | null; source: string; errors: string; valid: boolean; updatedAt: Date; lab: { slug: string } | null }): DraftView {
  const check = quickCheck(row.source, row.fileName ?? undefined);
  return {
    id: row.id,
    labId: row.labId,
    labSlug: row.lab?.slug ?? null,
    fileName: row.fileName,
    source: row.source,
    errors: JSON.parse(row.errors) as LabError[],
    valid: row.valid,
    labIdInFile: check.id,
    title: check.title,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const draftSelect = { id: true, labId: true, fileName: true, source: true, errors: true, valid: true, updatedAt: true, lab: { select: { slug: true } } } as const;

/** The draft, if it is the caller's (admins: anyone's); otherwise 404. */
export async function ownDraft(user: ClassUser, draftId: string, db: Db = getDb()) {
  requireStaff(user, "write labs");
  const row = typeof draftId === "string" && draftId.length <= 64 ? await db.labAuthorDraft.findUnique({ where: { id: draftId }, select: { ...draftSelect, ownerId: true } }) : null;
  if (!row || (row.ownerId !== user.id && user.role !== "admin")) throw new ActionError("not_found", "There is no such draft.");
  return row;
}

export async function getDraft(user: ClassUser, draftId: string, db: Db = getDb()): Promise<DraftView> {
  return toView(await ownDraft(user, draftId, db));
}

export async function listDrafts(user: ClassUser, db: Db = getDb()): Promise<DraftView[]> {
  requireStaff(user, "write labs");
  const rows = await db.labAuthorDraft.findMany({ where: { ownerId: user.id }, orderBy: { updatedAt: "desc" }, select: draftSelect, take: MAX_DRAFTS });
  return rows.map(toView);
}

/**
 * Creates (no draftId) or updates a draft with the quick check's errors. Returns the errors so the
 * editor can place them without a second request.
 */
export async function saveDraft(user: ClassUser, input: { draftId?: string | undefined; source: string; fileName?: string | undefined }, db: Db = getDb()): Promise<{ id: string; errors: LabError[]; valid: boolean; savedAt: string }> {
  requireStaff(user, "write labs");
  const check = quickCheck(input.source, input.fileName);
  const data = { source: input.source, errors: JSON.stringify(check.errors), valid: check.ok, ...(input.fileName !== undefined ? { fileName: input.fileName } : {}) };
  if (input.draftId) {
    await ownDraft(user, input.draftId, db);
    const row = await db.labAuthorDraft.update({ where: { id: input.draftId }, data, select: { id: true, updatedAt: true } });
    return { id: row.id, errors: check.errors, valid: check.ok, savedAt: row.updatedAt.toISOString() };
  }
  if ((await db.labAuthorDraft.count({ where: { ownerId: user.id } })) >= MAX_DRAFTS) throw new ActionError("conflict", `You have ${MAX_DRAFTS} drafts: delete some first.`);
  const row = await db.labAuthorDraft.create({ data: { ...data, ownerId: user.id }, select: { id: true, updatedAt: true } });
  return { id: row.id, errors: check.errors, valid: check.ok, savedAt: row.updatedAt.toISOString() };
}

/** A draft holding a lab's newest published version, to edit it (built-in labs: a copy to adapt). */
export async function draftFromLab(user: ClassUser, slug: string, db: Db = getDb()): Promise<{ id: string }> {
  requireStaff(user, "write labs");
  const { lab, version } = await visibleLab(user, slug);
  const row = await db.labVersion.findUniqueOrThrow({ where: { id: version.id }, select: { source: true } });
  const mine = lab.ownerId === user.id || user.role === "admin";
  const saved = await saveDraft(user, { source: row.source, fileName: `${lab.slug}.yaml` }, db);
  if (mine) await db.labAuthorDraft.update({ where: { id: saved.id }, data: { labId: lab.id } });
  return { id: saved.id };
}

export async function deleteDraft(user: ClassUser, draftId: string, db: Db = getDb()): Promise<{ id: string }> {
  await ownDraft(user, draftId, db);
  await db.labAuthorDraft.delete({ where: { id: draftId } });
  return { id: draftId };
}

/** The text of a lab's newest published version, for download (staff who can see the lab). */
export async function exportLab(user: ClassUser, slug: string, db: Db = getDb()): Promise<{ filename: string; source: string }> {
  requireStaff(user, "export labs");
  const { lab } = await visibleLab(user, slug);
  const found = await findPublishedLab(lab.slug, db);
  const row = await db.labVersion.findUniqueOrThrow({ where: { id: found!.version.id }, select: { source: true } });
  return { filename: `${lab.slug}.yaml`, source: row.source };
}

/** Labs the caller wrote (admins: every instructor's), newest version first. */
export async function listAuthoredLabs(user: ClassUser, db: Db = getDb()): Promise<Array<{ slug: string; title: string; version: number; visibility: string; updatedAt: string }>> {
  requireStaff(user, "write labs");
  const labs = await db.lab.findMany({
    where: user.role === "admin" ? { ownerId: { not: null } } : { ownerId: user.id },
    orderBy: { updatedAt: "desc" },
    select: { slug: true, visibility: true, updatedAt: true, versions: { where: { published: true }, orderBy: { version: "desc" }, take: 1, select: { version: true, meta: true } } },
  });
  return labs.flatMap((l) => {
    const v = l.versions[0];
    if (!v) return [];
    const meta = JSON.parse(v.meta) as { title?: string };
    return [{ slug: l.slug, title: meta.title ?? l.slug, version: v.version, visibility: l.visibility, updatedAt: l.updatedAt.toISOString() }];
  });
}

/** A small valid lab to start from: one function, one invoke, two questions. */
export const STARTER_LAB = `id: my-first-lab
title: A synchronous invoke
summary: |
  One function, invoked once with RequestResponse. What does the caller get back?
domains: [development]
topics: [invocation]
difficulty: beginner
estimatedMinutes: 5
scenario:
  steps:
    - CreateFunction:
        FunctionName: hello
        Runtime: nodejs20.x
        Handler: index.handler
        Code:
          ZipFile: |
            exports.handler = async (event) => ({ greeting: "hello " + event.name });
    - id: call
      at: 1s
      Invoke:
        FunctionName: hello
        InvocationType: RequestResponse
        Payload: { name: "ada" }
questions:
  - id: status
    type: choice
    prompt: Which status code does the synchronous invoke return?
    options: [200, 202, 204]
    truth: "steps[?id=='call'] | [0].response.StatusCode"
    explanation: |
      A RequestResponse invoke answers 200 when the function ran (even if it threw).
      Source: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - id: runs
    type: number
    prompt: How many times does the handler run?
    truth: length(invocations)
    explanation: A synchronous invoke is not retried by Lambda.
`;

export async function newDraft(user: ClassUser, db: Db = getDb()): Promise<{ id: string }> {
  const saved = await saveDraft(user, { source: STARTER_LAB, fileName: "my-first-lab.yaml" }, db);
  return { id: saved.id };
}
