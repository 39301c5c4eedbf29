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

// Brute-force limits for password sign-in, spent *before* the password is checked (atomically, so
// parallel guesses cannot slip through) and handed back on success. None of them lets a stranger
// lock the owner out (a hard per-account lock would: anyone could keep any account locked):
// - per account AND address: 5 wrong passwords in 15 minutes make that address wait 15 minutes for
//   that account — the owner elsewhere is not affected;
// - per address: 30 failed attempts in 15 minutes (generous: a classroom shares one address);
// - per account, over all addresses, in two steps (a backoff): 20 in an hour, then 100 in a day.
//   Once spent, browsers that have never signed in to the account wait (an hour, then a day);
//   browsers that have (a known-device cookie, lib/auth/known-device.ts) still get in. This stops
//   guessing spread over many addresses without locking the owner's own devices.
// On PostgreSQL all of them live in the rate_limits table: several instances share one budget.
export const SIGN_IN_ACCOUNT_IP_LIMIT: RateLimitRule = { name: "sign-in:account-ip", points: 5, durationSec: 15 * 60, blockSec: 15 * 60 };
export const SIGN_IN_IP_LIMIT: RateLimitRule = { name: "sign-in:ip", points: 30, durationSec: 15 * 60, blockSec: 15 * 60 };
export const SIGN_IN_ACCOUNT_LIMIT: RateLimitRule = { name: "sign-in:account", points: 20, durationSec: 60 * 60, blockSec: 60 * 60 };
export const SIGN_IN_ACCOUNT_DAY_LIMIT: RateLimitRule = { name: "sign-in:account-day", points: 100, durationSec: 24 * 60 * 60, blockSec: 24 * 60 * 60 };
const ACCOUNT_STEPS = [SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_ACCOUNT_DAY_LIMIT];

export type PasswordCheck =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSec: number };

/**
 * Checks an email and password, enforcing the sign-in limits. The email must be normalised.
 * `knownDevice`: this browser signed in to this account before (lib/auth/known-device.ts).
 */
export async function authenticateWithPassword(
  email: string,
  password: string,
  ip: string,
  { knownDevice = false }: { knownDevice?: boolean } = {},
): Promise<PasswordCheck> {
  const byIp = await consume(SIGN_IN_IP_LIMIT, ip);
  if (!byIp.allowed) return { ok: false, reason: "rate_limited", retryAfterSec: byIp.retryAfterSec };
  const accountIpKey = `${email}|${ip}`;
  const byAccountIp = await consume(SIGN_IN_ACCOUNT_IP_LIMIT, accountIpKey);
  if (!byAccountIp.allowed) return { ok: false, reason: "rate_limited", retryAfterSec: byAccountIp.retryAfterSec };
  const steps = await Promise.all(ACCOUNT_STEPS.map((rule) => consume(rule, email)));
  const waits = steps.flatMap((s) => (s.allowed ? [] : [s.retryAfterSec]));
  if (waits.length && !knownDevice) return { ok: false, reason: "rate_limited", retryAfterSec: Math.max(...waits) };

  const record = await getDb().user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
  // verifyPassword spends the same time whether or not the account exists.
  if (!(await verifyPassword(record?.passwordHash, password)) || !record) {
    return { ok: false, reason: "invalid_credentials" };
  }
  // Success: this address's mistakes for this account are forgiven, and the shared budgets get
  // their point back. The account-wide count of failures stays: it is other people's guessing.
  await Promise.all([
    resetKey(SIGN_IN_ACCOUNT_IP_LIMIT, accountIpKey),
    reward(SIGN_IN_IP_LIMIT, ip),
    ...ACCOUNT_STEPS.map((rule, i) => (steps[i].allowed ? reward(rule, email) : Promise.resolve())),
  ]);
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
