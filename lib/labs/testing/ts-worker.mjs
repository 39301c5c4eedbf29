// Boots a worker thread that runs a TypeScript module (workerData.entry) through tsx — both its
// ESM and CommonJS hooks, as the `tsx` command installs them — with the project's tsconfig (for
// the "@/…" paths). Used by the labs fuzz test's bounded runner.
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

registerCjs();
registerEsm({ tsconfig: workerData.tsconfig });
await import(workerData.entry);
