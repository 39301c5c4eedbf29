/**
 * Between database rows and ts-fsrs: a Card row's FSRS columns are ts-fsrs's Card fields, one for
 * one (camelCase here, snake_case there), so the scheduler reads exactly what is stored.
 */
import type { State } from "ts-fsrs";
import type { SrsCard } from "../scheduler";

/** The FSRS columns of a Card row. */
export interface FsrsColumns {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export const fsrsSelect = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

export function toSrsCard(id: string, c: FsrsColumns): SrsCard {
  return {
    id,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as State,
    last_review: c.lastReview ?? undefined,
  };
}

export function fsrsColumns(card: SrsCard): FsrsColumns {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The columns of a fresh card (ts-fsrs createEmptyCard: New, due now). */
export function newCardColumns(now: Date): FsrsColumns {
  return { due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null };
}

/** Before/after columns of a ReviewLog row for one transition. */
export function transitionColumns(before: FsrsColumns, after: FsrsColumns) {
  return {
    stateBefore: before.state,
    dueBefore: before.due,
    stabilityBefore: before.stability,
    difficultyBefore: before.difficulty,
    elapsedDaysBefore: before.elapsedDays,
    scheduledDaysBefore: before.scheduledDays,
    learningStepsBefore: before.learningSteps,
    repsBefore: before.reps,
    lapsesBefore: before.lapses,
    lastReviewBefore: before.lastReview,
    stateAfter: after.state,
    dueAfter: after.due,
    stabilityAfter: after.stability,
    difficultyAfter: after.difficulty,
    elapsedDaysAfter: after.elapsedDays,
    scheduledDaysAfter: after.scheduledDays,
    learningStepsAfter: after.learningSteps,
    repsAfter: after.reps,
    lapsesAfter: after.lapses,
    lastReviewAfter: after.lastReview,
  };
}

type LogRow = ReturnType<typeof transitionColumns>;

export function beforeOf(log: LogRow): FsrsColumns {
  return {
    due: log.dueBefore,
    stability: log.stabilityBefore,
    difficulty: log.difficultyBefore,
    elapsedDays: log.elapsedDaysBefore,
    scheduledDays: log.scheduledDaysBefore,
    learningSteps: log.learningStepsBefore,
    reps: log.repsBefore,
    lapses: log.lapsesBefore,
    state: log.stateBefore,
    lastReview: log.lastReviewBefore,
  };
}

export function afterOf(log: LogRow): FsrsColumns {
  return {
    due: log.dueAfter,
    stability: log.stabilityAfter,
    difficulty: log.difficultyAfter,
    elapsedDays: log.elapsedDaysAfter,
    scheduledDays: log.scheduledDaysAfter,
    learningSteps: log.learningStepsAfter,
    reps: log.repsAfter,
    lapses: log.lapsesAfter,
    state: log.stateAfter,
    lastReview: log.lastReviewAfter,
  };
}

/** The optimistic-concurrency check: the card still is what the answer was computed from. */
export function sameState(a: Pick<FsrsColumns, "due" | "reps" | "state">, b: Pick<FsrsColumns, "due" | "reps" | "state">): boolean {
  return a.due.getTime() === b.due.getTime() && a.reps === b.reps && a.state === b.state;
}
