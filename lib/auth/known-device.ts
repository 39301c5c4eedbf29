import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * "Known devices" for sign-in limits (OWASP, "Slow Down Online Guessing Attacks with Device
 * Cookies"): after a browser signs in to an account with its password, it keeps a cookie holding a
 * tag for that account — an HMAC of the email under AUTH_SECRET, so it cannot be forged or read
 * back into an email. When strangers have spent an account's sign-in budget (lib/auth/accounts.ts),
 * browsers holding its tag may still sign in: an attacker cannot lock the owner out of their own laptop.
 */
export const KNOWN_DEVICE_COOKIE = "lambdalab.known-device";
export const KNOWN_DEVICE_MAX_AGE_SEC = 365 * 24 * 60 * 60;
/** Tags kept per browser (a shared classroom computer remembers its last few accounts). */
const MAX_TAGS = 10;

function tagFor(secret: string, email: string): string {
  return createHmac("sha256", secret).update(`known-device:${email}`).digest("base64url").slice(0, 22);
}

function tagsIn(cookieValue: string | undefined): string[] {
  return (cookieValue ?? "")
    .split(".")
    .filter((t) => /^[\w-]{22}$/.test(t))
    .slice(0, MAX_TAGS);
}

/** Whether this browser signed in to `email` before (the email must be normalised). */
export function isKnownDevice(cookieValue: string | undefined, secret: string, email: string): boolean {
  const expected = Buffer.from(tagFor(secret, email));
  return tagsIn(cookieValue).some((t) => timingSafeEqual(Buffer.from(t), expected));
}

/** The cookie value after a successful sign-in to `email`: its tag first, older ones after. */
export function rememberDevice(cookieValue: string | undefined, secret: string, email: string): string {
  const tag = tagFor(secret, email);
  return [tag, ...tagsIn(cookieValue).filter((t) => t !== tag)].slice(0, MAX_TAGS).join(".");
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
