/**
 * FSRS scheduling for one learner: build a ts-fsrs instance from the learner's settings, preview
 * the four answer buttons, answer a card.
 *
 * Vocabulary is FSRS's own (ts-fsrs 5.4.2): `Card` (due, stability, difficulty, scheduled_days,
 * learning_steps, reps, lapses, state, last_review), `ReviewLog`, `Rating`, `State`. A card here is
 * ts-fsrs's `Card` plus our `id`, so what the database stores is exactly what ts-fsrs reads.
 *
 * Fuzz and determinism: with `enable_fuzz` ts-fsrs spreads intervals ≥ 2.5 days over a small range
 * using an Alea PRNG seeded by a "seed strategy". Its default (`DefaultInitSeedStrategy` in
 * ts-fsrs) seeds from `${review time in ms}_${reps}_${difficulty * stability}` — deterministic for
 * one instant, but the button preview shown at 10:00:00.000 and the answer stored at 10:00:03.500
 * would draw different fuzz, and a retried request would schedule a different due date. We seed
 * instead from the card id and its repetition count (`${id}:${reps}` after ts-fsrs increments
 * reps), so the same card answered the same way at the same review number always lands on the
 * same interval, whichever millisecond the request arrives in.
 */
import {
  fsrs,
  generatorParameters,
  checkParameters,
  Rating,
  State,
  StrategyMode,
  createEmptyCard,
  type Card,
  type FSRS,
  type Grade,
  type ReviewLog,
  type StepUnit,
  type TSeedStrategy,
} from "ts-fsrs";
import { z } from "zod";

export { Rating, State };
export type { Grade };

/** A card as ts-fsrs sees it, plus the id our database gives it (the fuzz seed). */
export type SrsCard = Card & { id: string };

/** One appended review-log row: ts-fsrs's ReviewLog (the card's state BEFORE the answer) + card id. */
export type SrsReviewLog = ReviewLog & { cardId: string };

/** The grades a learner can press (Manual is ts-fsrs's marker for rescheduling, not an answer). */
export const gradeSchema = z.union([
  z.literal(Rating.Again),
  z.literal(Rating.Hard),
  z.literal(Rating.Good),
  z.literal(Rating.Easy),
]);

// "1m", "10m", "1h", "1d" — ts-fsrs's StepUnit (`${number}${"m"|"h"|"d"}`); positive values only.
const stepSchema = z
  .string()
  .regex(/^(?:\d+(?:\.\d+)?)(?:m|h|d)$/, 'expected a step like "1m", "10m", "1h" or "1d"')
  .refine((s) => parseFloat(s) > 0, "a step must be longer than zero")
  .transform((s) => s as StepUnit);

/** The learner's scheduling settings, validated at the edge (settings form, import). */
export const schedulingSettingsSchema = z
  .object({
    /** Probability of recall FSRS aims for when a card comes due (Anki allows 0.70–0.99). */
    desiredRetention: z.number().min(0.7).max(0.99).default(0.9),
    learningSteps: z.array(stepSchema).max(10).default(["1m", "10m"]),
    relearningSteps: z.array(stepSchema).max(10).default(["10m"]),
    /** Days; ts-fsrs's default is 36,500 (100 years). */
    maximumInterval: z.number().int().min(1).max(36500).default(36500),
    enableFuzz: z.boolean().default(true),
    /** The 21 FSRS-6 weights from the optimiser; absent = ts-fsrs's defaults. */
    weights: z
      .array(z.number().finite())
      .refine((w) => [17, 19, 21].includes(w.length), "expected 17, 19 or 21 FSRS weights")
      .optional(),
  })
  .strict();

export type SchedulingSettings = z.output<typeof schedulingSettingsSchema>;

/** Settings from a form or an import: the parsed settings, or one "field: problem" per issue. */
export function parseSchedulingSettings(input: unknown):
  | { ok: true; settings: SchedulingSettings }
  | { ok: false; errors: string[] } {
  const r = schedulingSettingsSchema.safeParse(input);
  if (r.success) return { ok: true, settings: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.map(String).join(".") || "settings"}: ${i.message}`) };
}
export const defaultSchedulingSettings: SchedulingSettings = schedulingSettingsSchema.parse({});

/** ts-fsrs seed strategy: card id + repetition number (see the module comment). */
const cardIdSeed: TSeedStrategy = function () {
  const id = (this as unknown as { current: SrsCard }).current.id;
  return `${id}:${(this as unknown as { current: SrsCard }).current.reps}`;
};

/** One answer button: which rating, when the card would next be due, and the label to print. */
export interface ButtonPreview {
  rating: Grade;
  due: Date;
  intervalMs: number;
  /** Anki-style short label: "1m", "10m", "3d", "2.1mo", "1.5y". */
  label: string;
}

export interface Scheduler {
  readonly settings: SchedulingSettings;
  /** The next due date for each of the four ratings, in button order Again, Hard, Good, Easy. */
  preview(card: SrsCard, now: Date): ButtonPreview[];
  /** Answer the card: its new state and the review-log row to append. */
  answer(card: SrsCard, rating: Grade, now: Date): { card: SrsCard; log: SrsReviewLog };
  /** Undo an answer: the card as it was before `log` (ts-fsrs `rollback`). */
  rollback(card: SrsCard, log: SrsReviewLog): SrsCard;
  /** Probability of recall now, 0..1 (0 for new cards). */
  retrievability(card: SrsCard, now: Date): number;
}

export function newCard(id: string, now: Date): SrsCard {
  return { ...createEmptyCard(now), id };
}

export function createScheduler(input: Partial<SchedulingSettings> = {}): Scheduler {
  const parsed = parseSchedulingSettings(input);
  if (!parsed.ok) throw new Error(`invalid scheduling settings: ${parsed.errors.join("; ")}`);
  const settings = parsed.settings;
  const params = generatorParameters({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    enable_fuzz: settings.enableFuzz,
    enable_short_term: true,
    learning_steps: settings.learningSteps,
    relearning_steps: settings.relearningSteps,
    ...(settings.weights ? { w: checkParameters(settings.weights) } : {}),
  });
  const engine: FSRS = fsrs(params).useStrategy(StrategyMode.SEED, cardIdSeed);

  const keepId = (id: string, card: Card): SrsCard => ({ ...card, id });

  // ts-fsrs keeps Hard < Good < Easy by pushing Good and Easy one day past each other even when
  // that crosses maximum_interval (next_ds: good = max(good, hard + 1), easy = max(easy, good + 1)),
  // so with a 30-day cap Easy could land on day 32. Anki clamps every passing interval to the
  // maximum (rslib/src/scheduler/states/review.rs, constrain_passing_interval), and a learner who
  // set a cap expects it kept; below the cap this changes nothing.
  const capped = (card: Card, now: Date): Card => {
    const max = settings.maximumInterval;
    if (card.state !== State.Review || card.scheduled_days <= max) return card;
    return { ...card, scheduled_days: max, due: new Date(now.getTime() + max * 86_400_000) };
  };

  return {
    settings,
    preview(card, now) {
      const record = engine.repeat(card, now);
      return ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map((rating) => {
        const due = capped(record[rating].card, now).due;
        const intervalMs = Math.max(0, due.getTime() - now.getTime());
        return { rating, due, intervalMs, label: formatInterval(intervalMs) };
      });
    },
    answer(card, rating, now) {
      const grade = gradeSchema.parse(rating);
      const { card: next, log } = engine.next(card, now, grade);
      return { card: keepId(card.id, capped(next, now)), log: { ...log, cardId: card.id } };
    },
    rollback(card, log) {
      return keepId(card.id, engine.rollback(card, log));
    },
    retrievability(card, now) {
      if (card.state === State.New) return 0;
      return engine.get_retrievability(card, now, false);
    },
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Anki's answer-button spans (ts/lib/tslib/time.ts, rslib/src/scheduler/timespan.rs):
// a month is 30 days and a year 12 such months; only months and years show a decimal.
const MONTH = 30 * DAY;
const YEAR = 12 * MONTH;

/** "45s", "1m", "10m", "3h", "3d", "2.1mo", "1.5y" — the label above an answer button. */
export function formatInterval(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return `${Math.round(abs / SECOND)}s`;
  if (abs < HOUR) return `${Math.round(abs / MINUTE)}m`;
  if (abs < DAY) return `${Math.round(abs / HOUR)}h`;
  if (abs < MONTH) return `${Math.round(abs / DAY)}d`;
  const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);
  if (abs < YEAR) return `${oneDecimal(abs / MONTH)}mo`;
  return `${oneDecimal(abs / YEAR)}y`;
}
