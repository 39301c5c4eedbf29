import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/config";
import { checkSession, refreshedSessionCookie } from "@/lib/auth/session-token";

// Keeps every page but the landing, sign-in and sign-up pages behind a session: a visitor without
// one is sent to sign-in (and comes back afterwards). This only checks that the session cookie is
// genuine and unexpired — Next.js's "optimistic check" (https://nextjs.org/docs/app/guides/authentication);
// pages, actions and routes check the user and role themselves (lib/auth requireUser/requireRole,
// lib/actions). It needs no database: the cookie is verified with Auth.js's own decode, once per
// distinct token (lib/auth/session-token.ts), and auth() in the page reuses that verification.
//
// API routes (/api/*) do not pass through here: each one authenticates in its own pipeline
// (jsonRoute → runProcedure answers 401 JSON without a valid session), and
// tests/integration/authz-matrix.test.ts calls every route in the tree without this proxy to prove
// it. Running the proxy in front of them as well cost ~0.7 ms of CPU per API request.

const PUBLIC_PAGES = new Set(["/", "/sign-in", "/sign-up"]);

export default async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const secret = authSecret();
  const session = await checkSession(request.cookies.getAll(), request.headers, secret);

  if (session.kind === "valid") {
    const response = NextResponse.next();
    // An active session slides: its cookie is re-issued with a fresh 30-day expiry once a day.
    const refreshed = await refreshedSessionCookie(session, secret);
    if (refreshed) response.cookies.set(refreshed.name, refreshed.value, refreshed.options);
    return response;
  }

  let response: NextResponse;
  if (PUBLIC_PAGES.has(pathname)) {
    response = NextResponse.next();
  } else {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  }
  // A cookie that failed verification (forged, expired, or signed with an old secret) is dropped:
  // the visitor is simply signed out. (A __Secure- cookie can only be replaced by a Secure one.)
  if (session.kind === "invalid") {
    console.warn("auth: ignored an invalid session cookie (signed out)");
    for (const name of session.cookieNames) response.cookies.delete({ name, path: "/", secure: name.startsWith("__Secure-") });
  }
  return response;
}

export const config = {
  // Every page: not the API (see above), Next.js's static assets, or files with an extension (icons, images).
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
