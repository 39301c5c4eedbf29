import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "./client-ip";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("trusts no proxy by default: the peer the server appended, whatever the client wrote", () => {
    // A client talking straight to the app claims 203.0.113.9; scripts/peer-address.cjs appended 10.0.0.2.
    expect(clientIp(xff("203.0.113.9, 10.0.0.2"), {})).toBe("10.0.0.2");
    expect(clientIp(xff("::ffff:127.0.0.1"), {})).toBe("127.0.0.1");
  });

  it("walks back exactly AUTH_TRUST_PROXY hops", () => {
    // Browser 198.51.100.4 → nginx (appends it) → app (appends nginx's 127.0.0.1).
    expect(clientIp(xff("198.51.100.4, 127.0.0.1"), { AUTH_TRUST_PROXY: "1" })).toBe("198.51.100.4");
    // A forged entry the client sent sits left of what nginx added: not believed.
    expect(clientIp(xff("6.6.6.6, 198.51.100.4, 127.0.0.1"), { AUTH_TRUST_PROXY: "1" })).toBe("198.51.100.4");
    // CDN → nginx → app.
    expect(clientIp(xff("198.51.100.4, 192.0.2.10, 127.0.0.1"), { AUTH_TRUST_PROXY: "2" })).toBe("198.51.100.4");
    // Fewer entries than hops (the proxy was bypassed): the left-most.
    expect(clientIp(xff("192.0.2.77"), { AUTH_TRUST_PROXY: "1" })).toBe("192.0.2.77");
  });

  it("falls back to x-real-ip, then to 'unknown'", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }), {})).toBe("198.51.100.4");
    expect(clientIp(new Headers(), {})).toBe("unknown");
  });

  it("treats a bad AUTH_TRUST_PROXY as 0 per request (start-up refuses it)", () => {
    expect(clientIp(xff("203.0.113.9, 10.0.0.2"), { AUTH_TRUST_PROXY: "yes" })).toBe("10.0.0.2");
    expect(() => trustedProxyHops({ AUTH_TRUST_PROXY: "yes" })).toThrow(/AUTH_TRUST_PROXY must be the number of reverse proxies/);
    expect(trustedProxyHops({ AUTH_TRUST_PROXY: " 2 " })).toBe(2);
    expect(trustedProxyHops({})).toBe(0);
  });
});
