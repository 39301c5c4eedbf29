import { ActionError, fieldError } from "@/lib/actions/errors";
import { getDb, isUniqueViolation, Role, type User } from "@/lib/db";
import { consume, describeWait, resetKey, reward, type RateLimitRule } from "@/lib/rate-limit";
import { claimFirstAdmin } from "./first-admin";
import { hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./schemas";

/** What the rest of the app knows about the signed-in person (never the password hash). */
export type AccountUser = Pick<User, "id" | "email" | "name" | "role">;

const publicFields = { id: true, email: true, name: true, role: true } as const;

/**
 * Creates an email+password account. The first account of the instance becomes admin
 * (first-admin.ts). A taken email is a field error on "email"; nothing is written.
 */
export async function registerWithPassword(input: SignUpInput): Promise<AccountUser> {
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  let user: AccountUser;
  try {
    user = await db.user.create({
      data: { email: input.email, name: input.name ?? null, passwordHash, role: Role.learner },
      select: publicFields,
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw fieldError("email", "An account with this email already exists. Sign in instead?", "conflict");
    throw error;
  }
  if (await claimFirstAdmin(user.id)) user = { ...user, role: Role.admin };
  return user;
}

// Brute-force limits for password sign-in. Both are spent *before* the password is checked
// (atomically, so parallel guesses cannot slip through), then handed back on success:
// - per account: 5 wrong passwords in 15 minutes lock that account's password sign-in for 15 minutes;
// - per client IP: 30 failed attempts in 15 minutes (generous: a classroom shares one address).
export const SIGN_IN_ACCOUNT_LIMIT: RateLimitRule = { name: "sign-in:account", points: 5, durationSec: 15 * 60, blockSec: 15 * 60 };
export const SIGN_IN_IP_LIMIT: RateLimitRule = { name: "sign-in:ip", points: 30, durationSec: 15 * 60, blockSec: 15 * 60 };

export type PasswordCheck =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSec: number };

/** Checks an email and password, enforcing the sign-in limits. The email must be normalised. */
export async function authenticateWithPassword(email: string, password: string, ip: string): Promise<PasswordCheck> {
  const byIp = await consume(SIGN_IN_IP_LIMIT, ip);
  if (!byIp.allowed) return { ok: false, reason: "rate_limited", retryAfterSec: byIp.retryAfterSec };
  const byAccount = await consume(SIGN_IN_ACCOUNT_LIMIT, email);
  if (!byAccount.allowed) return { ok: false, reason: "rate_limited", retryAfterSec: byAccount.retryAfterSec };
  const record = await getDb().user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
  // verifyPassword spends the same time whether or not the account exists.
  if (!(await verifyPassword(record?.passwordHash, password)) || !record) {
    return { ok: false, reason: "invalid_credentials" };
  }
  await Promise.all([resetKey(SIGN_IN_ACCOUNT_LIMIT, email), reward(SIGN_IN_IP_LIMIT, ip)]);
  const { passwordHash: _omit, ...user } = record;
  return { ok: true, user };
}

export function rateLimitedError(retryAfterSec: number): ActionError {
  return new ActionError(
    "rate_limited",
    `Too many sign-in attempts. Try again in ${describeWait(retryAfterSec)}.`,
    {},
    retryAfterSec,
  );
}

/** The account behind a session, or null when it no longer exists. */
export async function findAccountUser(id: string): Promise<AccountUser | null> {
  return getDb().user.findUnique({ where: { id }, select: publicFields });
}
