/**
 * Worker thread that runs the FSRS optimiser (@open-spaced-repetition/binding, fsrs-rs compiled
 * as a native addon) off the HTTP thread. Started by optimizer.ts; speaks plain messages:
 *   in:  { items: Array<Array<[rating, deltaT]>>, enableShortTerm, numRelearningSteps }
 *   out: { type: "progress", fraction } (0 at the start, fsrs-rs's steps done / total as it reports
 *        them, 1 at the end) … then { type: "done", weights } | { type: "error", message }
 * Written as CommonJS-compatible TypeScript (no top-level await) because it is loaded through
 * tsx's require hook — Node 20 cannot load .ts files by itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

export interface OptimizerJob {
  items: Array<Array<[rating: number, deltaT: number]>>;
  enableShortTerm: boolean;
  numRelearningSteps: number;
}

export type OptimizerMessage =
  | { type: "progress"; fraction: number }
  | { type: "done"; weights: number[] }
  | { type: "error"; message: string };

function post(m: OptimizerMessage) {
  parentPort?.postMessage(m);
}

async function run(job: OptimizerJob) {
  const items = job.items.map((reviews) => new FSRSBindingItem(reviews.map(([r, t]) => new FSRSBindingReview(r, t))));
  let lastReported = 0;
  post({ type: "progress", fraction: 0 });
  const weights = await computeParameters(items, {
    enableShortTerm: job.enableShortTerm,
    numRelearningSteps: job.numRelearningSteps,
    progress: (current, total) => {
      // fsrs-rs reports (steps done, total steps) on its own timer — a 0.7 s fit here reported
      // once or not at all — so the start and end messages above and below are ours. Forward at
      // most one message per percent.
      const pct = total > 0 ? Math.floor((current * 100) / total) : 0;
      if (pct > lastReported && pct < 100) {
        lastReported = pct;
        post({ type: "progress", fraction: pct / 100 });
      }
    },
  });
  post({ type: "progress", fraction: 1 });
  post({ type: "done", weights: Array.from(weights) });
}

if (parentPort) {
  run(workerData as OptimizerJob).catch((e: unknown) => post({ type: "error", message: e instanceof Error ? e.message : String(e) }));
}
