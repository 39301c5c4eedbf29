/**
 * `npm run build:engine-worker`: bundles the engine worker into .engine/worker.mjs (see
 * lib/engine/pool/build-worker.ts). The pool also builds it on demand; run this after pulling to
 * build ahead of the first lab run, or in a deployment step.
 */
import { buildEngineWorker } from "../lib/engine/pool/build-worker";

buildEngineWorker(process.cwd()).then(
  ({ file }) => {
    process.stdout.write(`built ${file}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`could not build the engine worker: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
