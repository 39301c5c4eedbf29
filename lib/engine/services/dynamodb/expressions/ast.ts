import type { AttributeValue } from "../attribute-value";

/** One element of a document path as written: a name, an #expression-attribute-name, or a list index. */
export type PathPart =
  | { kind: "name"; name: string }
  | { kind: "attrName"; ref: string }
  | { kind: "index"; index: number };

/** A resolved path element: attribute/map key, or list index. */
export type PathElement = string | number;

export interface PathNode {
  kind: "path";
  parts: PathPart[];
  /** Filled by the checker once #names are substituted. */
  elements?: PathElement[];
  parens: number;
}

export interface ValueNode {
  kind: "value";
  ref: string;
  /** Filled by the checker from ExpressionAttributeValues. */
  value?: AttributeValue;
  parens: number;
}

export interface FunctionNode {
  kind: "function";
  name: string;
  args: Operand[];
  parens: number;
}

/** `a + b` / `a - b`, only inside an update expression's SET value. */
export interface ArithmeticNode {
  kind: "arithmetic";
  op: "+" | "-";
  left: Operand;
  right: Operand;
  parens: number;
}

export type Operand = PathNode | ValueNode | FunctionNode | ArithmeticNode;

export type Comparator = "=" | "<>" | "<" | "<=" | ">" | ">=";

export type Condition = (
  | { kind: "compare"; op: Comparator; left: Operand; right: Operand }
  | { kind: "between"; subject: Operand; low: Operand; high: Operand }
  | { kind: "in"; subject: Operand; list: Operand[] }
  | { kind: "call"; call: FunctionNode }
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "not"; operand: Condition }
) & { parens: number };

export type UpdateSection = "SET" | "REMOVE" | "ADD" | "DELETE";

export type UpdateAction =
  | { kind: "SET"; path: PathNode; value: Operand }
  | { kind: "REMOVE"; path: PathNode }
  | { kind: "ADD" | "DELETE"; path: PathNode; value: ValueNode };

export interface UpdateExpression {
  actions: UpdateAction[];
  /** Sections in the order written, duplicates included (the checker refuses a repeated section). */
  sections: UpdateSection[];
}

/** "[a, b, [0]]": how DynamoDB prints a document path in messages. */
export function pathToString(elements: PathElement[]): string {
  return `[${elements.map((e) => (typeof e === "number" ? `[${e}]` : e)).join(", ")}]`;
}
