// A browser without JavaScript, for integration tests that talk to a running server over real
// HTTP: it keeps cookies, submits the app's forms the way a browser without JavaScript does
// (React renders every server-action form with the hidden fields that make it work without
// JavaScript), and signs in through Auth.js's own CSRF + credentials endpoints.
//
//   const ada = new Visitor("http://127.0.0.1:3161");
//   await ada.submitForm("/sign-up", "Create account", { email, password });
//   await ada.signIn(email, password);              // → { ok: true } or { ok: false, code }
//   await ada.session();                            // Auth.js's /api/auth/session

export interface SignInOutcome {
  ok: boolean;
  /** Auth.js's error code when refused: "invalid_credentials", "rate_limited:900" … */
  code?: string;
  status: number;
  location: string;
}

const decode = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]) : undefined;
}

export class Visitor {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    /** Sent as X-Forwarded-For, i.e. the address a reverse proxy would report for this visitor. */
    readonly ip = "198.51.100.7",
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  hasCookie(pattern: RegExp): boolean {
    return [...this.cookies.keys()].some((k) => pattern.test(k));
  }

  /** Copies another visitor's cookies (the same browser, pointed at another instance). */
  adoptCookies(other: Visitor): void {
    for (const [k, v] of other.cookies) this.cookies.set(k, v);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.ip);
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * Loads `path`, finds the form labelled `formLabel` (aria-label) and submits its hidden fields
   * plus `fields` as multipart/form-data to the form's action — what a browser does when
   * JavaScript is off. Returns the response (a redirect after a successful server action).
   */
  async submitForm(path: string, formLabel: string, fields: Record<string, string>): Promise<Response> {
    const page = await this.request(path);
    const html = await page.text();
    const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => attribute(f.slice(0, f.indexOf(">") + 1), "aria-label") === formLabel);
    if (!form) throw new Error(`no form labelled "${formLabel}" on ${path} (HTTP ${page.status})`);
    const body = new FormData();
    for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
      const name = attribute(input, "name");
      if (name && attribute(input, "type") === "hidden") body.append(name, attribute(input, "value") ?? "");
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const action = attribute(form.slice(0, form.indexOf(">") + 1), "action") || path;
    return this.request(action, { method: "POST", body });
  }

  /** Signs in with Auth.js's credentials flow: GET /api/auth/csrf, then POST the callback. */
  async signIn(email: string, password: string): Promise<SignInOutcome> {
    const csrf = await this.request("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.baseUrl}/dashboard` }),
    });
    const location = res.headers.get("location") ?? "";
    const code = new URL(location || "/", this.baseUrl).searchParams.get("code") ?? undefined;
    const ok = res.status === 302 && !location.includes("error=") && this.hasCookie(/authjs\.session-token/);
    return { ok, code, status: res.status, location };
  }

  async session(): Promise<{ user?: { id?: string; email?: string; name?: string } } | null> {
    const res = await this.request("/api/auth/session");
    return (await res.json()) as { user?: { id?: string; email?: string; name?: string } } | null;
  }
}
