/**
 * Bundles the engine worker (worker.ts and the engine it runs) into `.engine/worker.mjs` with
 * esbuild, so worker threads load plain JavaScript — no tsx, no Next bundler. quickjs-emscripten
 * (it loads its .wasm from node_modules) and piscina stay external. esbuild comes with tsx, a
 * runtime dependency of the project.
 *
 * `ensureEngineWorker` builds only when the bundle is missing or older than a source file under
 * lib/engine; `npm run build:engine-worker` always builds.
 */
import { mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ENGINE_WORKER_FILE = join(".engine", "worker.mjs");

export interface BuiltWorker {
  /** Absolute path of the bundle. */
  file: string;
  /** True when this call (re)built it. */
  built: boolean;
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function mtimeOrZero(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Always builds `.engine/worker.mjs` under `root` (the project directory). */
export async function buildEngineWorker(root: string = process.cwd()): Promise<BuiltWorker> {
  const outfile = resolve(root, ENGINE_WORKER_FILE);
  const entry = resolve(root, "lib/engine/pool/worker.ts");
  // A computed specifier keeps app bundlers from trying to bundle esbuild itself.
  const esbuildName = "esbuild";
  const esbuild = (await import(esbuildName)) as typeof import("esbuild");
  mkdirSync(resolve(root, ".engine"), { recursive: true });
  // Build to a private file, then rename: another process may be loading the bundle right now.
  const temporary = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    external: ["quickjs-emscripten", "quickjs-emscripten-core", "@jitl/*", "piscina", "esbuild"],
    // Bundled CommonJS dependencies may call require(); give the ES module one.
    banner: { js: 'import { createRequire as __lambdaLabRequire } from "node:module"; const require = __lambdaLabRequire(import.meta.url);' },
  });
  renameSync(temporary, outfile);
  return { file: outfile, built: true };
}

/** Builds the bundle if it is missing or older than the engine's sources; returns its path. */
export async function ensureEngineWorker(root: string = process.cwd()): Promise<BuiltWorker> {
  const outfile = resolve(root, ENGINE_WORKER_FILE);
  const bundled = mtimeOrZero(outfile);
  let sources = 0;
  try {
    sources = newestSourceMtime(resolve(root, "lib/engine"));
  } catch {
    // A deployment without sources runs the bundle it shipped with.
  }
  if (bundled > 0 && (sources === 0 || bundled >= sources)) return { file: outfile, built: false };
  if (sources === 0) throw new Error(`The engine worker bundle ${outfile} is missing and lib/engine is not there to build it from.`);
  return buildEngineWorker(root);
}
