/**
 * One graded run: a lab instance + the trace its scenario produced + the learner's predictions →
 * a GradedResult. Pure: the caller runs the engine (in the pool, or in-process for the CLI).
 */
import { createHash } from "node:crypto";
import type { JSONValue } from "@jmespath-community/jmespath";
import { CREDIT_RULES, gradeQuestion, totals } from "./grade";
import { evaluateTruth, type TruthResult } from "./truth";
import type { Answers, GradedResult, LabInstance, LearnerLab, QuestionResult, Trace } from "./types";

/** sha256 (hex) of the trace's JSON: the engine is deterministic, so equal runs give equal digests. */
export function traceDigest(trace: Trace | JSONValue): string {
  return createHash("sha256").update(JSON.stringify(trace)).digest("hex");
}

export interface QuestionTruth {
  id: string;
  result: TruthResult;
}

/** Every question's truth over a trace, given as plain JSON (`traceAsJson(trace)`). */
export function truthsFor(instance: LabInstance, data: JSONValue): QuestionTruth[] {
  return instance.questions.map((q) => ({ id: q.id, result: evaluateTruth(q, data) }));
}

export function gradeInstance(instance: LabInstance, truths: readonly QuestionTruth[], answers: Answers, meta: { labVersion: number; traceDigest: string }): GradedResult {
  const questions: QuestionResult[] = instance.questions.map((q, i) => {
    const truth = truths[i]!.result;
    const prediction = Object.hasOwn(answers, q.id) ? answers[q.id]! : null;
    if (!truth.ok) {
      return { id: q.id, type: q.type, prediction, truth: null, correct: false, credit: 0, points: 0, maxPoints: 0, explanation: q.explanation, truthError: truth.message };
    }
    return gradeQuestion(q, { value: truth.value, ...(truth.accepted ? { accepted: truth.accepted } : {}) }, prediction);
  });
  return { lab: instance.id, labVersion: meta.labVersion, variant: instance.variant, questions, ...totals(questions), traceDigest: meta.traceDigest };
}

/** The lab as a learner sees it before grading: prompts, options, hints — no truths, no explanations. */
export function toLearnerLab(instance: LabInstance, version: number): LearnerLab {
  return {
    id: instance.id,
    title: instance.title,
    summary: instance.summary,
    domains: instance.domains,
    topics: instance.topics,
    difficulty: instance.difficulty,
    estimatedMinutes: instance.estimatedMinutes,
    version,
    variant: instance.variant,
    scenario: instance.scenario,
    questions: instance.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      hints: q.hints,
      points: q.points,
      ...(q.type === "choice" || q.type === "multi-choice" ? { options: q.options } : {}),
      ...(q.type === "ordered" ? { items: q.items } : {}),
      ...(q.type === "number" && q.tolerance > 0 ? { tolerance: q.tolerance } : {}),
      creditRule: CREDIT_RULES[q.type](q),
    })),
  };
}
