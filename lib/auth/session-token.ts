/**
 * The Auth.js session cookie, verified once per token instead of once per use.
 *
 * The cookie is an encrypted JWT (Auth.js's format: JWE "dir" + A256CBC-HS512, key derived with
 * HKDF from AUTH_SECRET and the cookie name as salt). Checking it costs an HKDF derivation and a
 * decryption — about 0.6 ms of CPU — and Auth.js's own session endpoint also re-encrypts it to
 * slide the expiry; a request used to pay that twice (proxy.ts, then auth() in the route). Here
 * the decryption is Auth.js's own `decode`, and its result is remembered per token string until
 * the token's own expiry: the same bytes decrypt to the same claims, and a tampered or foreign
 * cookie is a different string, so it is never a cache hit and is rejected as before.
 *
 * The cache is process-wide (on globalThis: Next.js bundles proxy.ts and each route separately,
 * and they must share it), bounded, and cleared when the secret changes.
 */
import { decode, encode, type JWT } from "next-auth/jwt";
import type { Env } from "@/lib/config/env";

/** How long a session lasts without activity (Auth.js's default, kept in lib/auth/config.ts). */
export const SESSION_MAX_AGE_SEC = 30 * 24 * 60 * 60;
/**
 * How often an active session's cookie is re-issued with a new 30-day expiry. Auth.js re-encrypts
 * a JWT session cookie on every request (its `session.updateAge` throttle applies to database
 * sessions only); once a day keeps the sliding 30 days — to within a day — without an encryption
 * per request. Same default as Auth.js's updateAge.
 */
export const SESSION_UPDATE_AGE_SEC = 24 * 60 * 60;

const BASE_NAME = "authjs.session-token";
const SECURE_PREFIX = "__Secure-";
/** Auth.js's limit for one cookie (4096 bytes minus the attributes); longer tokens are split. */
const CHUNK_SIZE = 4096 - 160;
const MAX_CACHED_TOKENS = 10_000;

export interface CookieLike {
  name: string;
  value: string;
}

interface Headerish {
  get(name: string): string | null;
}

/** What a verified session cookie says: the user id and the token's times (seconds). */
export interface SessionClaims extends JWT {
  sub: string;
  iat: number;
  exp: number;
}

export interface SessionCookie {
  /** The cookie name, which is also the JWT salt. */
  name: string;
  /** The token (chunks joined). */
  token: string;
  /** Every cookie that carries part of it (one, unless Auth.js had to split it). */
  cookieNames: string[];
}

export type SessionCheck =
  | { kind: "none" }
  | { kind: "invalid"; cookieNames: string[] }
  | { kind: "valid"; claims: SessionClaims; cookie: SessionCookie };

/**
 * Auth.js's rule for `__Secure-` cookies: the site URL is https — AUTH_URL when set, otherwise
 * the forwarded protocol of the request (next-auth lib/index.js createActionURL; @auth/core
 * `useSecureCookies = url.protocol === "https:"`).
 */
export function usesSecureCookies(headers: Headerish, env: Env = process.env): boolean {
  const configured = env.AUTH_URL?.trim() || env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).protocol === "https:";
    } catch {
      // Auth.js would refuse the URL too; fall back to the request.
    }
  }
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "https";
  return forwarded.replace(/:$/, "") === "https";
}

export function sessionCookieName(secure: boolean): string {
  return secure ? `${SECURE_PREFIX}${BASE_NAME}` : BASE_NAME;
}

/** The session token among the request's cookies: `name`, or Auth.js's chunks `name.0`, `name.1`, … joined in order. */
export function findSessionCookie(cookies: Iterable<CookieLike>, name: string): SessionCookie | null {
  const parts: { index: number; name: string; value: string }[] = [];
  for (const c of cookies) {
    if (!c.value) continue;
    if (c.name === name) parts.push({ index: 0, name: c.name, value: c.value });
    else if (c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1))) {
      parts.push({ index: Number(c.name.slice(name.length + 1)), name: c.name, value: c.value });
    }
  }
  if (!parts.length) return null;
  parts.sort((a, b) => a.index - b.index);
  return { name, token: parts.map((p) => p.value).join(""), cookieNames: parts.map((p) => p.name) };
}

interface TokenCache {
  secret: string;
  /** salt + token → claims; Map order is insertion order, so the first key is the oldest. */
  verified: Map<string, SessionClaims>;
}

const holder = globalThis as typeof globalThis & { __lambdalabSessionTokens?: TokenCache };

function cacheFor(secret: string): TokenCache {
  if (holder.__lambdalabSessionTokens?.secret !== secret) holder.__lambdalabSessionTokens = { secret, verified: new Map() };
  return holder.__lambdalabSessionTokens;
}

function remember(cache: TokenCache, key: string, claims: SessionClaims): void {
  if (cache.verified.size >= MAX_CACHED_TOKENS) {
    const oldest = cache.verified.keys().next().value;
    if (oldest !== undefined) cache.verified.delete(oldest);
  }
  cache.verified.set(key, claims);
}

function isClaims(payload: JWT | null): payload is SessionClaims {
  return !!payload && typeof payload.sub === "string" && payload.sub !== "" && typeof payload.iat === "number" && typeof payload.exp === "number";
}

/**
 * The claims of a session token, or null when it is forged, damaged, encrypted with another
 * secret or salt, expired, or carries no user id. Decrypts each distinct token once.
 */
export async function verifySessionToken(token: string, salt: string, secret: string, nowMs = Date.now()): Promise<SessionClaims | null> {
  const cache = cacheFor(secret);
  const key = `${salt}\u0000${token}`;
  const hit = cache.verified.get(key);
  if (hit) {
    if (hit.exp * 1000 > nowMs) return hit;
    cache.verified.delete(key);
    return null;
  }
  let payload: JWT | null;
  try {
    payload = await decode({ token, secret, salt });
  } catch {
    return null; // not decryptable with this secret and salt, or expired: signed out
  }
  if (!isClaims(payload) || payload.exp * 1000 <= nowMs) return null;
  remember(cache, key, payload);
  return payload;
}

/** Finds and verifies the request's session cookie. */
export async function checkSession(cookies: Iterable<CookieLike>, headers: Headerish, secret: string): Promise<SessionCheck> {
  const cookie = findSessionCookie(cookies, sessionCookieName(usesSecureCookies(headers)));
  if (!cookie) return { kind: "none" };
  const claims = await verifySessionToken(cookie.token, cookie.name, secret);
  return claims ? { kind: "valid", claims, cookie } : { kind: "invalid", cookieNames: cookie.cookieNames };
}

export interface IssuedCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
}

/**
 * A re-issued session cookie when the token is older than SESSION_UPDATE_AGE_SEC (same claims, new
 * iat/exp/jti — what Auth.js's session endpoint does on every call), else null. Tokens Auth.js had
 * to split over several cookies are left alone: ours carry an id, a name and an email, far below
 * the 4 KB a cookie holds, so that would take a foreign token.
 */
export async function refreshedSessionCookie(session: Extract<SessionCheck, { kind: "valid" }>, secret: string, nowMs = Date.now()): Promise<IssuedCookie | null> {
  const { claims, cookie } = session;
  if (nowMs / 1000 - claims.iat < SESSION_UPDATE_AGE_SEC || cookie.cookieNames.length !== 1) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...carried } = claims;
  const value = await encode({ token: carried, secret, salt: cookie.name, maxAge: SESSION_MAX_AGE_SEC });
  if (value.length > CHUNK_SIZE) return null;
  const fresh = await verifySessionToken(value, cookie.name, secret, nowMs);
  if (!fresh) return null;
  return {
    name: cookie.name,
    value,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: cookie.name.startsWith(SECURE_PREFIX), expires: new Date(fresh.exp * 1000) },
  };
}

/** For tests: forget every verified token. */
export function clearSessionTokenCache(): void {
  holder.__lambdalabSessionTokens = undefined;
}
