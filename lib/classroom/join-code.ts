/**
 * Join codes: 8 characters from Crockford's base-32 alphabet without 0 and 1 — so no 0/O, 1/I/L
 * pair and no U (Crockford drops it against accidental words) — shown as two groups of four
 * ("K7XW-3MFD"). Typed codes are forgiving: lower case, spaces and dashes are fine.
 *
 * Strength: 30^8 ≈ 6.6 × 10^11 codes (≈ 39 bits). Joining is limited to 10 tries per account and
 * 30 wrong ones per address per 15 minutes (lib/classroom/procedures.ts): under 1,000 guesses a day per
 * account. With 10,000 live classes a guess hits some class with probability 1.5 × 10^-8, so a
 * whole year of guessing from one account (~350,000 tries) finds a class with probability ≈ 0.5 %,
 * and the instructor sees the stranger on the roster and can remove them and rotate the code.
 */
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A new random code (crypto-strong). `pick(n)` returns an integer in [0, n) — injectable for tests. */
export function generateJoinCode(pick: (n: number) => number = (n) => randomInt(n)): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * What a person typed → the stored form: upper case, without spaces and dashes. Returns null when
 * it cannot be a code at all (wrong length or a letter outside the alphabet) — still a "no class
 * has this code" for the person, but no database look-up is spent on it.
 */
export function normaliseJoinCode(input: string): string | null {
  const code = input.normalize("NFKC").toUpperCase().replace(/[\s\-_.]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** "K7XWAMFD" → "K7XW-AMFD", for reading aloud and copying. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** log2 of the number of possible codes (for the README and the test that keeps it honest). */
export function joinCodeBits(): number {
  return JOIN_CODE_LENGTH * Math.log2(JOIN_CODE_ALPHABET.length);
}
