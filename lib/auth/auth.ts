import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { authenticateWithPassword } from "./accounts";
import { isKnownDevice, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SEC, readCookie, rememberDevice } from "./known-device";
import { lambdaLabAdapter } from "./adapter";
import { authBaseConfig, authSecret } from "./config";
import { oidcProviderFromEnv } from "./oidc";
import { requestAsAddressed } from "./request-url";
import { signInSchema } from "./schemas";
import { checkSession } from "./session-token";

/** Wrong email or password (deliberately the same for both: no account enumeration). */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** Over a sign-in limit; the code carries the wait in seconds ("rate_limited:900"). */
export class SignInRateLimited extends CredentialsSignin {
  constructor(readonly retryAfterSec: number) {
    super();
    this.code = `rate_limited:${retryAfterSec}`;
  }
}

// Every password sign-in — through our server action or a direct POST to
// /api/auth/callback/credentials — goes through authorize(), so the limits cannot be skipped.
const credentials = Credentials({
  id: "credentials",
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, request) {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) throw new InvalidCredentials();
    const { email, password } = parsed.data;
    const secret = authSecret();
    const deviceCookie = readCookie(request.headers.get("cookie"), KNOWN_DEVICE_COOKIE);
    const knownDevice = isKnownDevice(deviceCookie, secret, email);
    const result = await authenticateWithPassword(email, password, clientIp(request.headers), { knownDevice });
    if (result.ok) {
      await rememberThisDevice(rememberDevice(deviceCookie, secret, email), request.headers);
      return { id: result.user.id, email: result.user.email, name: result.user.name };
    }
    throw result.reason === "rate_limited" ? new SignInRateLimited(result.retryAfterSec) : new InvalidCredentials();
  },
});

const nextAuth = NextAuth(() => {
  const oidc = oidcProviderFromEnv();
  return {
    ...authBaseConfig,
    secret: authSecret(),
    adapter: lambdaLabAdapter(),
    providers: [credentials, ...(oidc ? [oidc] : [])],
  };
});

export const { signIn, signOut } = nextAuth;

/** Sets the known-device cookie (lib/auth/known-device.ts) on the sign-in response. */
async function rememberThisDevice(value: string, requestHeaders: Headers): Promise<void> {
  try {
    (await cookies()).set(KNOWN_DEVICE_COOKIE, value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: KNOWN_DEVICE_MAX_AGE_SEC,
      secure: requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https",
    });
  } catch (error) {
    // Outside a route handler or server action cookies cannot be set; the sign-in still counts.
    console.warn(`auth: could not remember this device: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** Auth.js's endpoints, seeing the URL the browser used (request-url.ts: the OIDC redirect_uri depends on it). */
export const handlers = {
  GET: (req: NextRequest) => nextAuth.handlers.GET(requestAsAddressed(req) as NextRequest),
  POST: (req: NextRequest) => nextAuth.handlers.POST(requestAsAddressed(req) as NextRequest),
};

/**
 * The session of the current request (server components, route handlers, server actions) — what
 * NextAuth's `auth()` returns there, `{ user: { id } }` or null, without its cost: NextAuth runs
 * its whole session endpoint per call (config, providers, decrypt, then re-encrypt the cookie,
 * whose Set-Cookie it drops in this context). Here the cookie is verified by Auth.js's decode,
 * once per token and shared with proxy.ts (lib/auth/session-token.ts); proxy.ts slides the expiry.
 */
export async function auth(): Promise<Session | null> {
  const session = await checkSession((await cookies()).getAll(), await headers(), authSecret());
  if (session.kind !== "valid") return null;
  return { user: { id: session.claims.sub }, expires: new Date(session.claims.exp * 1000).toISOString() };
}
