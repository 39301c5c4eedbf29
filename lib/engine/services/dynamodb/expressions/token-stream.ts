import { syntaxErrorMessage, tokenize, type Token } from "./lexer";
import type { FunctionNode, Operand, PathNode, PathPart, ValueNode } from "./ast";

/**
 * A backtracking cursor over the tokens (the grammar is a small PEG, like the one dynalite
 * derived from DynamoDB's behaviour). Every failed match records how far the parser got; when
 * the whole parse fails, the farthest failing token is the one DynamoDB names in its message.
 */
export class TokenStream {
  readonly tokens: Token[];
  pos = 0;
  private farthest = 0;

  constructor(
    readonly source: string,
    private readonly keywords: ReadonlySet<string>,
  ) {
    this.tokens = tokenize(source);
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private miss(): undefined {
    this.farthest = Math.max(this.farthest, this.pos);
    return undefined;
  }

  /** Consumes an operator token with this text. */
  op(text: string): boolean {
    const t = this.peek();
    if (t.kind === "op" && t.text === text) {
      this.pos++;
      return true;
    }
    this.miss();
    return false;
  }

  /** Consumes a keyword (case-insensitive). */
  keyword(word: string): boolean {
    const t = this.peek();
    if (t.kind === "name" && t.text.toUpperCase() === word) {
      this.pos++;
      return true;
    }
    this.miss();
    return false;
  }

  isKeyword(t: Token): boolean {
    return t.kind === "name" && this.keywords.has(t.text.toUpperCase());
  }

  atEnd(): boolean {
    if (this.peek().kind === "eof") return true;
    this.miss();
    return false;
  }

  /** Runs `parse`; on failure, rewinds to where it started. */
  attempt<T>(parse: () => T | undefined): T | undefined {
    const start = this.pos;
    const result = parse();
    if (result === undefined) this.pos = start;
    return result;
  }

  syntaxError(): string {
    return syntaxErrorMessage(this.source, this.tokens, Math.max(this.farthest, this.pos));
  }

  // ---- pieces shared by condition and update expressions ----

  path(): PathNode | undefined {
    return this.attempt(() => {
      const first = this.pathName();
      if (!first) return undefined;
      const parts: PathPart[] = [first];
      for (;;) {
        const more = this.attempt<PathPart>(() => {
          if (this.op(".")) return this.pathName();
          if (this.op("[")) {
            const t = this.peek();
            if (t.kind !== "number") return this.miss();
            this.pos++;
            if (!this.op("]")) return undefined;
            return { kind: "index", index: Number.parseInt(t.text, 10) };
          }
          return undefined;
        });
        if (!more) break;
        parts.push(more);
      }
      return { kind: "path", parts, parens: 0 };
    });
  }

  private pathName(): PathPart | undefined {
    const t = this.peek();
    if (t.kind === "attrName") {
      this.pos++;
      return { kind: "attrName", ref: t.text };
    }
    if (t.kind === "name" && !this.isKeyword(t) && !(this.peek(1).kind === "op" && this.peek(1).text === "(")) {
      this.pos++;
      return { kind: "name", name: t.text };
    }
    return this.miss();
  }

  value(): ValueNode | undefined {
    const t = this.peek();
    if (t.kind !== "attrValue") return this.miss();
    this.pos++;
    return { kind: "value", ref: t.text, parens: 0 };
  }

  /** name(arg, arg, …) where each argument is parsed by `operand`. */
  call(operand: () => Operand | undefined): FunctionNode | undefined {
    return this.attempt(() => {
      const t = this.peek();
      if (t.kind !== "name" || this.isKeyword(t)) return this.miss();
      this.pos++;
      if (!this.op("(")) return undefined;
      const args: Operand[] = [];
      const first = operand();
      if (!first) return undefined;
      args.push(first);
      while (this.op(",")) {
        const next = operand();
        if (!next) return undefined;
        args.push(next);
      }
      if (!this.op(")")) return undefined;
      return { kind: "function", name: t.text, args, parens: 0 };
    });
  }

  /** `( inner )`, counting parentheses on the node so the checker can refuse redundant ones. */
  parenthesised<T extends { parens: number }>(inner: () => T | undefined): T | undefined {
    return this.attempt(() => {
      if (!this.op("(")) return undefined;
      const node = inner();
      if (!node || !this.op(")")) return undefined;
      node.parens += 1;
      return node;
    });
  }
}
