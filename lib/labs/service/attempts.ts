/**
 * Grading attempts: the learner's stable variant → the cached run of that variant (engine pool on
 * a miss) → predictions checked and compared with the truths → the attempt stored, and the
 * learner's progress row (attempt count, best, latest) updated in the same transaction.
 */
import { randomUUID } from "node:crypto";
import { ActionError } from "@/lib/actions/errors";
import { getDb, type Db } from "@/lib/db";
import { checkAnswers } from "../answers";
import { gradeInstance } from "../grading";
import type { Answers, AttemptView, GradedResult, LabProgress, QuestionResult } from "../types";
import { learnerVariantSeed, variantAt, variantIndexForSeed } from "../variants";
import { visibleLab, type LabUser } from "./access";
import { instanceFor, variantRun } from "./variant-runs";
import { findVersionById, type LabRecord, type LabVersionRecord } from "./versions";

/** The learner's variant of a lab version (stable: see lib/labs/variants.ts). */
export function learnerVariant(user: LabUser, lab: LabRecord, version: LabVersionRecord): { seed: number; index: number } {
  const seed = learnerVariantSeed(user.id, lab.slug);
  return { seed, index: variantIndexForSeed(seed, version.source.variantCount) };
}

export interface GradedAttempt {
  attempt: AttemptView;
  progress: LabProgress;
}

export async function gradeAttempt(user: LabUser, slug: string, rawAnswers: unknown, db: Db = getDb()): Promise<GradedAttempt> {
  const { lab, version } = await visibleLab(user, slug);
  const { seed, index } = learnerVariant(user, lab, version);
  const run = await variantRun(version, index);
  const checked = checkAnswers(run.instance.questions, rawAnswers);
  if (!checked.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(checked.fieldErrors).map(([k, v]) => [k === "_form" ? "answers" : `answers.${k}`, v]));
    throw new ActionError("invalid", Object.keys(fieldErrors).length > 1 ? "Some predictions are not valid." : Object.values(fieldErrors)[0]![0]!, fieldErrors);
  }
  const result = gradeInstance(run.instance, run.truths, checked.answers, { labVersion: version.version, traceDigest: run.traceDigest });
  return storeAttempt(db, { user, lab, version, seed, index, answers: checked.answers, result });
}

const ratio = (score: number, max: number) => (max > 0 ? score / max : 0);

/**
 * One batch transaction (no interactive transaction: it held the connection across awaits and
 * cost 2–3× as much): insert the attempt, upsert the progress row (count + latest; on the first
 * attempt it is also the best), then promote the attempt to best with a conditional UPDATE on
 * bestRatio — atomic, so concurrent attempts of one learner still keep the true best.
 */
async function storeAttempt(
  db: Db,
  a: { user: LabUser; lab: LabRecord; version: LabVersionRecord; seed: number; index: number; answers: Answers; result: GradedResult },
): Promise<GradedAttempt> {
  const id = randomUUID();
  const { score, maxScore } = a.result;
  const r = ratio(score, maxScore);
  const key = { userId: a.user.id, labId: a.lab.id };
  const latest = { latestAttemptId: id, latestScore: score, latestMaxScore: maxScore };
  const best = { bestAttemptId: id, bestScore: score, bestMaxScore: maxScore, bestRatio: r };
  const [row, progress, promoted] = await db.$transaction([
    db.labAttempt.create({
      data: {
        id,
        userId: a.user.id,
        labId: a.lab.id,
        labVersionId: a.version.id,
        variantSeed: a.seed,
        variantIndex: a.index,
        answers: JSON.stringify(a.answers),
        // Explanations belong to the lab version; attemptView puts them back.
        results: JSON.stringify(a.result.questions.map(({ explanation: _e, ...rest }) => rest)),
        score,
        maxScore,
        traceDigest: a.result.traceDigest,
      },
    }),
    db.labProgress.upsert({ where: { userId_labId: key }, create: { ...key, attempts: 1, ...best, ...latest }, update: { attempts: { increment: 1 }, ...latest } }),
    db.labProgress.updateMany({ where: { ...key, bestRatio: { lt: r } }, data: best }),
  ]);
  const createdAt = row.createdAt.toISOString();
  return {
    attempt: { id, createdAt, score, maxScore, result: a.result },
    progress: {
      attempts: progress.attempts,
      best: promoted.count > 0 ? { attemptId: id, score, maxScore } : { attemptId: progress.bestAttemptId, score: progress.bestScore, maxScore: progress.bestMaxScore },
      latest: { attemptId: id, score, maxScore, createdAt },
    },
  };
}

export function progressView(row: { attempts: number; bestAttemptId: string; bestScore: number; bestMaxScore: number; latestAttemptId: string; latestScore: number; latestMaxScore: number; updatedAt: Date } | null): LabProgress {
  if (!row) return { attempts: 0, best: null, latest: null };
  return {
    attempts: row.attempts,
    best: { attemptId: row.bestAttemptId, score: row.bestScore, maxScore: row.bestMaxScore },
    latest: { attemptId: row.latestAttemptId, score: row.latestScore, maxScore: row.latestMaxScore, createdAt: row.updatedAt.toISOString() },
  };
}

type AttemptRow = { id: string; createdAt: Date; score: number; maxScore: number; results: string; traceDigest: string; variantIndex: number; labVersionId: string };

/** Rebuilds the graded result of a stored attempt (its version and variant are looked up). */
export function attemptView(row: AttemptRow, version: LabVersionRecord, lab: LabRecord): AttemptView {
  const variant = variantAt(version.source.params, row.variantIndex);
  const explanations = new Map(instanceFor(version, row.variantIndex).questions.map((q) => [q.id, q.explanation]));
  const questions = (JSON.parse(row.results) as Omit<QuestionResult, "explanation">[]).map((q) => ({ ...q, explanation: explanations.get(q.id) ?? "" }));
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    score: row.score,
    maxScore: row.maxScore,
    result: { lab: lab.slug, labVersion: version.version, variant, questions, score: row.score, maxScore: row.maxScore, traceDigest: row.traceDigest },
  };
}

/** The learner's attempts on a lab, newest first, with their progress. */
export async function listAttempts(user: LabUser, slug: string, opts: { limit?: number } = {}, db: Db = getDb()): Promise<{ attempts: AttemptView[]; progress: LabProgress }> {
  const { lab } = await visibleLab(user, slug);
  const [rows, progress] = await Promise.all([
    db.labAttempt.findMany({ where: { userId: user.id, labId: lab.id }, orderBy: { createdAt: "desc" }, take: Math.min(Math.max(opts.limit ?? 20, 1), 100) }),
    db.labProgress.findUnique({ where: { userId_labId: { userId: user.id, labId: lab.id } } }),
  ]);
  const attempts: AttemptView[] = [];
  for (const row of rows) {
    const version = await findVersionById(row.labVersionId, db);
    if (version) attempts.push(attemptView(row, version, lab));
  }
  return { attempts, progress: progressView(progress) };
}
