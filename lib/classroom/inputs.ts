/**
 * What forms and the JSON API send — one zod schema per operation, reused by both (forms send
 * text fields; the API may send numbers and ISO dates).
 */
import { z } from "zod";
import { GRADING_METHODS, LATE_POLICIES } from "./grading";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const id = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` }).max(64);

export const className = z.string({ error: "Give the class a name." }).trim().min(1, "Give the class a name.").max(100, "Keep the name under 100 characters.");
export const classTerm = z.preprocess(blankToUndefined, z.string().trim().max(60, "Keep the term under 60 characters.").optional());

export const createClassInput = z.object({ name: className, term: classTerm });
export const updateClassInput = z.object({ classId: id("a class id"), name: className, term: classTerm });
export const classIdInput = z.object({ classId: id("a class id") });
export const joinInput = z.object({ code: z.string({ error: "Enter the class code." }).trim().min(1, "Enter the class code.").max(40, "Class codes are 8 characters, like K7XW-3MFD.") });
export const joinEnabledInput = z.object({
  classId: id("a class id"),
  enabled: z.preprocess((v) => (v === "true" || v === "on" ? true : v === "false" || v === "off" ? false : v), z.boolean({ error: "expected true or false" })),
});
export const memberInput = z.object({ classId: id("a class id"), userId: id("a member id") });
export const coInstructorInput = z.object({ classId: id("a class id"), email: z.email({ error: "Enter the instructor's email address." }).max(254) });

/**
 * A date from the API (ISO 8601 with a zone) or from a form's datetime-local field ("2026-03-10T17:00",
 * no zone) together with `tzOffset` — the browser's getTimezoneOffset() in minutes, set by the form.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
function toDate(v: unknown, tzOffset: unknown): unknown {
  if (typeof v !== "string") return v;
  const m = LOCAL.exec(v.trim());
  if (m) {
    const offset = Number(tzOffset);
    const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
    return new Date(utc + (Number.isFinite(offset) && Math.abs(offset) <= 14 * 60 ? offset : 0) * 60_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v.trim())) return new Date(Number.NaN);
  return new Date(v);
}

const when = (label: string) => z.date({ error: `Enter the ${label} date and time.` }).refine((d) => !Number.isNaN(d.getTime()), `Enter the ${label} date and time.`);

function withDates(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  return { ...r, opensAt: toDate(blankToUndefined(r.opensAt), r.tzOffset), dueAt: toDate(blankToUndefined(r.dueAt), r.tzOffset) };
}

export const MAX_ATTEMPTS = 100;

const assignmentFields = {
  classId: id("a class id"),
  kind: z.enum(["lab", "quiz", "study"], { error: "Choose what to assign: a lab, a quiz or a study goal." }),
  title: z.preprocess(blankToUndefined, z.string().trim().max(120, "Keep the title under 120 characters.").optional()),
  instructions: z.preprocess(blankToUndefined, z.string().trim().max(4000, "Keep the instructions under 4,000 characters.").optional()),
  labSlug: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  quizId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  quizMode: z.preprocess(blankToUndefined, z.enum(["practice", "exam"], { error: "Choose practice or exam mode." }).optional()),
  studyGoal: z.preprocess(blankToUndefined, z.enum(["reviews", "retention"], { error: "Choose a study goal." }).optional()),
  goalTarget: z.preprocess(blankToUndefined, z.coerce.number({ error: "Enter the goal as a number." }).optional()),
  opensAt: when("opening"),
  dueAt: when("due"),
  latePolicy: z.enum(LATE_POLICIES as [string, ...string[]], { error: "Choose a late policy." }).default("accept"),
  latePenaltyPct: z.preprocess(blankToUndefined, z.coerce.number({ error: "Enter a penalty from 1 to 100 %." }).int("Use a whole percent.").min(0).max(100, "At most 100 % a day.").optional()),
  attemptsAllowed: z.preprocess(blankToUndefined, z.coerce.number({ error: "Enter a number of attempts, or leave it empty for unlimited." }).int("Use a whole number.").min(1, "Allow at least 1 attempt.").max(MAX_ATTEMPTS, `At most ${MAX_ATTEMPTS}.`).optional()),
  gradingMethod: z.enum(GRADING_METHODS as [string, ...string[]], { error: "Choose a grading method." }).default("highest"),
};

function checkAssignment(a: z.infer<z.ZodObject<typeof assignmentFields>>, ctx: z.RefinementCtx) {
  if (a.dueAt.getTime() <= a.opensAt.getTime()) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must come after the opening date." });
  if (a.kind === "lab" && !a.labSlug) ctx.addIssue({ code: "custom", path: ["labSlug"], message: "Choose the lab to assign." });
  if (a.kind === "quiz" && !a.quizId) ctx.addIssue({ code: "custom", path: ["quizId"], message: "Choose the quiz to assign." });
  if (a.kind === "quiz" && !a.quizMode) ctx.addIssue({ code: "custom", path: ["quizMode"], message: "Choose practice or exam mode." });
  if (a.kind === "study") {
    if (!a.studyGoal) ctx.addIssue({ code: "custom", path: ["studyGoal"], message: "Choose a study goal." });
    else if (a.goalTarget === undefined) ctx.addIssue({ code: "custom", path: ["goalTarget"], message: a.studyGoal === "reviews" ? "Enter how many cards to review." : "Enter the retention to reach, in %." });
    else if (a.studyGoal === "reviews" && (!Number.isInteger(a.goalTarget) || a.goalTarget < 1 || a.goalTarget > 10_000)) ctx.addIssue({ code: "custom", path: ["goalTarget"], message: "Enter a whole number of reviews from 1 to 10,000." });
    else if (a.studyGoal === "retention" && (a.goalTarget < 50 || a.goalTarget > 99)) ctx.addIssue({ code: "custom", path: ["goalTarget"], message: "Enter a retention from 50 to 99 %." });
  }
  if (a.latePolicy === "penalty" && !a.latePenaltyPct) ctx.addIssue({ code: "custom", path: ["latePenaltyPct"], message: "Enter the penalty per day late, from 1 to 100 %." });
}

export const assignmentInput = z.preprocess(withDates, z.object(assignmentFields).superRefine(checkAssignment));
export const updateAssignmentInput = z.preprocess(withDates, z.object({ ...assignmentFields, assignmentId: id("an assignment id") }).superRefine(checkAssignment));
export const assignmentIdInput = z.object({ assignmentId: id("an assignment id") });
export const learnerDetailInput = z.object({ classId: id("a class id"), userId: id("a learner id") });

export type AssignmentInput = z.output<typeof assignmentInput>;
