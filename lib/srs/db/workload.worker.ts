/**
 * Worker thread: the workload comparison of "Optimise my parameters" (lib/srs/optimizer.ts
 * compareWorkload simulates a year of reviews for each set of weights — seconds of CPU that must
 * not block the HTTP thread). Started by lib/srs/db/optimise.ts through ts-worker.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { workload } from "../optimizer";

export interface WorkloadJob {
  before: number[];
  after: number[];
  desiredRetention: number;
  newPerDay: number;
}

export interface WorkloadComparison {
  before: { month: number; year: number };
  after: { month: number; year: number };
}

function run(job: WorkloadJob): WorkloadComparison {
  const steps = [
    ["before", "month", 30],
    ["after", "month", 30],
    ["before", "year", 365],
    ["after", "year", 365],
  ] as const;
  const out: WorkloadComparison = { before: { month: 0, year: 0 }, after: { month: 0, year: 0 } };
  // The year-long runs are ~12× the month-long ones: weight progress by days simulated.
  const total = steps.reduce((s, [, , d]) => s + d, 0);
  let done = 0;
  for (const [which, span, days] of steps) {
    out[which][span] = workload(job[which], job.desiredRetention, { days, newPerDay: job.newPerDay }).averageReviewsPerDay;
    done += days;
    parentPort?.postMessage({ type: "progress", fraction: done / total });
  }
  return out;
}

if (parentPort) {
  try {
    parentPort.postMessage({ type: "done", value: run((workerData as { data: WorkloadJob }).data) });
  } catch (e) {
    parentPort.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
  }
}
