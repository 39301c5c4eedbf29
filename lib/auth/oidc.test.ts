import { describe, expect, it } from "vitest";
import { oidcButton, oidcProviderFromEnv } from "./oidc";

const full = { AUTH_OIDC_ISSUER: "https://id.example.com/realms/school", AUTH_OIDC_ID: "lambda-lab", AUTH_OIDC_SECRET: "s3cret" };

describe("oidcProviderFromEnv", () => {
  it("is off when no variable is set", () => {
    expect(oidcProviderFromEnv({})).toBeNull();
    expect(oidcButton({})).toBeNull();
  });

  it("builds an OIDC provider from the three variables", () => {
    expect(oidcProviderFromEnv({ ...full, AUTH_OIDC_NAME: "School login" })).toMatchObject({
      id: "oidc",
      type: "oidc",
      name: "School login",
      issuer: full.AUTH_OIDC_ISSUER,
      clientId: "lambda-lab",
      clientSecret: "s3cret",
    });
    expect(oidcButton(full)).toEqual({ id: "oidc", name: "Single sign-on" });
  });

  it("names the missing variables when half configured", () => {
    expect(() => oidcProviderFromEnv({ AUTH_OIDC_ISSUER: full.AUTH_OIDC_ISSUER })).toThrow(/set AUTH_OIDC_ID, AUTH_OIDC_SECRET too/);
  });

  it("refuses an issuer that is not a URL", () => {
    expect(() => oidcProviderFromEnv({ ...full, AUTH_OIDC_ISSUER: "keycloak" })).toThrow(/AUTH_OIDC_ISSUER must be the issuer URL/);
  });
});
