// Is the production build in .next current? `npm start` rebuilds when there is no build or when
// the sources it was built from changed (a `git pull`, an edit) — never serving stale code.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "data"]);
const STATE_FILE = path.join(".next", "lambdalab-build.json");

/** Hash of the paths, sizes and modification times of every build input (fast: no file reads). */
export function sourceFingerprint(root = process.cwd()): string {
  const h = createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(abs).sort()) {
        if (!SKIP.has(child) && !/\.test\.tsx?$/.test(child)) visit(path.join(rel, child));
      }
      return;
    }
    h.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const input of INPUTS) visit(input);
  return h.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const state = path.join(root, STATE_FILE);
  if (!fs.existsSync(buildId) || !fs.existsSync(state)) return false;
  try {
    return JSON.parse(fs.readFileSync(state, "utf8")).fingerprint === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function recordBuild(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, STATE_FILE), JSON.stringify({ fingerprint: sourceFingerprint(root), builtAt: new Date().toISOString() }));
}
