/**
 * Runs a TypeScript file from lib/srs/db in a worker thread (Node 20 cannot load .ts by itself:
 * the worker registers tsx's require hook first, as lib/srs/optimizer.ts does). Used for the
 * CPU-heavy parts of "Optimise my parameters" so the HTTP thread keeps answering.
 *
 * The file is found from the project root (process.cwd()), which is where `npm start`, the tests
 * and the benches run; a bundled server has no source file next to its chunks.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

export type WorkerReply<T> = { type: "done"; value: T } | { type: "error"; message: string } | { type: "progress"; fraction: number };

export function workerPath(name: string): string {
  const file = path.resolve(process.cwd(), "lib", "srs", "db", name);
  if (!existsSync(file)) throw new Error(`worker file not found: ${file} (run the server from the project root)`);
  return file;
}

export function runTsWorker<T>(file: string, data: unknown, opts: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}): Promise<T> {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const bootstrap = `const { workerData } = require("node:worker_threads");
require(workerData.tsxApi).register();
require(workerData.file);`;
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new Error("cancelled"));
    const worker = new Worker(bootstrap, { eval: true, workerData: { data, tsxApi: require.resolve("tsx/cjs/api"), file } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new Error("cancelled")));
    opts.signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: WorkerReply<T>) => {
      if (m.type === "progress") opts.onProgress?.(m.fraction);
      else if (m.type === "done") finish(() => resolve(m.value));
      else finish(() => reject(new Error(m.message)));
    });
    worker.on("error", (e) => finish(() => reject(e)));
    worker.on("exit", (code) => finish(() => reject(new Error(`worker exited (${code}) without a result`))));
  });
}
