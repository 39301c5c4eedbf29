/**
 * Seeded mutations of YAML text for the fuzz test: the kinds of damage a hand-edited lab suffers
 * (typos, lost lines, wrong types) and the kinds an attacker tries (huge numbers, deep nesting,
 * alias bombs). Deterministic: the same seed gives the same mutants.
 */
import type { Random } from "@/lib/srs/prng";

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Random, n: number) => Math.floor(r() * n);

const SPECIAL = [":", "-", "{", "}", "[", "]", '"', "'", "&", "*", "!", "|", ">", "#", "\n", " ", "\t", "0", "9", "x", "%", "@", "`", "\\", "\u0000", "é", "\u{1F600}"];
const WRONG_VALUES = ["[1, 2]", "{ a: 1 }", "true", "null", '"text"', "42", "-1", "~", "[]", "{}", "3.5", "'{{retries}}'", '"{{nope}}"', "1e3"];
const HUGE_NUMBERS = ["1e309", "9007199254740993", "-99999999999999999999", "1e-300", "0x7fffffff", "NaN", ".inf", "-.inf", "123456789012345678901234567890", "2147483648"];

export type Mutation = (text: string, r: Random) => string;

const lines = (t: string) => t.split("\n");

export const MUTATIONS: Record<string, Mutation> = {
  byteFlip(t, r) {
    if (!t.length) return t;
    const i = int(r, t.length);
    return t.slice(0, i) + pick(r, SPECIAL) + t.slice(i + 1);
  },
  deleteLine(t, r) {
    const ls = lines(t);
    ls.splice(int(r, ls.length), 1);
    return ls.join("\n");
  },
  duplicateLine(t, r) {
    const ls = lines(t);
    const i = int(r, ls.length);
    ls.splice(i, 0, ls[i]!);
    return ls.join("\n");
  },
  swapLines(t, r) {
    const ls = lines(t);
    const i = int(r, ls.length);
    const j = int(r, ls.length);
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return ls.join("\n");
  },
  swapKeys(t, r) {
    const ls = lines(t);
    const keyed = ls.map((l, i) => [i, /^(\s*(?:- )?)([A-Za-z_][\w-]*):/.exec(l)] as const).filter(([, m]) => m);
    if (keyed.length < 2) return t;
    const [i, a] = pick(r, keyed);
    const [, b] = pick(r, keyed);
    ls[i] = ls[i]!.replace(a![0], `${a![1]}${b![2]}:`);
    return ls.join("\n");
  },
  wrongType(t, r) {
    const ls = lines(t);
    const valued = ls.map((l, i) => [i, /^(\s*(?:- )?[A-Za-z_][\w-]*: )(.+)$/.exec(l)] as const).filter(([, m]) => m);
    if (!valued.length) return t;
    const [i, m] = pick(r, valued);
    ls[i] = m![1] + pick(r, WRONG_VALUES);
    return ls.join("\n");
  },
  hugeNumber(t, r) {
    const numbers = [...t.matchAll(/(?<![\w.])\d+(?![\w.])/g)];
    if (!numbers.length) return `${t}\nseed: ${pick(r, HUGE_NUMBERS)}\n`;
    const m = pick(r, numbers);
    return t.slice(0, m.index) + pick(r, HUGE_NUMBERS) + t.slice(m.index! + m[0].length);
  },
  deepNesting(t, r) {
    const depth = pick(r, [50, 500, 5000]);
    const nested = r() < 0.5 ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
    const ls = lines(t);
    const valued = ls.map((l, i) => [i, /^(\s*(?:- )?[A-Za-z_][\w-]*: ).+$/.exec(l)] as const).filter(([, m]) => m);
    if (!valued.length) return `deep: ${nested}\n${t}`;
    const [i, m] = pick(r, valued);
    ls[i] = m![1] + nested;
    return ls.join("\n");
  },
  aliasBomb(t, r) {
    const width = pick(r, [5, 9]);
    let bomb = `x0: &x0 [${Array(width).fill('"lol"').join(", ")}]\n`;
    for (let k = 1; k <= 9; k++) bomb += `x${k}: &x${k} [${Array(width).fill(`*x${k - 1}`).join(", ")}]\n`;
    return r() < 0.5 ? bomb + t : `${t}\n${bomb}`;
  },
  truncate(t, r) {
    return t.slice(0, int(r, t.length));
  },
  reindent(t, r) {
    const ls = lines(t);
    const i = int(r, ls.length);
    ls[i] = r() < 0.5 ? `  ${ls[i]}` : ls[i]!.replace(/^ {1,2}/, "");
    return ls.join("\n");
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One to three mutations of `text`, named for the failure message. */
export function mutate(text: string, r: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  const n = 1 + int(r, 3);
  for (let k = 0; k < n; k++) {
    const name = pick(r, MUTATION_NAMES);
    applied.push(name);
    out = MUTATIONS[name]!(out, r);
  }
  return { text: out, applied };
}
