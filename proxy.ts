import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/config";
import { checkSession, refreshedSessionCookie } from "@/lib/auth/session-token";

// Keeps every page but the landing, sign-in and sign-up pages behind a session: pages redirect
// to sign-in (and come back afterwards), APIs answer 401 JSON. This only checks that the session
// cookie is genuine and unexpired; pages, actions and routes still check the user and role
// themselves (lib/auth requireUser/requireRole, lib/actions) — the proxy is a first gate, not
// the only one (Next.js: "Proxy … for optimistic checks", https://nextjs.org/docs/app/guides/authentication).
// It needs no database. The cookie is verified with Auth.js's own decode, once per distinct token
// (lib/auth/session-token.ts); the route's auth() reuses that verification.

const PUBLIC_PAGES = new Set(["/", "/sign-in", "/sign-up"]);
// Auth.js's own endpoints read and write the session cookie themselves; the health probe carries none.
const isUntouchedApi = (path: string) => path.startsWith("/api/auth/") || path === "/api/health";

export default async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (isUntouchedApi(pathname)) return NextResponse.next();
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
  } else if (pathname.startsWith("/api/")) {
    response = NextResponse.json({ ok: false, code: "unauthenticated", error: "Sign in first.", fieldErrors: {} }, { status: 401 });
  } else {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  }
  // A cookie that failed verification (forged, expired, or signed with an old secret) is dropped:
  // the visitor is simply signed out.
  if (session.kind === "invalid") {
    console.warn("auth: ignored an invalid session cookie (signed out)");
    // (A __Secure- cookie can only be replaced by a Secure one, so the deletion says Secure too.)
    for (const name of session.cookieNames) response.cookies.delete({ name, path: "/", secure: name.startsWith("__Secure-") });
  }
  return response;
}

export const config = {
  // Everything except Next.js's static assets and files with an extension (icons, images).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
