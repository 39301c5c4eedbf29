/**
 * The client's address as far as we can tell, for per-IP rate limits.
 *
 * Next.js fills x-forwarded-for with the socket's address only when the request has none; a
 * reverse proxy (nginx, Caddy, a load balancer) appends the address it saw. The right-most entry
 * is therefore the one added by the hop closest to us. Without a proxy a client can put anything
 * in the header — per-IP limits are then advisory, and the per-account limits still hold
 * (README, "Rate limits").
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    if (hops.length) return normalise(hops[hops.length - 1]);
  }
  const real = headers.get("x-real-ip")?.trim();
  return real ? normalise(real) : "unknown";
}

function normalise(ip: string): string {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the same client as 127.0.0.1.
  return ip.replace(/^::ffff:/i, "").slice(0, 64);
}
