/**
 * "Optimise my parameters": fit the 21 FSRS-6 weights to the learner's own review log with the
 * fsrs-rs optimiser (@open-spaced-repetition/binding) in a worker thread, reporting progress, and
 * estimate the workload those weights imply so the learner can compare before and after.
 *
 * Review log → training items follows Anki (rslib/src/scheduler/fsrs/params.rs): per card, the
 * answers in time order starting at the card's first answer as a new card; `delta_t` = learner days
 * between consecutive answers (0 for the first and for same-day steps); one item per answer after
 * the first, holding the history up to that answer; only items whose last answer comes at least a
 * day after the previous one are kept (the optimiser predicts recall across days).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { checkParameters, default_w, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import { learnerDayNumber, type LearnerDayConfig } from "./learner-day";
import { mulberry32 } from "./prng";
import type { OptimizerJob, OptimizerMessage } from "./optimizer.worker";

/** The review-log fields the optimiser needs (`state` = the card's state before the answer). */
export interface OptimizerLog {
  cardId: string;
  rating: Rating;
  state: State;
  review: Date;
}

export type TrainingItem = Array<[rating: number, deltaT: number]>;

export function toTrainingItems(logs: readonly OptimizerLog[], cfg: LearnerDayConfig): TrainingItem[] {
  const byCard = new Map<string, OptimizerLog[]>();
  for (const l of logs) {
    if (l.rating === Rating.Manual) continue; // rescheduling entries are not answers
    const list = byCard.get(l.cardId);
    if (list) list.push(l);
    else byCard.set(l.cardId, [l]);
  }
  const items: TrainingItem[] = [];
  for (const cardId of [...byCard.keys()].sort()) {
    const history = byCard.get(cardId)!.sort((a, b) => a.review.getTime() - b.review.getTime());
    // Start at the last time the card was answered as new (a reset starts a new history); a card
    // whose first answer as new is not in the log cannot be used (its memory state is unknown).
    let start = -1;
    for (let i = history.length - 1; i >= 0; i--) if (history[i]!.state === State.New) { start = i; break; }
    if (start < 0) continue;
    const reviews: TrainingItem = [];
    let prevDay = 0;
    history.slice(start).forEach((l, i) => {
      const day = learnerDayNumber(l.review, cfg);
      reviews.push([l.rating, i === 0 ? 0 : day - prevDay]);
      prevDay = day;
    });
    for (let i = 1; i < reviews.length; i++) {
      if (reviews[i]![1] > 0) items.push(reviews.slice(0, i + 1));
    }
  }
  return items;
}

export interface OptimizeOptions {
  /** ts-fsrs learns short-term (same-day) effects when learning steps are used; default true. */
  enableShortTerm?: boolean;
  numRelearningSteps?: number;
  /** Share done, 0..1, non-decreasing: 0 at the start, 1 just before the result. */
  onProgress?: (fraction: number) => void;
  /** Path of optimizer.worker.ts; resolved next to this file, else from the project root. */
  workerFile?: string;
  signal?: AbortSignal;
}

export class OptimizerError extends Error {}

/** Minimum training items before fitting makes sense (fsrs-rs itself refuses very small sets). */
export const MIN_TRAINING_ITEMS = 8;

function workerFile(): string {
  try {
    const here = fileURLToPath(new URL("./optimizer.worker.ts", import.meta.url));
    if (existsSync(here)) return here;
  } catch {
    // bundled: import.meta.url is not a file next to the source
  }
  return path.resolve(process.cwd(), "lib/srs/optimizer.worker.ts");
}

/**
 * fsrs-rs answers a history too small to learn from with the default weights rather than an
 * error; the service uses this to tell the learner "not enough reviews yet, nothing changed".
 */
export function isDefaultWeights(weights: readonly number[]): boolean {
  return weights.length === default_w.length && weights.every((w, i) => Math.abs(w - default_w[i]!) < 1e-6);
}

/**
 * Fits FSRS weights in a worker thread. Resolves with 21 weights checked by ts-fsrs; rejects with
 * an OptimizerError that says why (too little history, worker failure, aborted).
 */
export function optimizeParameters(items: readonly TrainingItem[], opts: OptimizeOptions = {}): Promise<number[]> {
  if (items.length < MIN_TRAINING_ITEMS) {
    return Promise.reject(new OptimizerError(`not enough review history: ${items.length} usable reviews, need at least ${MIN_TRAINING_ITEMS} answers given a day or more apart`));
  }
  const job: OptimizerJob = { items: items as TrainingItem[], enableShortTerm: opts.enableShortTerm ?? true, numRelearningSteps: opts.numRelearningSteps ?? 1 };
  // Node 20 cannot load TypeScript in a worker; register tsx's require hook first (tsx is a
  // runtime dependency). The file path is passed as data, never spliced into code unescaped.
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const bootstrap = `const { workerData } = require("node:worker_threads");
require(workerData.tsxApi).register();
require(workerData.file);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: { ...job, tsxApi: require.resolve("tsx/cjs/api"), file: opts.workerFile ?? workerFile() },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new OptimizerError("optimisation cancelled")));
    opts.signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: OptimizerMessage) => {
      if (m.type === "progress") opts.onProgress?.(m.fraction);
      else if (m.type === "error") finish(() => reject(new OptimizerError(`optimiser failed: ${m.message}`)));
      else
        finish(() => {
          try {
            resolve([...checkParameters(m.weights)]);
          } catch (e) {
            reject(new OptimizerError(`optimiser returned invalid weights: ${(e as Error).message}`));
          }
        });
    });
    worker.on("error", (e) => finish(() => reject(new OptimizerError(`optimiser worker crashed: ${e.message}`))));
    worker.on("exit", (code) => finish(() => reject(new OptimizerError(`optimiser worker exited (${code}) without a result`))));
  });
}

// ---------------------------------------------------------------------------------------------
// Workload estimate

export interface WorkloadOptions {
  /** Days simulated (e.g. 30 or 365). */
  days: number;
  /** New cards introduced per day (the learner's new/day limit). */
  newPerDay?: number;
  maximumInterval?: number;
  seed?: number | string;
}

export interface Workload {
  days: number;
  newPerDay: number;
  /** Answers to cards already introduced (not first sightings), per day. */
  reviewsPerDay: number[];
  averageReviewsPerDay: number;
  totalReviews: number;
  /** Share of those answers recalled (not Again) in the simulation. */
  simulatedRetention: number;
}

/**
 * Simulated reviews per day for a learner studying `newPerDay` new cards a day with these weights
 * at this desired retention. Deterministic: the same inputs and seed give the same numbers. Each
 * card's recall at review time is drawn from the FSRS forgetting curve of the same weights (as
 * Anki's workload simulator does), answered Good when recalled and Again otherwise; scheduling is
 * ts-fsrs with fuzz and same-day steps off, so only the weights and retention move the result.
 */
export function workload(weights: readonly number[], desiredRetention: number, opts: WorkloadOptions): Workload {
  const newPerDay = opts.newPerDay ?? 20;
  const f = fsrs({
    w: checkParameters(weights),
    request_retention: desiredRetention,
    maximum_interval: opts.maximumInterval ?? 36500,
    enable_fuzz: false,
    enable_short_term: false,
    learning_steps: [],
    relearning_steps: [],
  });
  const random = mulberry32(opts.seed ?? 20260302);
  const DAY = 86_400_000;
  const t0 = Date.UTC(2026, 0, 1, 12);
  const dueOn = new Map<number, Card[]>();
  const schedule = (card: Card) => {
    const day = Math.round((card.due.getTime() - t0) / DAY);
    const list = dueOn.get(day);
    if (list) list.push(card);
    else dueOn.set(day, [card]);
  };
  const reviewsPerDay: number[] = [];
  let recalled = 0;
  let total = 0;
  for (let day = 0; day < opts.days; day++) {
    const now = new Date(t0 + day * DAY);
    let reviews = 0;
    for (const card of dueOn.get(day) ?? []) {
      const p = f.get_retrievability(card, now, false);
      const grade: Grade = random() < p ? Rating.Good : Rating.Again;
      if (grade === Rating.Good) recalled++;
      reviews++;
      schedule(f.next(card, now, grade).card);
    }
    dueOn.delete(day);
    for (let i = 0; i < newPerDay; i++) {
      // A first sighting: most learners pass a new card after seeing the answer; count it as Good.
      schedule(f.next({ ...emptyCard(now) }, now, Rating.Good).card);
    }
    total += reviews;
    reviewsPerDay.push(reviews);
  }
  return {
    days: opts.days,
    newPerDay,
    reviewsPerDay,
    averageReviewsPerDay: opts.days ? total / opts.days : 0,
    totalReviews: total,
    simulatedRetention: total ? recalled / total : 0,
  };
}

function emptyCard(now: Date): Card {
  return { due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: State.New };
}

/** Workload over 30 and 365 days for the current and the proposed weights, same seed. */
export function compareWorkload(before: readonly number[], after: readonly number[], desiredRetention: number, newPerDay = 20) {
  const run = (w: readonly number[]) => ({
    month: workload(w, desiredRetention, { days: 30, newPerDay }).averageReviewsPerDay,
    year: workload(w, desiredRetention, { days: 365, newPerDay }).averageReviewsPerDay,
  });
  return { before: run(before), after: run(after) };
}
