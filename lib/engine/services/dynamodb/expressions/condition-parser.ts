import type { Comparator, Condition, Operand } from "./ast";
import { TokenStream } from "./token-stream";

/**
 * Grammar (DynamoDB Developer Guide, "Condition expressions" syntax; precedence from highest:
 * comparators, IN, BETWEEN, functions, parentheses, NOT, AND, OR):
 *
 *   condition  := or
 *   or         := and (OR and)*
 *   and        := not (AND not)*
 *   not        := NOT not | primary
 *   primary    := operand comparator operand
 *               | operand BETWEEN operand AND operand
 *               | operand IN ( operand (, operand)* )
 *               | function
 *               | ( condition )
 *   operand    := ( operand ) | function | :value | path
 *   path       := name ( .name | [n] )*        (name is an identifier or a #name)
 */
const KEYWORDS = new Set(["AND", "OR", "NOT", "BETWEEN", "IN"]);
const COMPARATORS: Comparator[] = ["<>", "<=", ">=", "=", "<", ">"];

export type ParseResult<T> = { ok: true; ast: T } | { ok: false; message: string };

class ConditionParser {
  constructor(private readonly s: TokenStream) {}

  parse(): ParseResult<Condition> {
    const ast = this.or();
    if (ast && this.s.atEnd()) return { ok: true, ast };
    return { ok: false, message: this.s.syntaxError() };
  }

  private or(): Condition | undefined {
    return this.s.attempt(() => {
      let left = this.and();
      if (!left) return undefined;
      for (;;) {
        const right = this.s.attempt(() => (this.s.keyword("OR") ? this.and() : undefined));
        if (!right) return left;
        left = { kind: "or", left, right, parens: 0 };
      }
    });
  }

  private and(): Condition | undefined {
    return this.s.attempt(() => {
      let left = this.not();
      if (!left) return undefined;
      for (;;) {
        const right = this.s.attempt(() => (this.s.keyword("AND") ? this.not() : undefined));
        if (!right) return left;
        left = { kind: "and", left, right, parens: 0 };
      }
    });
  }

  private not(): Condition | undefined {
    const negated = this.s.attempt<Condition>(() => {
      if (!this.s.keyword("NOT")) return undefined;
      const operand = this.not();
      return operand ? { kind: "not", operand, parens: 0 } : undefined;
    });
    return negated ?? this.primary();
  }

  private primary(): Condition | undefined {
    return this.comparison() ?? this.s.parenthesised(() => this.or());
  }

  private comparison(): Condition | undefined {
    return this.s.attempt<Condition>(() => {
      const subject = this.operand();
      if (!subject) return undefined;
      for (const op of COMPARATORS) {
        if (this.s.op(op)) {
          const right = this.operand();
          return right ? { kind: "compare", op, left: subject, right, parens: 0 } : undefined;
        }
      }
      if (this.s.keyword("BETWEEN")) {
        const low = this.operand();
        if (!low || !this.s.keyword("AND")) return undefined;
        const high = this.operand();
        return high ? { kind: "between", subject, low, high, parens: 0 } : undefined;
      }
      if (this.s.keyword("IN")) {
        if (!this.s.op("(")) return undefined;
        const list: Operand[] = [];
        do {
          const item = this.operand();
          if (!item) return undefined;
          list.push(item);
        } while (this.s.op(","));
        if (!this.s.op(")")) return undefined;
        return { kind: "in", subject, list, parens: 0 };
      }
      // A bare function call is a condition by itself: attribute_exists(a), begins_with(a, :p) …
      if (subject.kind === "function" && subject.parens === 0) return { kind: "call", call: subject, parens: 0 };
      return undefined;
    });
  }

  private operand(): Operand | undefined {
    return this.s.parenthesised(() => this.operand()) ?? this.s.call(() => this.operand()) ?? this.s.value() ?? this.s.path();
  }
}

export function parseCondition(source: string): ParseResult<Condition> {
  return new ConditionParser(new TokenStream(source, KEYWORDS)).parse();
}
