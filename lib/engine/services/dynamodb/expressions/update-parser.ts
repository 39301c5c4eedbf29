import type { Operand, UpdateAction, UpdateExpression, UpdateSection } from "./ast";
import type { ParseResult } from "./condition-parser";
import { TokenStream } from "./token-stream";

/**
 * Grammar (DynamoDB Developer Guide, "Update expressions"):
 *
 *   update   := section+
 *   section  := SET path = setvalue (, path = setvalue)*
 *             | REMOVE path (, path)*
 *             | ADD path :value (, path :value)*
 *             | DELETE path :value (, path :value)*
 *   setvalue := ( term ) | term
 *   term     := operand + operand | operand - operand | operand
 *   operand  := ( operand ) | function | :value | path
 */
const SECTIONS: UpdateSection[] = ["SET", "REMOVE", "ADD", "DELETE"];
const KEYWORDS = new Set<string>(SECTIONS);

class UpdateParser {
  private readonly actions: UpdateAction[] = [];
  private readonly sections: UpdateSection[] = [];

  constructor(private readonly s: TokenStream) {}

  parse(): ParseResult<UpdateExpression> {
    if (this.section()) {
      while (this.section());
      if (this.s.atEnd()) return { ok: true, ast: { actions: this.actions, sections: this.sections } };
    }
    return { ok: false, message: this.s.syntaxError() };
  }

  private section(): boolean {
    const parsed = this.s.attempt(() => {
      const keyword = SECTIONS.find((k) => this.s.keyword(k));
      if (!keyword) return undefined;
      const list: UpdateAction[] = [];
      do {
        const action = this.action(keyword);
        if (!action) return undefined;
        list.push(action);
      } while (this.s.op(","));
      return { keyword, list };
    });
    if (!parsed) return false;
    this.sections.push(parsed.keyword);
    this.actions.push(...parsed.list);
    return true;
  }

  private action(section: UpdateSection): UpdateAction | undefined {
    return this.s.attempt<UpdateAction>(() => {
      const path = this.s.path();
      if (!path) return undefined;
      if (section === "REMOVE") return { kind: "REMOVE", path };
      if (section === "SET") {
        if (!this.s.op("=")) return undefined;
        const value = this.s.parenthesised(() => this.term()) ?? this.term();
        return value ? { kind: "SET", path, value } : undefined;
      }
      const value = this.s.value();
      return value ? { kind: section, path, value } : undefined;
    });
  }

  private term(): Operand | undefined {
    return this.s.attempt<Operand>(() => {
      const left = this.operand();
      if (!left) return undefined;
      for (const op of ["+", "-"] as const) {
        if (this.s.op(op)) {
          const right = this.operand();
          return right ? { kind: "arithmetic", op, left, right, parens: 0 } : undefined;
        }
      }
      return left;
    });
  }

  private operand(): Operand | undefined {
    return this.s.parenthesised(() => this.operand()) ?? this.s.call(() => this.operand()) ?? this.s.value() ?? this.s.path();
  }
}

export function parseUpdate(source: string): ParseResult<UpdateExpression> {
  return new UpdateParser(new TokenStream(source, KEYWORDS)).parse();
}
