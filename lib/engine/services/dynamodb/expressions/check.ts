import { attributeType, compareScalars, type AttributeValue, type AttributeType } from "../attribute-value";
import { isReservedWord } from "../reserved-words";
import { pathToString, type Condition, type FunctionNode, type Operand, type PathElement, type PathNode, type UpdateExpression } from "./ast";

/**
 * Semantic checks of a parsed expression, with DynamoDB's messages. Several problems can exist
 * at once; DynamoDB reports one, and which one follows a fixed precedence (reproduced from
 * dynalite's grammars, which were tuned against the service: parentheses, unknown functions,
 * misused functions, reserved words, then per-condition problems for condition expressions;
 * reserved words, unknown functions, repeated sections, names, values, overlapping paths,
 * operand types for update expressions).
 *
 * On success the AST is resolved in place: every path gets its `elements`, every value its
 * `value`, and the names/values used are recorded in `context` (for the "unused" check).
 */
export interface ExpressionContext {
  names: Readonly<Record<string, string>> | undefined;
  values: Readonly<Record<string, AttributeValue>> | undefined;
  usedNames: Set<string>;
  usedValues: Set<string>;
}

const CONDITION_FUNCTIONS: Record<string, number> = {
  attribute_exists: 1,
  attribute_not_exists: 1,
  attribute_type: 2,
  begins_with: 2,
  contains: 2,
  size: 1,
};
const UPDATE_FUNCTIONS: Record<string, number> = { if_not_exists: 2, list_append: 2 };
const TYPE_WORDS: Partial<Record<AttributeType, string>> = {
  S: "STRING",
  N: "NUMBER",
  B: "BINARY",
  NULL: "NULL",
  BOOL: "BOOLEAN",
  L: "LIST",
  M: "MAP",
};

type Category =
  | "parens"
  | "unknownFunction"
  | "misusedFunction"
  | "reserved"
  | "section"
  | "attrName"
  | "attrValue"
  | "operandCount"
  | "distinct"
  | "pathOverlap"
  | "pathConflict"
  | "operand"
  | "function";

const CONDITION_ORDER: Category[] = ["parens", "unknownFunction", "misusedFunction", "reserved", "attrName", "attrValue", "operandCount", "distinct", "function"];
const UPDATE_ORDER: Category[] = ["parens", "reserved", "unknownFunction", "misusedFunction", "section", "attrName", "attrValue", "pathOverlap", "pathConflict", "operandCount", "operand", "function"];

class Problems {
  private readonly first = new Map<Category, string>();
  add(category: Category, message: string): void {
    if (!this.first.has(category)) this.first.set(category, message);
  }
  pick(order: Category[]): string | undefined {
    for (const c of order) {
      const m = this.first.get(c);
      if (m) return m;
    }
    return undefined;
  }
}

class Checker {
  readonly problems = new Problems();

  constructor(private readonly context: ExpressionContext) {}

  parens(node: { parens: number }): void {
    if (node.parens > 1) this.problems.add("parens", "The expression has redundant parentheses;");
  }

  path(node: PathNode): PathElement[] | undefined {
    this.parens(node);
    const elements: PathElement[] = [];
    let complete = true;
    for (const part of node.parts) {
      if (part.kind === "index") elements.push(part.index);
      else if (part.kind === "name") {
        if (isReservedWord(part.name)) this.problems.add("reserved", `Attribute name is a reserved keyword; reserved keyword: ${part.name}`);
        elements.push(part.name);
      } else {
        const name = this.context.names?.[part.ref];
        if (name === undefined) {
          this.problems.add("attrName", `An expression attribute name used in the document path is not defined; attribute name: ${part.ref}`);
          complete = false;
        } else {
          this.context.usedNames.add(part.ref);
          elements.push(name);
        }
      }
    }
    if (complete) node.elements = elements;
    return complete ? elements : undefined;
  }

  operand(node: Operand, where: "condition" | "update"): void {
    this.parens(node);
    switch (node.kind) {
      case "path":
        this.path(node);
        return;
      case "value": {
        const value = this.context.values?.[node.ref];
        if (value === undefined) {
          this.problems.add("attrValue", `An expression attribute value used in expression is not defined; attribute value: ${node.ref}`);
        } else {
          this.context.usedValues.add(node.ref);
          node.value = value;
        }
        return;
      }
      case "function":
        this.call(node, where);
        return;
      case "arithmetic":
        this.operand(node.left, where);
        this.operand(node.right, where);
        for (const side of [node.left, node.right]) {
          const t = immediateType(side);
          if (t && t !== "N") {
            this.problems.add("function", `Incorrect operand type for operator or function; operator or function: ${node.op}, operand type: ${t}`);
          }
        }
        return;
    }
  }

  call(node: FunctionNode, where: "condition" | "update"): void {
    const own = where === "condition" ? CONDITION_FUNCTIONS : UPDATE_FUNCTIONS;
    const other = where === "condition" ? UPDATE_FUNCTIONS : CONDITION_FUNCTIONS;
    const arity = own[node.name];
    for (const arg of node.args) {
      // Only size() may be nested inside another function of a condition.
      if (where === "condition" && arg.kind === "function" && arg.name !== "size") this.misused(arg.name);
      this.operand(arg, where);
    }
    if (arity === undefined) {
      this.problems.add(
        "unknownFunction",
        other[node.name] !== undefined
          ? `The function is not allowed in ${where === "condition" ? "a condition" : "an update"} expression; function: ${node.name}`
          : `Invalid function name; function: ${node.name}`,
      );
      return;
    }
    if (node.args.length !== arity) {
      this.problems.add(
        "operandCount",
        `Incorrect number of operands for operator or function; operator or function: ${node.name}, number of operands: ${node.args.length}`,
      );
      return;
    }
    this.distinct(node.name, node.args);
    const typeProblem = functionTypeProblem(node);
    if (typeProblem) this.problems.add("function", typeProblem);
  }

  misused(name: string): void {
    this.problems.add("misusedFunction", `The function is not allowed to be used this way in an expression; function: ${name}`);
  }

  /** `a = a`, `begins_with(a, a)`: DynamoDB refuses an operator whose operands are the same path. */
  distinct(operator: string, args: Operand[]): void {
    if (args.length !== 2) return;
    const [a, b] = args;
    if (a?.kind !== "path" || b?.kind !== "path" || !a.elements || !b.elements) return;
    if (a.elements.length === b.elements.length && a.elements.every((e, i) => e === b.elements![i])) {
      this.problems.add(
        "distinct",
        `The first operand must be distinct from the remaining operands for this operator or function; operator: ${operator}, first operand: ${pathToString(a.elements)}`,
      );
    }
  }
}

function immediateType(node: Operand): AttributeType | undefined {
  if (node.kind === "value" && node.value) return attributeType(node.value);
  if (node.kind === "function" && node.name === "size") return "N";
  if (node.kind === "function" && node.name === "list_append") return "L";
  if (node.kind === "arithmetic") return "N";
  return undefined;
}

function functionTypeProblem(node: FunctionNode): string | undefined {
  const wrongType = (t: string) => `Incorrect operand type for operator or function; operator or function: ${node.name}, operand type: ${t}`;
  const [first, second] = node.args;
  switch (node.name) {
    case "attribute_exists":
    case "attribute_not_exists":
    case "if_not_exists":
      return first?.kind === "path" ? undefined : `Operator or function requires a document path; operator or function: ${node.name}`;
    case "begins_with":
      for (const arg of node.args) {
        const t = immediateType(arg);
        if (t && t !== "S" && t !== "B") return wrongType(t);
      }
      return undefined;
    case "attribute_type": {
      const t = second ? immediateType(second) : undefined;
      if (t !== "S") return wrongType(t ?? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
      const name = (second as { value: { S: string } }).value.S;
      if (!["S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M"].includes(name)) {
        return `Invalid attribute type name found; type: ${name}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`;
      }
      return undefined;
    }
    case "size": {
      const t = first ? immediateType(first) : undefined;
      return t === "N" || t === "BOOL" || t === "NULL" ? wrongType(t) : undefined;
    }
    case "list_append":
      for (const arg of node.args) {
        const t = immediateType(arg);
        if (t && t !== "L") return wrongType(t);
      }
      return undefined;
    default:
      return undefined;
  }
}

function describeBound(v: AttributeValue): string {
  const t = attributeType(v);
  return `AttributeValue: {${t}:${JSON.stringify((v as Record<string, unknown>)[t]).replace(/^"|"$/g, "")}}`;
}

export function checkCondition(ast: Condition, context: ExpressionContext): string | undefined {
  const checker = new Checker(context);
  const visit = (c: Condition): void => {
    checker.parens(c);
    switch (c.kind) {
      case "and":
      case "or":
        visit(c.left);
        visit(c.right);
        return;
      case "not":
        visit(c.operand);
        return;
      case "call":
        if (c.call.name === "size") checker.misused("size");
        checker.call(c.call, "condition");
        return;
      case "compare":
      case "between":
      case "in": {
        const operands = c.kind === "compare" ? [c.left, c.right] : c.kind === "between" ? [c.subject, c.low, c.high] : [c.subject, ...c.list];
        for (const o of operands) {
          if (o.kind === "function" && o.name !== "size") checker.misused(o.name);
          checker.operand(o, "condition");
        }
        if (c.kind === "compare") checker.distinct(c.op, operands);
        if (c.kind === "between" && c.low.kind === "value" && c.high.kind === "value" && c.low.value && c.high.value) {
          const bounds = `lower bound operand: ${describeBound(c.low.value)}, upper bound operand: ${describeBound(c.high.value)}`;
          if (attributeType(c.low.value) !== attributeType(c.high.value)) {
            checker.problems.add("function", `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`);
          } else if (compareScalars(c.low.value, c.high.value) === 1) {
            checker.problems.add("function", `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`);
          }
        }
        return;
      }
    }
  };
  visit(ast);
  return checker.problems.pick(CONDITION_ORDER);
}

function overlapProblem(paths: PathElement[][]): { category: Category; message: string } | undefined {
  for (let j = 1; j < paths.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = paths[i]!;
      const b = paths[j]!;
      let k = 0;
      for (; k < a.length && k < b.length; k++) {
        if (typeof a[k] !== typeof b[k]) {
          return {
            category: "pathConflict",
            message: `Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${pathToString(a)}, path two: ${pathToString(b)}`,
          };
        }
        if (a[k] !== b[k]) break;
      }
      if (k === a.length || k === b.length) {
        return {
          category: "pathOverlap",
          message: `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${pathToString(a)}, path two: ${pathToString(b)}`,
        };
      }
    }
  }
  return undefined;
}

export function checkUpdate(ast: UpdateExpression, context: ExpressionContext): string | undefined {
  const checker = new Checker(context);
  const seen = new Set<string>();
  for (const section of ast.sections) {
    if (seen.has(section)) checker.problems.add("section", `The "${section}" section can only be used once in an update expression;`);
    seen.add(section);
  }
  const paths: PathElement[][] = [];
  for (const action of ast.actions) {
    const elements = checker.path(action.path);
    if (elements) paths.push(elements);
    if (action.kind === "SET") {
      checker.operand(action.value, "update");
    } else if (action.kind === "ADD" || action.kind === "DELETE") {
      checker.operand(action.value, "update");
      const t = action.value.value ? attributeType(action.value.value) : undefined;
      const word = t ? TYPE_WORDS[t] : undefined;
      if (word && !(action.kind === "ADD" && t === "N")) {
        checker.problems.add("operand", `Incorrect operand type for operator or function; operator: ${action.kind}, operand type: ${word}`);
      }
    }
  }
  const overlap = overlapProblem(paths);
  if (overlap) checker.problems.add(overlap.category, overlap.message);
  return checker.problems.pick(UPDATE_ORDER);
}
