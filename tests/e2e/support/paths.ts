// Shared by playwright.config.ts, the global setup, the harness and the fixtures: no app imports.
import path from "node:path";

/** Everything an end-to-end run leaves behind: data folder, server log, screenshots, traces. */
export const E2E_ARTIFACTS = path.resolve(__dirname, "../.artifacts");

/** Without E2E_PORT the harness serves on the first free port of 3150–3159 (foundation's range). */
export const E2E_PORT_RANGE = [3150, 3159] as const;

/** The single sign-on spec's second server (support/harness.ts, POST /oidc): first free port of these. */
export const OIDC_PORT_RANGE = [3160, 3169] as const;

/** E2E_PORT, if set (then exactly that port is used). */
export function e2ePort(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.E2E_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PORT must be a port number (got "${raw}")`);
  return port;
}

/** What the harness reports once the server is up (one `READY <json>` line). */
export interface HarnessReady {
  baseURL: string;
  controlUrl: string;
  token: string;
  dataDir: string;
  serverLog: string;
}

/** The variable through which the global setup hands HarnessReady (as JSON) to the test workers. */
export const HARNESS_ENV = "LAMBDALAB_E2E_HARNESS";

/** The single sign-on instance the harness starts on request (POST /oidc): app, IdP and the IdP's users. */
export interface OidcInstance {
  baseURL: string;
  issuer: string;
  /** AUTH_OIDC_NAME: the button reads "Sign in with <providerName>". */
  providerName: string;
  users: { login: string; password: string; email: string; name: string }[];
  serverLog: string;
}
