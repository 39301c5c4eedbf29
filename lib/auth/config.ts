import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { dataDir } from "@/lib/db/config";
import { SESSION_MAX_AGE_SEC } from "./session-token";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

/**
 * AUTH_SECRET, or the one kept in the data folder. `npm start`/`npm run dev` put it in the
 * environment; reading the file too lets a bare `next dev` / `next start` work the same way.
 * Called per request (NextAuth's lazy config), never at import: a build must not mint a secret.
 */
let cached: { key: string; secret: string } | null = null;

export function authSecret(): string {
  const key = `${process.env.AUTH_SECRET ?? ""}|${dataDir()}`;
  if (cached?.key !== key) cached = { key, secret: ensureAuthSecret(process.env, dataDir()).secret };
  return cached.secret;
}

/**
 * The part of the Auth.js configuration that needs no database: proxy.ts uses it alone to tell a
 * valid session cookie from a missing or forged one. lib/auth/auth.ts adds providers and adapter.
 *
 * Sessions are JWTs (required for credentials sign-in); the token carries only the user id
 * (`sub`). The role is read from the database (lib/auth/session.ts, through a few-second cache
 * that a role change clears: lib/auth/account-cache.ts), so a role change or a deleted account
 * takes effect without signing anyone out. proxy.ts and auth() verify the cookie themselves
 * (lib/auth/session-token.ts) with Auth.js's decode; this config serves sign-in and sign-out.
 */
export const authBaseConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SEC },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // A wrong password or a forged/expired cookie is normal traffic: one line, no stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "JWTSessionError") return void console.warn("auth: ignored an invalid session cookie (signed out)");
      console.error(`auth: ${type}: ${describeAuthError(error)}`);
    },
    warn(code) {
      console.warn(`auth: warning ${code}`);
    },
    debug() {},
  },
} satisfies NextAuthConfig;

/**
 * One line an operator can act on. Auth.js wraps the real failure (an IdP's "invalid_grant", an
 * unreachable issuer, an adapter error) in `cause.err` and leaves only "Read more at …" in the
 * message — the sign-in page tells people to check the server log, so the log must say what failed.
 */
export function describeAuthError(error: Error): string {
  const firstLine = (e: Error) => e.message.split("\n")[0];
  const inner = (error.cause as { err?: unknown } | undefined)?.err;
  if (!(inner instanceof Error)) return firstLine(error);
  // oauth4webapi's ResponseBodyError carries the IdP's answer (RFC 6749 §5.2) in error / error_description.
  const oauth = inner as { error?: unknown; error_description?: unknown };
  const deeper =
    typeof oauth.error === "string"
      ? ` (${oauth.error}${typeof oauth.error_description === "string" ? `: ${oauth.error_description}` : ""})`
      : inner.cause instanceof Error
        ? ` (${firstLine(inner.cause)})`
        : "";
  return `${inner.name === "Error" ? "" : `${inner.name}: `}${firstLine(inner)}${deeper} — ${firstLine(error).replace(/^Read more at /, "see ")}`;
}
