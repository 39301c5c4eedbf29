import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { requestAsAddressed } from "./request-url";

const at = (url: string, headers: Record<string, string>, init: { method?: string; body?: string } = {}) =>
  new NextRequest(url, { headers, ...init });

describe("requestAsAddressed", () => {
  it("rebuilds the origin from the Host the browser sent", () => {
    const req = requestAsAddressed(at("http://localhost:3000/api/auth/callback/oidc?code=abc&state=x", { host: "127.0.0.1:3160" }), {});
    expect(req.url).toBe("http://127.0.0.1:3160/api/auth/callback/oidc?code=abc&state=x");
  });

  it("follows a proxy's X-Forwarded-Host and X-Forwarded-Proto", () => {
    const req = requestAsAddressed(
      at("http://localhost:3000/api/auth/signin/oidc", { host: "127.0.0.1:3001", "x-forwarded-host": "lab.example.com", "x-forwarded-proto": "https" }),
      {},
    );
    expect(req.url).toBe("https://lab.example.com/api/auth/signin/oidc");
  });

  it("leaves the request alone when AUTH_URL is set, or the Host is not a host", () => {
    const original = at("http://localhost:3000/api/auth/session", { host: "lab.example.com" });
    expect(requestAsAddressed(original, { AUTH_URL: "https://lab.example.com" })).toBe(original);
    const odd = at("http://localhost:3000/api/auth/session", { host: "evil.example/path?x" });
    expect(requestAsAddressed(odd, {}).url).toBe("http://localhost:3000/api/auth/session");
    const unknownProto = requestAsAddressed(at("http://localhost:3000/api/auth/session", { host: "lab.example.com", "x-forwarded-proto": "gopher" }), {});
    expect(unknownProto.url).toBe("http://lab.example.com/api/auth/session");
  });

  it("keeps the method, headers and body of a POST", async () => {
    const req = requestAsAddressed(
      at("http://localhost:3000/api/auth/callback/credentials", { host: "127.0.0.1:3160", "content-type": "application/x-www-form-urlencoded" }, { method: "POST", body: "email=a%40b.c" }),
      {},
    );
    expect(req.method).toBe("POST");
    expect(req.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await req.text()).toBe("email=a%40b.c");
  });
});
