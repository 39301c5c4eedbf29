/**
 * Lab versions in the database: saving a lab's YAML as a new immutable version (the same text
 * again adds nothing), and reading the published version learners get. Version rows never change,
 * so their parsed form is cached in memory for the life of the process.
 */
import { createHash } from "node:crypto";
import { getDb, isUniqueViolation, type Db } from "@/lib/db";
import { instantiateLab, parseLabSource, type LabSource } from "../lab-file";
import { formatLabError, type LabError } from "../located";
import type { LabMeta } from "../types";

export type LabVisibility = "public" | "private";

export interface StoredLabMeta extends LabMeta {
  questionCount: number;
  variantCount: number;
}

export interface LabRecord {
  id: string;
  slug: string;
  ownerId: string | null;
  visibility: LabVisibility;
}

export interface LabVersionRecord {
  id: string;
  labId: string;
  version: number;
  contentHash: string;
  source: LabSource;
  meta: StoredLabMeta;
}

export class LabFileError extends Error {
  constructor(readonly errors: LabError[]) {
    super(errors.map(formatLabError).join("\n"));
    this.name = "LabFileError";
  }
}

export const contentHash = (text: string) => createHash("sha256").update(text).digest("hex");

/** Parses and instantiates every variant (no engine run): what must hold before a version is stored. */
export function prepareLab(text: string, file?: string): { source: LabSource; meta: StoredLabMeta } {
  const parsed = parseLabSource(text, file ? { file } : {});
  if (!parsed.ok) throw new LabFileError(parsed.errors);
  let meta: StoredLabMeta | undefined;
  for (let i = 0; i < parsed.value.variantCount; i++) {
    const inst = instantiateLab(parsed.value, i);
    if (!inst.ok) throw new LabFileError(inst.errors);
    if (i === 0) {
      const { id, title, summary, domains, topics, difficulty, estimatedMinutes, questions } = inst.value;
      meta = { id, title, summary, domains, topics, difficulty, estimatedMinutes, questionCount: questions.length, variantCount: parsed.value.variantCount };
    }
  }
  return { source: parsed.value, meta: meta! };
}

/** What is stored in LabVersion.parsed: the source without positions (functions do not serialise). */
function serialiseSource(source: LabSource): string {
  return JSON.stringify({ id: source.id, params: source.params, variantCount: source.variantCount, body: source.body });
}

/** Stored versions were validated when saved (prepareLab), so the JSON is trusted as a LabSource. */
function deserialiseSource(json: string): LabSource {
  return JSON.parse(json) as LabSource;
}

export interface SaveResult {
  lab: LabRecord;
  version: number;
  versionId: string;
  created: boolean;
}

/**
 * Stores `text` as the lab's newest version unless it is the same text as the newest one.
 * Creates the lab on first save. Throws LabFileError (located errors) for an invalid file.
 */
export async function saveLabVersion(
  input: { text: string; file?: string; ownerId: string | null; visibility?: LabVisibility; published?: boolean },
  db: Db = getDb(),
): Promise<SaveResult> {
  const { source, meta } = prepareLab(input.text, input.file);
  const hash = contentHash(input.text);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        let lab = await tx.lab.findUnique({ where: { slug: source.id } });
        if (!lab) lab = await tx.lab.create({ data: { slug: source.id, ownerId: input.ownerId, visibility: input.visibility ?? "public" } });
        const latest = await tx.labVersion.findFirst({ where: { labId: lab.id }, orderBy: { version: "desc" }, select: { id: true, version: true, contentHash: true } });
        const record: LabRecord = { id: lab.id, slug: lab.slug, ownerId: lab.ownerId, visibility: lab.visibility as LabVisibility };
        if (latest?.contentHash === hash) return { lab: record, version: latest.version, versionId: latest.id, created: false };
        const version = await tx.labVersion.create({
          data: {
            labId: lab.id,
            version: (latest?.version ?? 0) + 1,
            source: input.text,
            parsed: serialiseSource(source),
            meta: JSON.stringify(meta),
            contentHash: hash,
            published: input.published ?? true,
          },
        });
        return { lab: record, version: version.version, versionId: version.id, created: true };
      });
    } catch (error) {
      // Two instances starting together race for the same slug or version number: read again.
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

const versionCache = new Map<string, LabVersionRecord>();
const publishedCache = new Map<string, { at: number; value: { lab: LabRecord; version: LabVersionRecord } | null }>();
/** How long "which version is published for this slug" is trusted before asking the database again. */
const PUBLISHED_TTL_MS = 5_000;

function toVersionRecord(row: { id: string; labId: string; version: number; contentHash: string; parsed: string; meta: string }): LabVersionRecord {
  const cached = versionCache.get(row.id);
  if (cached) return cached;
  const record = { id: row.id, labId: row.labId, version: row.version, contentHash: row.contentHash, source: deserialiseSource(row.parsed), meta: JSON.parse(row.meta) as StoredLabMeta };
  versionCache.set(row.id, record);
  return record;
}

/** The lab and its newest published version, or null. Cached for a few seconds. */
export async function findPublishedLab(slug: string, db: Db = getDb()): Promise<{ lab: LabRecord; version: LabVersionRecord } | null> {
  const hit = publishedCache.get(slug);
  if (hit && Date.now() - hit.at < PUBLISHED_TTL_MS) return hit.value;
  const lab = await db.lab.findUnique({ where: { slug } });
  let value: { lab: LabRecord; version: LabVersionRecord } | null = null;
  if (lab) {
    const row = await db.labVersion.findFirst({ where: { labId: lab.id, published: true }, orderBy: { version: "desc" } });
    if (row) value = { lab: { id: lab.id, slug: lab.slug, ownerId: lab.ownerId, visibility: lab.visibility as LabVisibility }, version: toVersionRecord(row) };
  }
  publishedCache.set(slug, { at: Date.now(), value });
  return value;
}

/** Every lab's newest published version (for lists). */
export async function listPublishedLabs(db: Db = getDb()): Promise<Array<{ lab: LabRecord; version: LabVersionRecord }>> {
  const [labs, newest] = await Promise.all([
    db.lab.findMany({ orderBy: { slug: "asc" } }),
    // The newest published version number of each lab (ids only; rows are read once, then cached).
    db.labVersion.groupBy({ by: ["labId"], where: { published: true }, _max: { version: true } }),
  ]);
  const wanted = newest.map((n) => ({ labId: n.labId, version: n._max.version! }));
  const known = new Map<string, LabVersionRecord>();
  for (const record of versionCache.values()) known.set(`${record.labId}:${record.version}`, record);
  const missing = wanted.filter((w) => !known.has(`${w.labId}:${w.version}`));
  if (missing.length) {
    const rows = await db.labVersion.findMany({ where: { OR: missing.map((w) => ({ labId: w.labId, version: w.version })) } });
    for (const row of rows) known.set(`${row.labId}:${row.version}`, toVersionRecord(row));
  }
  const versionOf = new Map(wanted.map((w) => [w.labId, known.get(`${w.labId}:${w.version}`)]));
  return labs.flatMap((lab) => {
    const version = versionOf.get(lab.id);
    return version ? [{ lab: { id: lab.id, slug: lab.slug, ownerId: lab.ownerId, visibility: lab.visibility as LabVisibility }, version }] : [];
  });
}

export async function findVersionById(id: string, db: Db = getDb()): Promise<LabVersionRecord | null> {
  const cached = versionCache.get(id);
  if (cached) return cached;
  const row = await db.labVersion.findUnique({ where: { id } });
  return row ? toVersionRecord(row) : null;
}

/** Forget cached "published" answers (after a save in this process). */
export function forgetPublished(slug?: string): void {
  if (slug) publishedCache.delete(slug);
  else publishedCache.clear();
}
