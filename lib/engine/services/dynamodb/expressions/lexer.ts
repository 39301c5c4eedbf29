/**
 * Tokens of DynamoDB's expression language (condition and update expressions).
 * Positions are kept so that syntax errors can quote the text "near" the bad token the way
 * DynamoDB does: `Syntax error; token: "1", near: "VALUE 1"` — the previous token, what lies
 * between, and the offending token (observed messages quoted by moto's and LowVoltage's tests).
 */
export type TokenKind = "name" | "attrName" | "attrValue" | "number" | "op" | "eof" | "unknown";

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const OPERATORS = ["<>", "<=", ">=", "=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-"];

const isLetter = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c === "_";
const isDigit = (c: string) => c >= "0" && c <= "9";
const isNameStart = isLetter;
const isNamePart = (c: string) => isLetter(c) || isDigit(c);
const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isNameStart(c)) {
      while (i < source.length && isNamePart(source[i]!)) i++;
      tokens.push({ kind: "name", text: source.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      while (i < source.length && isDigit(source[i]!)) i++;
      tokens.push({ kind: "number", text: source.slice(start, i), start, end: i });
      continue;
    }
    if ((c === "#" || c === ":") && i + 1 < source.length && isNamePart(source[i + 1]!)) {
      i++;
      while (i < source.length && isNamePart(source[i]!)) i++;
      tokens.push({ kind: c === "#" ? "attrName" : "attrValue", text: source.slice(start, i), start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      i += op.length;
      tokens.push({ kind: "op", text: op, start, end: i });
      continue;
    }
    // A character the language does not know (`!`, `&`, a lone `#`): the parser reports it as the bad token.
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    i += width;
    tokens.push({ kind: "unknown", text: source.slice(start, i), start, end: i });
  }
  tokens.push({ kind: "eof", text: "<EOF>", start: source.length, end: source.length });
  return tokens;
}

/** `Syntax error; token: "<tok>", near: "<previous token … tok>"`. */
export function syntaxErrorMessage(source: string, tokens: Token[], index: number): string {
  const token = tokens[index]!;
  const previous = index > 0 ? tokens[index - 1]! : undefined;
  const near = source.slice(previous ? previous.start : token.start, token.end);
  return `Syntax error; token: "${token.text}", near: "${near}"`;
}
