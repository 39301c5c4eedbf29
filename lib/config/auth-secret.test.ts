import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureAuthSecret } from "./auth-secret";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-secret-"));
  dirs.push(d);
  return path.join(d, "data");
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("ensureAuthSecret", () => {
  it("uses AUTH_SECRET when set and writes nothing", () => {
    const dir = tmp();
    expect(ensureAuthSecret({ AUTH_SECRET: "s".repeat(40) }, dir)).toEqual({ secret: "s".repeat(40), source: "env" });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("creates a secret once, private to the owner, and keeps it", () => {
    const dir = tmp();
    const first = ensureAuthSecret({}, dir);
    expect(first.source).toBe("created");
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret({}, dir)).toEqual({ secret: first.secret, source: "file" });
  });

  it("refuses a truncated secret file instead of silently replacing it", () => {
    const dir = tmp();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "auth-secret"), "short\n");
    expect(() => ensureAuthSecret({}, dir)).toThrow(/no usable secret/);
  });
});
