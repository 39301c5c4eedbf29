import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getDatabaseConfig, getPgPool } from "@/lib/db";

/** A named budget: `points` per `durationSec`; once spent, the key is refused for `blockSec`. */
export interface RateLimitRule {
  /** Unique name; also separates this rule's keys in the store (e.g. "sign-in:account"). */
  name: string;
  points: number;
  durationSec: number;
  /** How long a key stays refused once over budget (default: until the window ends). */
  blockSec?: number;
}

export type RateLimitOutcome = { allowed: true; remaining: number } | { allowed: false; retryAfterSec: number };

// Where limits live follows the database: in memory on SQLite (one process serves a SQLite
// database), in PostgreSQL's rate_limits table otherwise, so several instances share one budget.
// The table comes from our migrations (prisma/schema.prisma, model RateLimit), hence tableCreated.
const holder = globalThis as typeof globalThis & { __lambdalabLimiters?: Map<string, RateLimiterAbstract> };

function limiterFor(rule: RateLimitRule): RateLimiterAbstract {
  const store = getDatabaseConfig();
  const cacheKey = `${store.url}|${rule.name}|${rule.points}|${rule.durationSec}|${rule.blockSec ?? 0}`;
  holder.__lambdalabLimiters ??= new Map();
  let limiter = holder.__lambdalabLimiters.get(cacheKey);
  if (limiter) return limiter;
  const options = { keyPrefix: rule.name, points: rule.points, duration: rule.durationSec, blockDuration: rule.blockSec ?? 0 };
  const pool = getPgPool();
  limiter =
    store.provider === "postgresql" && pool
      ? new RateLimiterPostgres({
          ...options,
          storeClient: pool,
          storeType: "pool",
          tableName: "rate_limits",
          tableCreated: true,
          // If PostgreSQL hiccups, keep limiting in this process rather than failing every request.
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  holder.__lambdalabLimiters.set(cacheKey, limiter);
  return limiter;
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Spends `points` from `key`'s budget, atomically (safe under concurrent requests). */
export async function consume(rule: RateLimitRule, key: string, points = 1): Promise<RateLimitOutcome> {
  try {
    const res = await limiterFor(rule).consume(key, points);
    return { allowed: true, remaining: res.remainingPoints };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSec: retryAfter(rejection) };
    throw rejection;
  }
}

/** Gives points back, e.g. a successful sign-in should not count against a shared IP. */
export async function reward(rule: RateLimitRule, key: string, points = 1): Promise<void> {
  await limiterFor(rule).reward(key, points);
}

/** Forgets a key, e.g. an account's failed attempts after it signs in. */
export async function resetKey(rule: RateLimitRule, key: string): Promise<void> {
  await limiterFor(rule).delete(key);
}

/** "3 minutes", "45 seconds" — for messages. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
