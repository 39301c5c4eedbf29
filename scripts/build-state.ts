// Is the production build current? `npm start` rebuilds when there is no build or when the
// sources it was built from changed (a `git pull`, an edit) — never serving stale code.
// The build lives in .next, or in LAMBDALAB_DIST_DIR: test builds (tests/support/test-build.ts)
// use their own folder so they never replace the build a developer's `npm start` is serving.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "data"]);
const STATE_FILE = "lambdalab-build.json";

/**
 * The folder `next build` writes to and `next start` serves from, relative to the project.
 * next.config.ts reads the same variable (it cannot import this file), so both always agree.
 */
export function distDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.LAMBDALAB_DIST_DIR?.trim() || ".next";
  // Next.js requires the build folder to stay inside the project.
  if (path.isAbsolute(dir) || dir.split(/[\\/]/).includes("..")) {
    throw new Error(`LAMBDALAB_DIST_DIR must be a folder inside the project, like .next-test (got "${dir}")`);
  }
  return dir;
}

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

export function buildIsCurrent(root = process.cwd(), dir = distDir()): boolean {
  const buildId = path.join(root, dir, "BUILD_ID");
  const state = path.join(root, dir, STATE_FILE);
  if (!fs.existsSync(buildId) || !fs.existsSync(state)) return false;
  try {
    return JSON.parse(fs.readFileSync(state, "utf8")).fingerprint === sourceFingerprint(root);
  } catch {
    return false;
  }
}

/**
 * Remembers what the build in `dir` was made from. Pass the fingerprint taken *before* building:
 * a file edited while the build ran then makes the next start rebuild instead of trusting it.
 */
export function recordBuild(root = process.cwd(), dir = distDir(), fingerprint = sourceFingerprint(root)): void {
  fs.writeFileSync(path.join(root, dir, STATE_FILE), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
