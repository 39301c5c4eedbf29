/**
 * What the quiz pages and the /api/quizzes routes send to the browser. Types only (safe to import
 * in client components). Dates are ISO strings; option ids, never correctness, before submission.
 */
import type { DomainId } from "./domains";
import type { DomainResult } from "./exam";
import type { OptionVerdict } from "./practice";

export type AttemptMode = "practice" | "exam";

export interface AttemptOptionView {
  id: string;
  text: string;
}

export interface AttemptQuestionView {
  id: string;
  /** 1-based position in the attempt. */
  number: number;
  type: "single" | "multiple";
  /** Multiple response: how many to choose. */
  choose: number | null;
  stem: string;
  /** In the attempt's shuffled order. */
  options: AttemptOptionView[];
}

export interface AnswerState {
  selected: string[];
  flagged: boolean;
  answeredAt: string | null;
}

export interface OptionFeedbackView {
  id: string;
  text: string;
  correct: boolean;
  selected: boolean;
  verdict: OptionVerdict;
  explanation: string;
}

/** Practice mode (at once) and the review after submission: every option with why. */
export interface QuestionFeedbackView {
  correct: boolean;
  summary: string;
  options: OptionFeedbackView[];
  explanation: string | null;
  domain: DomainId;
  domainName: string;
  source: string | null;
}

export interface AttemptView {
  id: string;
  quizId: string;
  quizTitle: string;
  mode: AttemptMode;
  status: "in-progress" | "submitted";
  startedAt: string;
  /** Exam mode: the server's deadline; null in practice mode. */
  deadline: string | null;
  /** The server's clock when this view was made, so the countdown does not trust the client's. */
  serverNow: string;
  durationMinutes: number | null;
  questions: AttemptQuestionView[];
  answers: Record<string, AnswerState>;
  /** Practice mode: feedback of the questions already answered. */
  feedback: Record<string, QuestionFeedbackView>;
}

export interface SavedAnswer {
  questionId: string;
  selected: string[];
  flagged: boolean;
  answeredAt: string | null;
  /** Exam mode: time left by the server's clock. */
  remainingMs: number | null;
  /** Practice mode: the feedback for this answer. */
  feedback: QuestionFeedbackView | null;
}

export interface ReviewItem extends QuestionFeedbackView {
  id: string;
  number: number;
  type: "single" | "multiple";
  choose: number | null;
  stem: string;
  answered: boolean;
  flagged: boolean;
  /** The question was edited after this attempt; the review shows its current wording. */
  changedSince: boolean;
  /** A card can be made from it: answered wrong (or left blank in an exam). */
  canMakeCard: boolean;
}

export interface ResultView {
  id: string;
  quizId: string;
  quizTitle: string;
  mode: AttemptMode;
  startedAt: string;
  submittedAt: string;
  autoSubmitted: boolean;
  durationMinutes: number | null;
  total: number;
  answered: number;
  correct: number;
  /** Exam mode only. */
  scaledScore: number | null;
  passed: boolean | null;
  passingScaled: number;
  scaledMin: number;
  scaledMax: number;
  scalingExplanation: string;
  perDomain: DomainResult[];
  review: ReviewItem[];
}

export interface MistakeCardResult {
  /** created: a new card in the Mistakes deck; exists: the same mistake already has one. */
  status: "created" | "exists";
  noteId: string;
  deckId: string | null;
}
