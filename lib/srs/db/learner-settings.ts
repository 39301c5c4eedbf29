/**
 * A learner's study settings: the row in StudySettings (defaults when there is none yet), the
 * ts-fsrs scheduler built from it, and the learner day (rollover hour + the UTC offset of their
 * IANA time zone at this instant — lib/srs/learner-day.ts works with a fixed offset, so the offset
 * is derived per request and follows daylight saving time).
 */
import { z } from "zod";
import { getDb, readRows, sql, type Db } from "@/lib/db";
import type { LearnerDayConfig } from "../learner-day";
import { createScheduler, defaultSchedulingSettings, parseSchedulingSettings, type Scheduler, type SchedulingSettings } from "../scheduler";

export interface LearnerSettings {
  scheduling: SchedulingSettings;
  timeZone: string;
  rolloverHour: number;
  optimizedAt: Date | null;
}

export const DEFAULT_TIME_ZONE = "UTC";
export const DEFAULT_ROLLOVER_HOUR = 4;

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for a zone the runtime does not know.
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(value: string): boolean {
  try {
    offsetFormatter(value);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC of `timeZone` at `at` ("GMT+05:30" → 330, "GMT" → 0). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = offsetFormatter(timeZone).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name);
  if (!m || !m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

export function learnerDayOf(settings: Pick<LearnerSettings, "timeZone" | "rolloverHour">, now: Date): LearnerDayConfig {
  return { utcOffsetMinutes: utcOffsetMinutes(settings.timeZone, now), rolloverHour: settings.rolloverHour };
}

const steps = (s: string) => s.split(/[\s,]+/).filter(Boolean);

type SettingsRow = {
  desiredRetention: number;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: number;
  enableFuzz: boolean;
  timeZone: string;
  rolloverHour: number;
  weights: string | null;
  optimizedAt: Date | null;
};

export function settingsFromRow(row: SettingsRow | null): LearnerSettings {
  if (!row) return { scheduling: defaultSchedulingSettings, timeZone: DEFAULT_TIME_ZONE, rolloverHour: DEFAULT_ROLLOVER_HOUR, optimizedAt: null };
  const parsed = parseSchedulingSettings({
    desiredRetention: row.desiredRetention,
    learningSteps: steps(row.learningSteps),
    relearningSteps: steps(row.relearningSteps),
    maximumInterval: row.maximumInterval,
    enableFuzz: row.enableFuzz,
    ...(row.weights ? { weights: JSON.parse(row.weights) as number[] } : {}),
  });
  // Rows are written only through updateSettings (validated), so this holds; a hand-edited row
  // falls back to the defaults instead of breaking every study page.
  const scheduling = parsed.ok ? parsed.settings : defaultSchedulingSettings;
  return {
    scheduling,
    timeZone: isTimeZone(row.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE,
    rolloverHour: row.rolloverHour,
    optimizedAt: row.optimizedAt,
  };
}

// Read before every answer and every queue: through readRows (lib/db/rows.ts), not Prisma.
const SETTINGS_COLUMNS = {
  desiredRetention: "number",
  learningSteps: "text",
  relearningSteps: "text",
  maximumInterval: "number",
  enableFuzz: "boolean",
  timeZone: "text",
  rolloverHour: "number",
  weights: "text?",
  optimizedAt: "date?",
} as const;

export async function getLearnerSettings(userId: string, db: Db = getDb()): Promise<LearnerSettings> {
  const [row] = await readRows(
    sql`SELECT "desiredRetention", "learningSteps", "relearningSteps", "maximumInterval", "enableFuzz", "timeZone", "rolloverHour", "weights", "optimizedAt"
      FROM "StudySettings" WHERE "userId" = ${userId}`,
    SETTINGS_COLUMNS,
    db,
  );
  return settingsFromRow(row ?? null);
}

// A scheduler per distinct settings: building one parses and checks the weights; answers reuse it.
const schedulers = new Map<string, Scheduler>();

export function schedulerFor(settings: SchedulingSettings): Scheduler {
  const key = JSON.stringify(settings);
  let s = schedulers.get(key);
  if (!s) {
    s = createScheduler(settings);
    if (schedulers.size > 1000) schedulers.clear();
    schedulers.set(key, s);
  }
  return s;
}

const stepList = z
  .string()
  .trim()
  .max(100)
  .transform((s, ctx) => {
    const list = steps(s);
    for (const step of list) {
      if (!/^\d+(?:\.\d+)?[mhd]$/.test(step) || parseFloat(step) <= 0) {
        ctx.addIssue({ code: "custom", message: `"${step}" is not a step: expected e.g. "1m 10m" (m minutes, h hours, d days)` });
        return z.NEVER;
      }
    }
    return list.join(" ");
  });

/** The settings form: every field as a learner types it. */
export const settingsInput = z.object({
  desiredRetention: z.coerce.number({ error: "expected a number like 0.9" }).min(0.7, "at least 0.70").max(0.99, "at most 0.99"),
  learningSteps: stepList,
  relearningSteps: stepList,
  maximumInterval: z.coerce.number({ error: "expected a number of days" }).int("a whole number of days").min(1, "at least 1 day").max(36500, "at most 36,500 days"),
  enableFuzz: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  timeZone: z.string().trim().min(1, "choose a time zone").refine(isTimeZone, "unknown time zone: expected an IANA name like Europe/Paris"),
  rolloverHour: z.coerce.number({ error: "expected an hour 0–23" }).int().min(0, "0–23").max(23, "0–23"),
});
export type SettingsInput = z.output<typeof settingsInput>;

export async function updateLearnerSettings(userId: string, input: SettingsInput, db: Db = getDb()): Promise<LearnerSettings> {
  const row = await db.studySettings.upsert({ where: { userId }, create: { userId, ...input }, update: input });
  return settingsFromRow(row);
}

/** Saves optimised weights (null = back to ts-fsrs's defaults). */
export async function saveWeights(userId: string, weights: number[] | null, db: Db = getDb()): Promise<LearnerSettings> {
  const data = { weights: weights ? JSON.stringify(weights) : null, optimizedAt: weights ? new Date() : null };
  const row = await db.studySettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return settingsFromRow(row);
}

/** The form's starting values. */
export function settingsFormValues(s: LearnerSettings) {
  return {
    desiredRetention: s.scheduling.desiredRetention,
    learningSteps: s.scheduling.learningSteps.join(" "),
    relearningSteps: s.scheduling.relearningSteps.join(" "),
    maximumInterval: s.scheduling.maximumInterval,
    enableFuzz: s.scheduling.enableFuzz,
    timeZone: s.timeZone,
    rolloverHour: s.rolloverHour,
  };
}
