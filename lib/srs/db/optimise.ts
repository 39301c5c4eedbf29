/**
 * "Optimise my parameters": the learner's own review log → FSRS training items (lib/srs/optimizer
 * toTrainingItems) → the fsrs-rs optimiser in a worker thread (optimizeParameters) → what would
 * change: predicted reviews per day at the learner's desired retention over a month and a year
 * (a simulation, in another worker) and their memory after a first answer, before and after.
 * Nothing is saved here: the learner looks at the comparison and saves (saveWeights).
 *
 * Progress is reported as events, which the route streams to the page as they happen.
 */
import { default_w, fsrs, type Rating, type State } from "ts-fsrs";
import { getDb, type Db } from "@/lib/db";
import { isDefaultWeights, MIN_TRAINING_ITEMS, optimizeParameters, OptimizerError, toTrainingItems, type TrainingItem } from "../optimizer";
import { getLearnerSettings, learnerDayOf, type LearnerSettings } from "./learner-settings";
import { runTsWorker, workerPath } from "./ts-worker";
import type { WorkloadComparison, WorkloadJob } from "./workload.worker";

export interface MemoryPoint {
  days: number;
  /** Probability of recall `days` after a card's first "Good". */
  recall: number;
}

export interface MemorySummary {
  /** Stability (days until recall falls to 90%) after a first Again / Hard / Good / Easy. */
  initialStability: { again: number; hard: number; good: number; easy: number };
  curve: MemoryPoint[];
}

export interface OptimisationResult {
  /** Training items the optimiser learned from (answers given a day or more apart). */
  items: number;
  answers: number;
  current: number[];
  proposed: number[];
  /** fsrs-rs returned the defaults: too little history to learn anything. */
  unchanged: boolean;
  desiredRetention: number;
  newPerDay: number;
  workload: WorkloadComparison;
  memory: { before: MemorySummary; after: MemorySummary };
}

export type OptimisationEvent =
  | { type: "progress"; stage: "reading" | "optimising" | "simulating"; fraction: number; message: string }
  | { type: "result"; result: OptimisationResult }
  | { type: "error"; message: string };

const CURVE_DAYS = [1, 3, 7, 14, 30, 60, 90, 180];

/** Memory after a first answer under these weights (FSRS-6: S0 = w[0..3]; R(t) = forgetting curve). */
export function memorySummary(weights: readonly number[]): MemorySummary {
  const f = fsrs({ w: weights });
  const good = weights[2]!;
  return {
    initialStability: { again: weights[0]!, hard: weights[1]!, good, easy: weights[3]! },
    curve: CURVE_DAYS.map((days) => ({ days, recall: f.forgetting_curve(days, good) })),
  };
}

export async function trainingItemsFor(userId: string, settings: LearnerSettings, db: Db = getDb()): Promise<{ items: TrainingItem[]; answers: number }> {
  const logs = await db.reviewLog.findMany({
    where: { ownerId: userId, kind: "answer", undoneBy: null },
    select: { cardId: true, rating: true, stateBefore: true, review: true },
    orderBy: { id: "asc" },
  });
  // Learner days in the learner's current offset (the optimiser counts whole days between answers).
  const day = learnerDayOf(settings, new Date());
  const items = toTrainingItems(
    logs.map((l) => ({ cardId: l.cardId, rating: l.rating as Rating, state: l.stateBefore as State, review: l.review })),
    day,
  );
  return { items, answers: logs.length };
}

// One optimisation per learner at a time in this process (each one pins a CPU core for a while).
const running = new Set<string>();

/**
 * Runs the whole job, calling `emit` for each event; resolves when done (after a "result" or an
 * "error" event). `signal` aborts it (the learner left the page).
 */
export async function runOptimisation(userId: string, emit: (e: OptimisationEvent) => void, opts: { signal?: AbortSignal; newPerDay?: number } = {}, db: Db = getDb()): Promise<void> {
  if (running.has(userId)) return emit({ type: "error", message: "An optimisation is already running for you; wait for it to finish." });
  running.add(userId);
  try {
    emit({ type: "progress", stage: "reading", fraction: 0, message: "Reading your review history…" });
    const settings = await getLearnerSettings(userId, db);
    const { items, answers } = await trainingItemsFor(userId, settings, db);
    if (items.length < MIN_TRAINING_ITEMS) {
      return emit({
        type: "error",
        message: `Not enough review history yet: ${items.length} usable review${items.length === 1 ? "" : "s"} (answers to a card given a day or more after the previous one); at least ${MIN_TRAINING_ITEMS} are needed, and a few hundred give good parameters. Keep studying and try again in a few days.`,
      });
    }
    emit({ type: "progress", stage: "optimising", fraction: 0.05, message: `Fitting FSRS to ${items.length.toLocaleString("en")} reviews…` });
    const current = [...(settings.scheduling.weights ?? default_w)];
    const proposed = await optimizeParameters(items, {
      signal: opts.signal,
      numRelearningSteps: settings.scheduling.relearningSteps.length,
      enableShortTerm: true,
      onProgress: (f) => emit({ type: "progress", stage: "optimising", fraction: 0.05 + f * 0.6, message: `Fitting FSRS to ${items.length.toLocaleString("en")} reviews…` }),
    });
    const newPerDay = opts.newPerDay ?? 20;
    emit({ type: "progress", stage: "simulating", fraction: 0.65, message: "Simulating a year of reviews with both sets of parameters…" });
    const job: WorkloadJob = { before: current, after: proposed, desiredRetention: settings.scheduling.desiredRetention, newPerDay };
    const workload = await runTsWorker<WorkloadComparison>(workerPath("workload.worker.ts"), job, {
      signal: opts.signal,
      onProgress: (f) => emit({ type: "progress", stage: "simulating", fraction: 0.65 + f * 0.35, message: "Simulating a year of reviews with both sets of parameters…" }),
    });
    emit({
      type: "result",
      result: {
        items: items.length,
        answers,
        current,
        proposed,
        unchanged: isDefaultWeights(proposed),
        desiredRetention: settings.scheduling.desiredRetention,
        newPerDay,
        workload,
        memory: { before: memorySummary(current), after: memorySummary(proposed) },
      },
    });
  } catch (error) {
    if (opts.signal?.aborted) return;
    emit({ type: "error", message: error instanceof OptimizerError ? error.message : `The optimiser failed: ${(error as Error).message}` });
  } finally {
    running.delete(userId);
  }
}
