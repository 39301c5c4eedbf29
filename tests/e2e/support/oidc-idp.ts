// A real OpenID Connect provider for the end-to-end suite: panva's oidc-provider (the certified
// OpenID Provider library for Node.js, https://github.com/panva/node-oidc-provider), on 127.0.0.1,
// with one confidential client (Lambda Lab) and a few users who sign in with a password on the
// IdP's own login page. Started by the harness (support/harness.ts) only when a spec asks for it.
//
// Like a company's Keycloak for its own apps, consent is pre-granted for the one client (no
// "allow access?" page), and the ID token carries the email and name claims (Auth.js reads the
// profile from the ID token; Keycloak and Google put them there too).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface IdpUser {
  /** What the person types into the IdP's login form. */
  login: string;
  password: string;
  /** The `email` claim, as the IdP sends it (letter case included). */
  email: string;
  name: string;
}

export interface RunningIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientName: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test IdP — sign in</title></head>
<body><main><h1>Test IdP</h1><p>Sign in to continue to ${escapeHtml(clientName)}.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Username <input name="login" autocomplete="username" required autofocus></label>
<label>IdP password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Continue</button>
</form></main></body></html>`;
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => resolve(new URLSearchParams(raw)));
    req.on("error", reject);
  });
}

export async function startIdp(options: { redirectUri: string; users: IdpUser[]; log?: (line: string) => void }): Promise<RunningIdp> {
  // oidc-provider is ESM-only; the harness runs under tsx, which loads it as such.
  const { default: Provider } = await import("oidc-provider");
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "lambdalab-e2e";
  const clientSecret = randomBytes(24).toString("base64url");
  const byLogin = new Map(options.users.map((u) => [u.login, u]));

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, client_name: "Lambda Lab", redirect_uris: [options.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256", kid: "e2e" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    // Explicit lifetimes (seconds) for a short test run; oidc-provider's defaults print a notice each.
    ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = byLogin.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: user.email, email_verified: true, name: user.name }) };
    },
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: session.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // Plain http on 127.0.0.1 is fine here: Auth.js allows insecure issuers for self-hosted IdPs.
  provider.on("server_error", (_ctx, error) => options.log?.(`idp: server error: ${error.message}`));
  const callback = provider.callback();

  server.on("request", (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? "");
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === "GET" && !match[2]) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          return void res.end(loginPage(details.uid, "Lambda Lab"));
        }
        if (req.method === "POST" && match[2]) {
          const form = await readForm(req);
          const user = byLogin.get(form.get("login") ?? "");
          if (!user || user.password !== form.get("password")) {
            res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
            return void res.end(loginPage(details.uid, "Lambda Lab", "Wrong username or password."));
          }
          options.log?.(`idp: ${user.login} signed in`);
          await provider.interactionFinished(req, res, { login: { accountId: user.login } }, { mergeWithLastSubmission: false });
          return;
        }
        res.writeHead(405).end();
      } catch (error) {
        options.log?.(`idp: interaction failed: ${(error as Error).message}`);
        if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
        res.end(`interaction failed: ${(error as Error).message}`);
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
