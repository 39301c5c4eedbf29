import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  SESSION_MAX_AGE_SEC,
  SESSION_UPDATE_AGE_SEC,
  checkSession,
  clearSessionTokenCache,
  findSessionCookie,
  refreshedSessionCookie,
  usesSecureCookies,
  verifySessionToken,
} from "./session-token";

// Count real decryptions: the point of the module is to do one per distinct token.
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...real, decode: (params: Parameters<typeof real.decode>[0]) => (decodes.count++, real.decode(params)) };
});

const SECRET = "test-secret-test-secret-test-secret-0123456";
const SALT = "authjs.session-token";
const mint = (token: Record<string, unknown>, opts: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token, secret: opts.secret ?? SECRET, salt: opts.salt ?? SALT, maxAge: opts.maxAge ?? SESSION_MAX_AGE_SEC });
const headers = (h: Record<string, string> = { "x-forwarded-proto": "http" }) => new Headers(h);

beforeEach(() => {
  clearSessionTokenCache();
  decodes.count = 0;
});

describe("verifySessionToken", () => {
  it("accepts an Auth.js token and decrypts each distinct token once", async () => {
    const token = await mint({ sub: "user-1", name: "Ada", email: "ada@example.com" });
    const first = await verifySessionToken(token, SALT, SECRET);
    expect(first).toMatchObject({ sub: "user-1", name: "Ada", email: "ada@example.com" });
    expect(await verifySessionToken(token, SALT, SECRET)).toEqual(first);
    expect(decodes.count).toBe(1);
    await verifySessionToken(await mint({ sub: "user-2" }), SALT, SECRET);
    expect(decodes.count).toBe(2);
  });

  it("refuses a tampered token, another salt (cookie name) and another secret", async () => {
    const token = await mint({ sub: "user-1" });
    await verifySessionToken(token, SALT, SECRET); // cached: must not help the others
    expect(await verifySessionToken(`${token.slice(0, -6)}AAAAAA`, SALT, SECRET)).toBeNull();
    expect(await verifySessionToken(token, `__Secure-${SALT}`, SECRET)).toBeNull();
    expect(await verifySessionToken(token, SALT, `${SECRET}-rotated`)).toBeNull();
    expect(await verifySessionToken("not-a-jwt", SALT, SECRET)).toBeNull();
  });

  it("refuses an expired token, also once it is cached", async () => {
    expect(await verifySessionToken(await mint({ sub: "user-1" }, { maxAge: -60 }), SALT, SECRET)).toBeNull();
    const token = await mint({ sub: "user-1" }, { maxAge: 60 });
    expect(await verifySessionToken(token, SALT, SECRET)).not.toBeNull();
    expect(await verifySessionToken(token, SALT, SECRET, Date.now() + 61_000)).toBeNull();
  });

  it("refuses a token without a user id", async () => {
    expect(await verifySessionToken(await mint({ name: "nobody" }), SALT, SECRET)).toBeNull();
  });
});

describe("findSessionCookie", () => {
  it("joins Auth.js's chunks in numeric order and ignores look-alike names", () => {
    const cookies = [
      { name: `${SALT}.10`, value: "k" },
      { name: `${SALT}.2`, value: "c" },
      { name: `${SALT}.0`, value: "a" },
      { name: `${SALT}.1`, value: "b" },
      { name: `${SALT}-other`, value: "x" },
      { name: `${SALT}.x`, value: "y" },
      { name: "theme", value: "dark" },
    ];
    expect(findSessionCookie(cookies, SALT)).toEqual({ name: SALT, token: "abck", cookieNames: [`${SALT}.0`, `${SALT}.1`, `${SALT}.2`, `${SALT}.10`] });
    expect(findSessionCookie([{ name: "theme", value: "dark" }], SALT)).toBeNull();
    expect(findSessionCookie([{ name: SALT, value: "" }], SALT)).toBeNull();
  });
});

describe("usesSecureCookies (Auth.js's rule)", () => {
  it("follows AUTH_URL when set, else the forwarded protocol, https by default", () => {
    expect(usesSecureCookies(headers(), { AUTH_URL: "https://lab.example.com" })).toBe(true);
    expect(usesSecureCookies(headers({ "x-forwarded-proto": "https" }), { AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(usesSecureCookies(headers({ "x-forwarded-proto": "http" }), {})).toBe(false);
    expect(usesSecureCookies(headers({ "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(usesSecureCookies(new Headers(), {})).toBe(true);
  });
});

describe("checkSession", () => {
  it("tells no cookie, an invalid one (with the cookies to delete) and a valid one apart", async () => {
    expect(await checkSession([{ name: "theme", value: "dark" }], headers(), SECRET)).toEqual({ kind: "none" });
    expect(await checkSession([{ name: SALT, value: "forged" }], headers(), SECRET)).toEqual({ kind: "invalid", cookieNames: [SALT] });
    const token = await mint({ sub: "user-1" });
    expect(await checkSession([{ name: SALT, value: token }], headers(), SECRET)).toMatchObject({ kind: "valid", claims: { sub: "user-1" }, cookie: { name: SALT } });
    // On https Auth.js names the cookie __Secure-…, with that name as the salt: the plain one is not read.
    expect(await checkSession([{ name: SALT, value: token }], headers({ "x-forwarded-proto": "https" }), SECRET)).toEqual({ kind: "none" });
    const secure = await mint({ sub: "user-1" }, { salt: `__Secure-${SALT}` });
    expect(await checkSession([{ name: `__Secure-${SALT}`, value: secure }], headers({ "x-forwarded-proto": "https" }), SECRET)).toMatchObject({ kind: "valid" });
  });
});

describe("refreshedSessionCookie", () => {
  it("re-issues the cookie only once the token is older than a day, with the same claims and a new expiry", async () => {
    const token = await mint({ sub: "user-1", name: "Ada", email: "ada@example.com" });
    const session = await checkSession([{ name: SALT, value: token }], headers(), SECRET);
    if (session.kind !== "valid") throw new Error("expected a valid session");
    expect(await refreshedSessionCookie(session, SECRET)).toBeNull();
    expect(await refreshedSessionCookie(session, SECRET, Date.now() + (SESSION_UPDATE_AGE_SEC - 60) * 1000)).toBeNull();

    const later = Date.now() + (SESSION_UPDATE_AGE_SEC + 60) * 1000;
    const issued = await refreshedSessionCookie(session, SECRET, later);
    expect(issued).toMatchObject({ name: SALT, options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } });
    expect(issued!.value).not.toBe(token);
    const claims = await verifySessionToken(issued!.value, SALT, SECRET);
    expect(claims).toMatchObject({ sub: "user-1", name: "Ada", email: "ada@example.com" });
    expect(claims!.jti).not.toBe(session.claims.jti);
    expect(issued!.options.expires.getTime()).toBe(claims!.exp * 1000);
    expect(claims!.exp).toBeGreaterThanOrEqual(session.claims.exp);
  });

  it("marks a __Secure- cookie Secure", async () => {
    const name = `__Secure-${SALT}`;
    const session = await checkSession([{ name, value: await mint({ sub: "user-1" }, { salt: name }) }], headers({ "x-forwarded-proto": "https" }), SECRET);
    if (session.kind !== "valid") throw new Error("expected a valid session");
    const issued = await refreshedSessionCookie(session, SECRET, Date.now() + 2 * SESSION_UPDATE_AGE_SEC * 1000);
    expect(issued).toMatchObject({ name, options: { secure: true } });
  });
});
