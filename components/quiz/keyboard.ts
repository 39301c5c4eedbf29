/**
 * The players' keyboard shortcuts, as a pure mapping (tested in keyboard.test.ts):
 * 1–8 or A–E choose an option (toggle it in a multiple-response question), F flags for review,
 * N / → next question, P / ← previous, Enter confirms (practice: check, then next).
 * Letters stop at E because F is the flag key, as on the brief's exam layout.
 */
export type PlayerCommand =
  | { kind: "choose"; index: number }
  | { kind: "flag" }
  | { kind: "next" }
  | { kind: "prev" }
  | { kind: "confirm" };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key went to; typing in a field is not a shortcut. */
  target?: EventTarget | null;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

function isTyping(target: EventTarget | null | undefined): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null | undefined;
  if (!el?.tagName) return false;
  // Radio buttons and checkboxes are the options themselves: shortcuts still apply there.
  if (el.tagName === "INPUT" && (el.type === "radio" || el.type === "checkbox")) return false;
  return TYPING.has(el.tagName) || Boolean(el.isContentEditable);
}

function isControl(target: EventTarget | null | undefined): boolean {
  const tag = (target as { tagName?: string } | null | undefined)?.tagName;
  return tag === "BUTTON" || tag === "A";
}

export function commandForKey(e: KeyLike, optionCount: number): PlayerCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null;
  const key = e.key;
  if (/^[1-8]$/.test(key)) {
    const index = Number(key) - 1;
    return index < optionCount ? { kind: "choose", index } : null;
  }
  const lower = key.length === 1 ? key.toLowerCase() : key;
  if (/^[a-e]$/.test(lower)) {
    const index = lower.charCodeAt(0) - 97;
    return index < optionCount ? { kind: "choose", index } : null;
  }
  switch (lower) {
    case "f":
      return { kind: "flag" };
    case "n":
    case "ArrowRight":
      return { kind: "next" };
    case "p":
    case "ArrowLeft":
      return { kind: "prev" };
    case "Enter":
      // Enter on a focused button or link already activates it.
      return isControl(e.target) ? null : { kind: "confirm" };
    default:
      return null;
  }
}

/** "A", "B", … — the label shown beside option `i`. */
export const optionLetter = (i: number) => String.fromCharCode(65 + i);
