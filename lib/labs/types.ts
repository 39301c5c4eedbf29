/**
 * The public shapes of labs: what a lab file becomes once parsed, what a learner sees (never a
 * truth), what grading returns, and what the what-if runner takes. The lab player UI, the JSON
 * routes and the CLI all speak these types; lib/labs/README.md describes the file format.
 */
import type { Scenario, Trace } from "@/lib/engine";
import type { DomainId } from "@/lib/quiz/domains";

// The engine's scenario and trace shapes, re-exported so UI code needs one import path for labs.
export type { Scenario, Trace };
export type {
  ScenarioStep,
  StepRecord,
  InvocationRecord,
  ThrottleRecord,
  EnvironmentRecord,
  QueueRecord,
  DeliveryRecord,
  AsyncEventRecord,
  LogRecord,
  FunctionRecord,
  TimelineEntry,
  Trigger,
} from "@/lib/engine";

export const QUESTION_TYPES = ["number", "boolean", "choice", "multi-choice", "ordered", "text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** A value a choice option, an ordered item or a param can hold. */
export type Scalar = string | number | boolean;

/** A choice / multi-choice option or an item to order: the value graded, the label shown. */
export interface LabOption {
  value: Scalar;
  label: string;
}

/** A `params` entry: a list of choices, or every integer of an inclusive range. */
export type ParamDef =
  | { name: string; kind: "choices"; values: Scalar[] }
  | { name: string; kind: "range"; min: number; max: number; values: number[] };

/** One variant of a lab: its position in the enumeration (see variants.ts) and the values drawn. */
export interface Variant {
  /** 0-based index into the lab's enumerated variants. */
  index: number;
  /** How many variants the lab has (1 when it has no params). */
  count: number;
  params: Record<string, Scalar>;
}

interface QuestionBase {
  id: string;
  /** Markdown. */
  prompt: string;
  /** JMESPath over the trace; its value is the truth. Never sent to a learner. */
  truth: string;
  /** Markdown shown after grading; cites the AWS behaviour. */
  explanation: string;
  hints: string[];
  /** Full marks for this question (default 1). */
  points: number;
}

export type LabQuestion =
  | (QuestionBase & { type: "number"; /** |prediction − truth| ≤ tolerance is correct (default 0). */ tolerance: number })
  | (QuestionBase & { type: "boolean" })
  | (QuestionBase & { type: "choice"; options: LabOption[] })
  | (QuestionBase & { type: "multi-choice"; options: LabOption[] })
  | (QuestionBase & { type: "ordered"; items: LabOption[] })
  | (QuestionBase & {
      type: "text";
      /** Optional JMESPath yielding more accepted answers (a text or a list of texts). */
      aliases?: string;
    });

/** Descriptive fields of a lab, the same for every variant except where params are substituted. */
export interface LabMeta {
  /** The lab's slug (lower-case letters, digits, dashes), unique on the instance. */
  id: string;
  title: string;
  /** Markdown. */
  summary: string;
  domains: DomainId[];
  topics: string[];
  difficulty: Difficulty;
  estimatedMinutes: number;
}

/** A lab with one variant's params substituted and its scenario validated: ready to run and grade. */
export interface LabInstance extends LabMeta {
  variant: Variant;
  scenario: Scenario;
  /** The scenario as written in the file after substitution (steps as AWS calls), for what-if edits. */
  scenarioSource: Record<string, unknown>;
  questions: LabQuestion[];
}

/** What a learner is shown before grading: no truths, no explanations. */
export interface LearnerQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  hints: string[];
  points: number;
  options?: LabOption[];
  items?: LabOption[];
  tolerance?: number;
  /** How partial credit works for this type, in one sentence the UI can show. */
  creditRule: string;
}

export interface LearnerLab extends LabMeta {
  /** The stored lab version this view comes from (attempts are graded against it). */
  version: number;
  variant: Variant;
  scenario: Scenario;
  questions: LearnerQuestion[];
}

/** A learner's prediction for one question (see answers.ts for what each type accepts). */
export type AnswerValue = number | boolean | string | Scalar[];
/** Predictions by question id; a missing id is an unanswered question (no credit). */
export type Answers = Record<string, AnswerValue>;

export interface QuestionResult {
  id: string;
  type: QuestionType;
  prediction: AnswerValue | null;
  truth: unknown;
  /** Full marks. */
  correct: boolean;
  /** 0..1, see grade.ts for the partial-credit rules. */
  credit: number;
  /** Points earned: credit × maxPoints, rounded to 2 decimals. */
  points: number;
  maxPoints: number;
  explanation: string;
  /** For text questions: every answer that would have been accepted. */
  accepted?: string[];
  /**
   * Set when the truth could not be computed for this run (a lab bug `lab check` should have
   * caught): the question is left out of the score (maxPoints 0) rather than marked wrong.
   */
  truthError?: string;
}

export interface GradedResult {
  lab: string;
  labVersion: number;
  variant: Variant;
  questions: QuestionResult[];
  score: number;
  maxScore: number;
  /** sha256 (hex) of the canonical trace JSON the truths were computed from. */
  traceDigest: string;
}

/** A stored attempt as the service returns it. */
export interface AttemptView {
  id: string;
  createdAt: string;
  score: number;
  maxScore: number;
  result: GradedResult;
}

export interface LabProgress {
  attempts: number;
  best: { attemptId: string; score: number; maxScore: number } | null;
  latest: { attemptId: string; score: number; maxScore: number; createdAt: string } | null;
}

/** One row of the labs list. */
export interface LabListItem extends LabMeta {
  version: number;
  questionCount: number;
  variantCount: number;
  builtIn: boolean;
  progress: LabProgress;
}

/**
 * A what-if change: either a whitelisted field of one scenario step (named by its step id; see
 * what-if.ts for the whitelist) or one of the lab's own params.
 */
export type WhatIfChange =
  | { step: string; field: string; value: number | boolean }
  | { param: string; value: Scalar };

/** A knob the what-if panel can offer: where it is, what it is now, what it may become. */
export interface WhatIfKnob {
  key: string;
  label: string;
  /** Set for step fields. */
  step?: string;
  op?: string;
  field?: string;
  /** Set for lab params. */
  param?: string;
  current: Scalar | null;
  kind: "integer" | "boolean" | "choice";
  min?: number;
  max?: number;
  choices?: Scalar[];
}

export interface WhatIfResult {
  changes: WhatIfChange[];
  variant: Variant;
  trace: Trace;
  /** Each question's value over the changed run, for a side-by-side with the graded run. */
  truths: Array<{ id: string; value: unknown; error?: string }>;
}
