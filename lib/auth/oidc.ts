import type { OIDCConfig } from "next-auth/providers";
import type { Env } from "@/lib/config/env";

export const OIDC_PROVIDER_ID = "oidc";

/**
 * An OpenID Connect provider (Keycloak, Google, Authentik, Azure AD…) enabled purely by
 * environment variables: AUTH_OIDC_ISSUER, AUTH_OIDC_ID, AUTH_OIDC_SECRET, and optionally
 * AUTH_OIDC_NAME for the button ("Sign in with …"). Register the callback URL
 * <your site>/api/auth/callback/oidc with the provider. Returns null when not configured; throws
 * when only some of the variables are set (a half-configured provider is a mistake to report).
 */
export function oidcProviderFromEnv(env: Env = process.env): OIDCConfig<Record<string, unknown>> | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  const clientId = env.AUTH_OIDC_ID?.trim();
  const clientSecret = env.AUTH_OIDC_SECRET?.trim();
  const set = { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: clientId, AUTH_OIDC_SECRET: clientSecret };
  const missing = Object.entries(set)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length === 3) return null;
  if (missing.length) throw new Error(`OpenID Connect sign-in is half configured: set ${missing.join(", ")} too (or unset the others)`);
  try {
    new URL(issuer!);
  } catch {
    throw new Error(`AUTH_OIDC_ISSUER must be the issuer URL, e.g. https://keycloak.example.com/realms/school (got "${issuer}")`);
  }
  return {
    id: OIDC_PROVIDER_ID,
    name: env.AUTH_OIDC_NAME?.trim() || "Single sign-on",
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    // Auth.js defaults for OIDC are PKCE + state; nonce ties the ID token to this sign-in too.
    checks: ["pkce", "state", "nonce"],
    // The account's email must come from the provider (the "email" scope): Lambda Lab keys users by email.
    authorization: { params: { scope: "openid email profile" } },
  };
}

/** For the sign-in page: the button to show, if any (no secrets). */
export function oidcButton(env: Env = process.env): { id: string; name: string } | null {
  try {
    const p = oidcProviderFromEnv(env);
    return p ? { id: p.id, name: p.name } : null;
  } catch {
    return null;
  }
}
