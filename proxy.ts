import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authBaseConfig, authSecret } from "@/lib/auth/config";

// Keeps every page but the landing, sign-in and sign-up pages behind a session: pages redirect
// to sign-in (and come back afterwards), APIs answer 401 JSON. This only checks that the session
// cookie is genuine and unexpired; pages, actions and routes still check the user and role
// themselves (lib/auth requireUser/requireRole, lib/actions) — the proxy is a first gate, not
// the only one. It needs no database: the Auth.js base config alone verifies the cookie.
const { auth } = NextAuth(() => ({ ...authBaseConfig, secret: authSecret() }));

const PUBLIC_PAGES = new Set(["/", "/sign-in", "/sign-up"]);
const isPublicApi = (path: string) => path.startsWith("/api/auth/") || path === "/api/health";
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

// With a lazy config (the secret is read per request, never at build time) NextAuth's auth(fn)
// returns a promise of the wrapped handler.
const gate = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.has(pathname) || isPublicApi(pathname)) return NextResponse.next();
  if (request.auth?.user) return NextResponse.next();

  let response: NextResponse;
  if (pathname.startsWith("/api/")) {
    response = NextResponse.json({ ok: false, code: "unauthenticated", error: "Sign in first.", fieldErrors: {} }, { status: 401 });
  } else {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  }
  // A cookie that failed verification (forged, or signed with an old secret) is dropped: the
  // visitor is simply signed out.
  for (const cookie of request.cookies.getAll()) if (SESSION_COOKIE.test(cookie.name)) response.cookies.delete(cookie.name);
  return response;
}) as unknown as Promise<(request: NextRequest, event: NextFetchEvent) => Promise<Response>>;

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  return (await gate)(request, event);
}

export const config = {
  // Everything except Next.js's static assets and files with an extension (icons, images).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};
