import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Env } from "./env";

export const AUTH_SECRET_FILE = "auth-secret";

/**
 * The secret Auth.js signs and encrypts session cookies with. AUTH_SECRET wins when set; otherwise
 * one is created on first start and kept in the data folder (mode 0600), so sessions survive
 * restarts. Several instances must share it: set AUTH_SECRET for them (README, "Several instances").
 */
export function ensureAuthSecret(env: Env, dataDir: string): { secret: string; source: "env" | "file" | "created" } {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) return { secret: fromEnv, source: "env" };
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return { secret: stored, source: "file" };
    throw new Error(`${file} holds no usable secret (expected at least 32 characters); delete it to create a new one`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx": never overwrite a secret another process created a moment ago.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return ensureAuthSecret(env, dataDir);
    throw error;
  }
  return { secret, source: "created" };
}
