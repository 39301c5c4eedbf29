/**
 * Who a session belongs to, remembered for a few seconds.
 *
 * The session cookie carries only the user id; the role comes from the database so that a role
 * change or a deleted account takes effect without signing anyone out. Reading it on every
 * request cost a query per request; this keeps each answer for ACCOUNT_CACHE_TTL_MS and forgets
 * it at once when this process changes the user (forgetAccountUser — changeUserRole,
 * claimFirstAdmin). So a role change applies immediately on the instance that made it, and within
 * ACCOUNT_CACHE_TTL_MS on other instances sharing a PostgreSQL database (or after an edit made
 * straight in the database).
 *
 * Process-wide (on globalThis: Next.js bundles routes separately, and a role change made by the
 * admin page must reach every route's cache), bounded, and emptied when getDb() switches database.
 */
import { getDb, type Db } from "@/lib/db";
import type { AccountUser } from "./accounts";

export const ACCOUNT_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  user: AccountUser | null;
  at: number;
}

interface AccountCache {
  db: Db;
  entries: Map<string, Entry>;
  /** Bumped by every forget: a read that started before it must not store its (older) answer. */
  generation: number;
}

const holder = globalThis as typeof globalThis & { __lambdalabAccountCache?: AccountCache };

function cacheFor(db: Db): AccountCache {
  if (holder.__lambdalabAccountCache?.db !== db) holder.__lambdalabAccountCache = { db, entries: new Map(), generation: 0 };
  return holder.__lambdalabAccountCache;
}

/** The user with this id as `load` reads it, at most ACCOUNT_CACHE_TTL_MS old. */
export async function cachedAccountUser(id: string, load: (id: string) => Promise<AccountUser | null>, nowMs = Date.now()): Promise<AccountUser | null> {
  const cache = cacheFor(getDb());
  const hit = cache.entries.get(id);
  if (hit && nowMs - hit.at < ACCOUNT_CACHE_TTL_MS) return hit.user;
  const generation = cache.generation;
  const user = await load(id);
  if (cache.generation === generation && holder.__lambdalabAccountCache === cache) {
    cache.entries.delete(id);
    if (cache.entries.size >= MAX_ENTRIES) {
      const oldest = cache.entries.keys().next().value;
      if (oldest !== undefined) cache.entries.delete(oldest);
    }
    cache.entries.set(id, { user, at: nowMs });
  }
  return user;
}

/** Call after changing a user's role (or anything else AccountUser holds): the next request reads it fresh. */
export function forgetAccountUser(id?: string): void {
  const cache = holder.__lambdalabAccountCache;
  if (!cache) return;
  cache.generation++;
  if (id === undefined) cache.entries.clear();
  else cache.entries.delete(id);
}
