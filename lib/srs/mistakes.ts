/**
 * "Make a card" from a mistake — a wrong quiz answer or a wrong lab prediction — for the learner's
 * Mistakes deck. Quiz and labs both call this, so mistakes look the same wherever they come from.
 *
 * The note carries a back-reference tag, `source:quiz:<questionId>` or
 * `source:lab:<labId>:<questionId>`, that deduplicates: the same mistake made twice gives one card.
 * Domain and topic tags are copied so the card shows up in `tag:domain:*` searches and stats.
 */
import type { DomainId } from "../quiz/domains";

export interface MistakeNote {
  type: "basic";
  front: string;
  back: string;
  tags: string[];
  /** The back-reference tag (also in `tags`). */
  sourceRef: string;
}

const tagSafe = (s: string) => s.trim().toLowerCase().replace(/\s+/g, "-");

export const quizSourceRef = (questionId: string) => `source:quiz:${tagSafe(questionId)}`;
export const labSourceRef = (labId: string, questionId: string) => `source:lab:${tagSafe(labId)}:${tagSafe(questionId)}`;

function tagsFor(domains: readonly DomainId[], topics: readonly string[], ref: string): string[] {
  return [...new Set([...domains.map((d) => `domain:${d}`), ...topics.map((t) => `topic:${tagSafe(t)}`), "mistake", ref])];
}

const letter = (i: number) => String.fromCharCode(65 + i);

export interface QuizMistakeInput {
  question: {
    id: string;
    type: "single" | "multiple";
    choose?: number;
    domain: DomainId;
    topics: readonly string[];
    stem: string;
    options: ReadonlyArray<{ text: string; correct: boolean; explanation?: string }>;
    explanation?: string;
  };
  /** What the learner chose (indexes into `options`). */
  selected: readonly number[];
}

/** Front: the question with its lettered options. Back: the right answer(s), why, and why the pick was wrong. */
export function mistakeFromQuiz({ question: q, selected }: QuizMistakeInput): MistakeNote {
  const choose = q.type === "multiple" ? `\n\n*Choose ${q.choose ?? q.options.filter((o) => o.correct).length}.*` : "";
  const front = `${q.stem.trim()}${choose}\n\n${q.options.map((o, i) => `- **${letter(i)}.** ${o.text}`).join("\n")}`;
  const right = q.options.flatMap((o, i) => (o.correct ? [`**${letter(i)}. ${o.text}**${o.explanation ? ` — ${o.explanation}` : ""}`] : []));
  const wrongPicks = selected.filter((i) => q.options[i] && !q.options[i]!.correct);
  const back = [
    right.join("\n\n"),
    wrongPicks.length
      ? `You chose ${wrongPicks.map((i) => `${letter(i)}. ${q.options[i]!.text}${q.options[i]!.explanation ? ` — ${q.options[i]!.explanation}` : ""}`).join("; ")}`
      : selected.length ? "You missed a right option." : "",
    q.explanation ?? "",
  ].filter(Boolean).join("\n\n");
  const sourceRef = quizSourceRef(q.id);
  return { type: "basic", front, back, tags: tagsFor([q.domain], q.topics, sourceRef), sourceRef };
}

export interface LabMistakeInput {
  labId: string;
  labTitle: string;
  questionId: string;
  /** The question as the lab asks it (Markdown). */
  prompt: string;
  predicted: unknown;
  actual: unknown;
  explanation?: string;
  domains: readonly DomainId[];
  topics: readonly string[];
}

/** A lab answer value as Markdown: scalars inline, lists as ordered lists, objects as JSON. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "*(nothing)*";
  if (typeof v === "string") return v === "" ? '*""* (empty)' : `\`${v.replace(/`/g, "ˋ")}\``;
  if (typeof v === "number" || typeof v === "boolean") return `\`${String(v)}\``;
  if (Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null)) return v.length ? v.map((x, i) => `${i + 1}. ${formatValue(x)}`).join("\n") : "*(empty list)*";
  return "```json\n" + JSON.stringify(v, null, 2) + "\n```";
}

export function mistakeFromLab(m: LabMistakeInput): MistakeNote {
  const front = `*Lab: ${m.labTitle}*\n\n${m.prompt.trim()}`;
  const back = [`**Answer:**\n\n${formatValue(m.actual)}`, `You predicted:\n\n${formatValue(m.predicted)}`, m.explanation?.trim() ?? ""].filter(Boolean).join("\n\n");
  const sourceRef = labSourceRef(m.labId, m.questionId);
  return { type: "basic", front, back, tags: tagsFor(m.domains, m.topics, sourceRef), sourceRef };
}

/**
 * Create the card, or point at the one already made from the same mistake. `existing` is the
 * learner's Mistakes-deck notes (id and tags); the service runs this inside the transaction that
 * inserts, and a unique (learner, sourceRef) index backs it against concurrent clicks.
 */
export function planMistakeNote(existing: ReadonlyArray<{ noteId: string; tags: readonly string[] }>, note: MistakeNote):
  | { action: "create"; note: MistakeNote }
  | { action: "exists"; noteId: string } {
  const found = existing.find((n) => n.tags.some((t) => t.toLowerCase() === note.sourceRef));
  return found ? { action: "exists", noteId: found.noteId } : { action: "create", note };
}
