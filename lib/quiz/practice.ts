/**
 * Practice mode: grade one answer at once and say, option by option, what was right and why.
 */
import { chooseLabel, correctIndexes, type BankQuestion } from "./question";
import { isAnswerCorrect } from "./exam";
import { mulberry32, shuffled } from "../srs/prng";

/**
 * The order to show a question's options in, shuffled per learner (seed) and question. Authors
 * tend to put the right answer early (the built-in bank never puts it last), so showing options
 * as written would teach positions instead of Lambda. Stable for a seed, so a reload keeps it.
 */
export function optionOrder(q: Pick<BankQuestion, "id" | "options">, seed: string | number): number[] {
  return shuffled(q.options.map((_, i) => i), mulberry32(`${seed}:${q.id}`));
}

export type OptionVerdict = "right-chosen" | "right-missed" | "wrong-chosen" | "wrong-not-chosen";

export interface PracticeFeedback {
  correct: boolean;
  /** How many options the question wants chosen (1, or `choose`). */
  required: number;
  /** One line for the learner: "Correct." / "Not quite: …". */
  summary: string;
  options: Array<{ index: number; text: string; correct: boolean; selected: boolean; verdict: OptionVerdict; explanation: string }>;
  /** General feedback, if the question has one. */
  explanation?: string;
}

export type PracticeResult = { ok: true; feedback: PracticeFeedback } | { ok: false; error: string };

export function gradePractice(q: BankQuestion, selected: readonly number[]): PracticeResult {
  const n = q.options.length;
  const bad = selected.find((i) => !Number.isInteger(i) || i < 0 || i >= n);
  if (bad !== undefined) return { ok: false, error: `option ${bad} does not exist: expected an index 0..${n - 1}` };
  if (new Set(selected).size !== selected.length) return { ok: false, error: "an option was selected twice" };
  if (selected.length === 0) return { ok: false, error: q.type === "single" ? "choose an option" : `${chooseLabel(q)} Nothing was chosen.` };
  if (q.type === "single" && selected.length > 1) return { ok: false, error: "this question has one answer: choose one option" };

  const right = correctIndexes(q);
  const chosen = new Set(selected);
  const options = q.options.map((o, index) => {
    const isChosen = chosen.has(index);
    const verdict: OptionVerdict = o.correct ? (isChosen ? "right-chosen" : "right-missed") : isChosen ? "wrong-chosen" : "wrong-not-chosen";
    return { index, text: o.text, correct: o.correct, selected: isChosen, verdict, explanation: o.explanation ?? "" };
  });
  const correct = isAnswerCorrect(q, selected);
  const hits = options.filter((o) => o.verdict === "right-chosen").length;
  const wrong = options.filter((o) => o.verdict === "wrong-chosen").length;
  const summary = correct
    ? "Correct."
    : q.type === "single"
      ? "Not quite: the highlighted option is the right one."
      : `Not quite: you chose ${hits} of the ${right.length} right options${wrong ? ` and ${wrong} wrong one${wrong > 1 ? "s" : ""}` : ""}. Multiple-response questions count only when every right option and no wrong one is chosen.`;
  return { ok: true, feedback: { correct, required: q.type === "multiple" ? (q.choose ?? right.length) : 1, summary, options, explanation: q.explanation } };
}
