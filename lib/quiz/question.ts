/**
 * A bank question as every quiz module sees it (built-in YAML, the authoring form, GIFT import):
 * single answer or multiple response ("Choose TWO."), options with an explanation each.
 */
import type { DomainId } from "./domains";

export type Difficulty = "easy" | "medium" | "hard";

export interface QuestionOption {
  text: string;
  correct: boolean;
  /** Why this option is right or wrong; may be empty for imported questions. */
  explanation?: string;
}

export interface BankQuestion {
  id: string;
  type: "single" | "multiple";
  /** Multiple response only: how many options are correct. */
  choose?: number;
  domain: DomainId;
  topics: string[];
  difficulty: Difficulty;
  /** Markdown. */
  stem: string;
  options: QuestionOption[];
  /** General feedback shown after answering (GIFT's ####), optional. */
  explanation?: string;
  source?: string;
}

/** Indexes of the correct options, ascending. */
export function correctIndexes(q: Pick<BankQuestion, "options">): number[] {
  return q.options.flatMap((o, i) => (o.correct ? [i] : []));
}

/** "Choose TWO." etc., as the real exam words multiple-response questions. */
export function chooseLabel(q: Pick<BankQuestion, "type" | "choose">): string | null {
  if (q.type !== "multiple" || !q.choose) return null;
  const words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"];
  return `Choose ${words[q.choose] ?? String(q.choose)}.`;
}

/** Whether the stem already tells the learner how many to choose ("… (Choose TWO.)"), so the label is not repeated. */
export function stemSaysChoose(stem: string): boolean {
  const n = "(?:two|three|four|five|[2-5])";
  return new RegExp(`\\(\\s*choose\\s+${n}\\s*\\.?\\s*\\)|(?:^|[.?!]\\s+)choose\\s+${n}\\s*\\.`, "i").test(stem);
}

/** A stem as one line of plain text for lists: Markdown marks dropped, cut at `max` characters. */
export function stemExcerpt(stem: string, max = 180): string {
  const plain = stem.replace(/[`*_#>]/g, "").replace(/\s+/g, " ").trim();
  return plain.length > max ? `${plain.slice(0, max - 3)}…` : plain;
}
