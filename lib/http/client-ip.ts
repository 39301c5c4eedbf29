import type { Env } from "@/lib/config/env";

/**
 * AUTH_TRUST_PROXY: how many reverse proxies you run in front of Lambda Lab (nginx, Caddy, a load
 * balancer), each appending the address it saw to X-Forwarded-For. 0 (default) trusts no proxy:
 * the client is the machine that opened the connection. Throws on anything but a small integer;
 * scripts/prepare.ts reports that at start-up.
 */
export function trustedProxyHops(env: Env = process.env): number {
  const raw = env.AUTH_TRUST_PROXY?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw)) {
    throw new Error(`AUTH_TRUST_PROXY must be the number of reverse proxies in front of Lambda Lab: 0, 1, 2… (got "${raw}")`);
  }
  return Number(raw);
}

/**
 * The client's address, for per-IP limits (sign-in, sign-up, actions).
 *
 * The server itself appends the TCP peer's address to X-Forwarded-For (scripts/peer-address.cjs,
 * loaded by `npm start`/`npm run dev`), so the right-most entry is the machine that connected to
 * us, and each of the AUTH_TRUST_PROXY proxies in front added the entry before that. We walk back
 * exactly that many entries: whatever a client writes into the header itself sits further left
 * and is never believed (Express's `trust proxy` hop count works the same way). With fewer entries
 * than hops (a request that bypassed the proxies), the left-most one is used.
 */
export function clientIp(headers: Headers, env: Env = process.env): string {
  let hops: number;
  try {
    hops = trustedProxyHops(env);
  } catch {
    hops = 0; // refused at start-up; never fail a request over it
  }
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const entries = forwarded
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    if (entries.length) return normalise(entries[Math.max(0, entries.length - 1 - hops)]);
  }
  const real = headers.get("x-real-ip")?.trim();
  return real ? normalise(real) : "unknown";
}

function normalise(ip: string): string {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same client as 127.0.0.1.
  return ip.replace(/^::ffff:/i, "").slice(0, 64);
}
