/**
 * A small JavaScript tokenizer for lab handler code and fenced JavaScript in Markdown: enough to
 * colour keywords, strings, numbers, comments and names. Lossless (the tokens join back to the
 * source) and never throws — an unterminated string or comment simply runs to the end. No regex
 * literals: a `/` is an operator, which only affects colour, never the text.
 */
export type TokenKind = "keyword" | "string" | "number" | "comment" | "name" | "property" | "call" | "punct" | "space";

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set([
  "async", "await", "break", "case", "catch", "class", "const", "continue", "default", "delete", "do", "else", "export", "exports",
  "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new", "null", "of", "require", "return",
  "static", "super", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "yield", "module",
]);

const isIdStart = (c: string) => /[A-Za-z_$\u00C0-\uFFFF]/.test(c);
const isId = (c: string) => /[A-Za-z0-9_$\u00C0-\uFFFF]/.test(c);

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind && (kind === "punct" || kind === "space")) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      push("comment", source.slice(i, stop));
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      push("comment", source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < n && source[j] !== c) {
        if (source[j] === "\\") j++;
        else if (c !== "`" && source[j] === "\n") break;
        j++;
      }
      // Closed by its quote, or (not a template) cut at the end of the line, as JavaScript would.
      const stop = j < n && source[j] === c ? j + 1 : Math.min(j, n);
      push("string", source.slice(i, stop));
      i = stop;
    } else if (/[0-9]/.test(c) || (c === "." && next !== undefined && /[0-9]/.test(next))) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(source[j]!)) j++;
      push("number", source.slice(i, j));
      i = j;
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isId(source[j]!)) j++;
      const word = source.slice(i, j);
      const prev = out[out.length - 1];
      let k = j;
      while (k < n && (source[k] === " " || source[k] === "\t")) k++;
      const kind: TokenKind = KEYWORDS.has(word) ? "keyword" : prev?.kind === "punct" && prev.text.endsWith(".") ? "property" : source[k] === "(" ? "call" : "name";
      push(kind, word);
      i = j;
    } else if (/\s/.test(c)) {
      let j = i + 1;
      while (j < n && /\s/.test(source[j]!)) j++;
      push("space", source.slice(i, j));
      i = j;
    } else {
      push("punct", c);
      i++;
    }
  }
  return out;
}
