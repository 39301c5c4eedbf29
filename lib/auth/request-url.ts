import type { NextRequest } from "next/server";
import type { Env } from "@/lib/config/env";

/**
 * The request as the browser addressed it, for Auth.js's route handlers (/api/auth/*).
 *
 * `next start` hands route handlers a URL built from the server's own address
 * (http://localhost:3000/…), whatever Host the browser sent (nextauthjs/next-auth#10928, #12814).
 * Auth.js derives the OpenID Connect redirect_uri and its redirects from that URL, so without
 * this a sign-in started at https://lab.example.com would send the IdP back to localhost: the
 * token request fails (invalid_grant) and the browser lands on localhost. Server actions already
 * use the Host / X-Forwarded-Host header (@auth/core createActionURL with trustHost); this applies
 * the same rule here. AUTH_URL, when set, wins (next-auth's reqWithEnvURL handles it). Auth.js
 * reads only the standard Request fields when AUTH_URL is unset, so a plain Request will do.
 */
export function requestAsAddressed(req: NextRequest, env: Env = process.env): NextRequest | Request {
  if (env.AUTH_URL?.trim() || env.NEXTAUTH_URL?.trim()) return req;
  const host = first(req.headers.get("x-forwarded-host")) ?? first(req.headers.get("host"));
  if (!host) return req;
  const forwardedProto = first(req.headers.get("x-forwarded-proto"))?.toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : req.nextUrl.protocol.replace(/:$/, "");
  let origin: string;
  try {
    const parsed = new URL(`${proto}://${host}`);
    // A Host header is a host and an optional port, nothing else.
    if (parsed.pathname !== "/" || parsed.username || parsed.password || parsed.search || parsed.hash) return req;
    origin = parsed.origin;
  } catch {
    return req;
  }
  const current = new URL(req.url);
  if (current.origin === origin) return req;
  // A plain Request, not a NextRequest: NextURL rewrites 127.0.0.1 and [::1] to "localhost", which
  // is not what the browser (or the IdP's registered redirect URI) says.
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`${origin}${current.pathname}${current.search}`, {
    method: req.method,
    headers: req.headers,
    body: hasBody ? req.body : undefined,
    signal: req.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

function first(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}
