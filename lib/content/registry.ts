import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getPgPool, type Db } from "@/lib/db";

/** What a loader gets: the database, the project root (content/, labs/ live there) and a logger. */
export interface ContentLoadContext {
  db: Db;
  root: string;
  log: (message: string) => void;
}

export interface ContentLoader {
  /** Stable id, e.g. "srs.decks"; also the key under which its last load is remembered. */
  id: string;
  /** One line for the start-up log, e.g. "built-in flashcard decks". */
  description: string;
  /**
   * Identifies the built-in content this loader would load (e.g. a hash of its files, see
   * `hashFiles`). When it matches the last successful load, the loader is skipped, so a second
   * start adds nothing; when the content changes (a new release), it runs again.
   */
  fingerprint(root: string): string;
  /**
   * Loads the content. Must be idempotent — add what is missing, never duplicate: it runs again
   * whenever the fingerprint changes, and after a crash half-way through.
   */
  load(ctx: ContentLoadContext): Promise<{ added: number }>;
}

/** A loader's fingerprint from the contents of files under the project root (globs not needed). */
export function hashFiles(root: string, relativePaths: string[]): string {
  const h = createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return h.update(`missing:${rel}\n`);
    if (fs.statSync(abs).isDirectory()) {
      for (const child of fs.readdirSync(abs).sort()) visit(path.join(rel, child));
      return;
    }
    h.update(`file:${rel}\n`).update(fs.readFileSync(abs));
  };
  for (const rel of relativePaths) visit(rel);
  return h.digest("hex");
}

export interface ContentLoadReport {
  id: string;
  status: "loaded" | "unchanged" | "failed";
  added: number;
  error?: string;
}

const settingKey = (id: string) => `content:${id}`;

// PostgreSQL advisory lock key ("LLC1") held while loading, so several instances starting at
// once load the content once: the others wait, then find the fingerprints current.
const CONTENT_LOAD_LOCK = 0x4c4c4331;

async function underLoadLock<T>(fn: () => Promise<T>): Promise<T> {
  const pool = getPgPool();
  if (!pool) return fn(); // SQLite: one process serves a database file
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [CONTENT_LOAD_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [CONTENT_LOAD_LOCK]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

/** The first line of an error that says something (Prisma's messages start with a blank line). */
function firstLine(error: unknown): string {
  const text = String((error as Error)?.message ?? error);
  return text.split("\n").map((l) => l.trim()).find(Boolean) ?? (error as Error)?.name ?? "unknown error";
}

/**
 * Runs each loader whose content changed since its last successful load, and remembers the new
 * fingerprint (in the Setting table). A failing loader is reported and retried on the next start;
 * the others still run. On PostgreSQL the whole run holds an advisory lock (instances starting
 * together load once).
 */
export async function loadBuiltInContent(loaders: readonly ContentLoader[], ctx: ContentLoadContext): Promise<ContentLoadReport[]> {
  const ids = new Set<string>();
  for (const l of loaders) {
    if (ids.has(l.id)) throw new Error(`two content loaders share the id "${l.id}"`);
    ids.add(l.id);
  }
  return underLoadLock(() => runLoaders(loaders, ctx));
}

async function runLoaders(loaders: readonly ContentLoader[], ctx: ContentLoadContext): Promise<ContentLoadReport[]> {
  const reports: ContentLoadReport[] = [];
  for (const loader of loaders) {
    const key = settingKey(loader.id);
    try {
      const fingerprint = loader.fingerprint(ctx.root);
      const previous = await ctx.db.setting.findUnique({ where: { key } });
      if (previous?.value === fingerprint) {
        reports.push({ id: loader.id, status: "unchanged", added: 0 });
        continue;
      }
      const { added } = await loader.load(ctx);
      await ctx.db.setting.upsert({ where: { key }, create: { key, value: fingerprint }, update: { value: fingerprint } });
      reports.push({ id: loader.id, status: "loaded", added });
    } catch (error) {
      reports.push({ id: loader.id, status: "failed", added: 0, error: firstLine(error) });
    }
  }
  return reports;
}
