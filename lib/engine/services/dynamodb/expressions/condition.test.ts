import { describe, expect, it } from "vitest";
import { checkItem, type Item } from "../attribute-value";
import { evaluateCondition } from "./evaluate-condition";
import { prepareExpressions } from "./prepare";

const ITEM = checkItem(
  {
    id: { S: "order-1" },
    amount: { N: "19.99" },
    qty: { N: "3" },
    state_: { S: "PENDING" },
    title: { S: "Ünïcode" },
    tags: { SS: ["red", "blue"] },
    scores: { NS: ["1", "2.5"] },
    blobs: { BS: ["AAE="] },
    bin: { B: "AQID" },
    paid: { BOOL: false },
    nothing: { NULL: true },
    entries: { L: [{ S: "a" }, { N: "1" }, { M: { sku: { S: "x-1" } } }] },
    address: { M: { city: { S: "Lyon" }, zip: { S: "69001" }, geo: { L: [{ N: "45.75" }, { N: "4.85" }] } } },
    blank: { S: "" },
  },
  "",
);
if (!ITEM.ok) throw new Error("fixture");
const item: Item = ITEM.item;

function evaluate(expression: string, values?: Record<string, unknown>, names?: Record<string, string>, on: Item = item) {
  // DynamoDB refuses unused values, so pass only the ones this expression names.
  const used = values && Object.fromEntries(Object.entries(values).filter(([k]) => new RegExp(`${k}\\b`).test(expression)));
  values = used && Object.keys(used).length > 0 ? used : undefined;
  const prepared = prepareExpressions({ ConditionExpression: expression, ExpressionAttributeValues: values, ExpressionAttributeNames: names }, false);
  if (!prepared.ok) throw new Error(prepared.error.message);
  return evaluateCondition(prepared.output.condition!, on);
}

function problem(expression: string, values?: Record<string, unknown>, names?: Record<string, string>) {
  const prepared = prepareExpressions({ ConditionExpression: expression, ExpressionAttributeValues: values, ExpressionAttributeNames: names }, false);
  if (prepared.ok) throw new Error(`expected a ValidationException for ${expression}`);
  expect(prepared.error.type).toBe("ValidationException");
  return prepared.error.message;
}

describe("condition expressions: comparisons", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["amount = :v", { ":v": { N: "19.990" } }, true],
    ["amount = :v", { ":v": { S: "19.99" } }, false],
    ["amount <> :v", { ":v": { N: "20" } }, true],
    ["amount < :v", { ":v": { N: "20" } }, true],
    ["amount <= :v", { ":v": { N: "19.99" } }, true],
    ["amount > :v", { ":v": { N: "9" } }, true], // numeric, not text, order
    ["amount >= :v", { ":v": { N: "100" } }, false],
    ["amount < :v", { ":v": { S: "z" } }, false], // mixed types never order
    ["id > :v", { ":v": { S: "order-0" } }, true],
    ["id < :v", { ":v": { S: "order-10" } }, true], // "order-1" is a prefix of "order-10"
    ["id < :v", { ":v": { S: "order-05" } }, false],
    ["bin > :v", { ":v": { B: "AQI=" } }, true],
    ["ghost = :v", { ":v": { S: "x" } }, false],
    ["ghost <> :v", { ":v": { S: "x" } }, true], // a missing attribute is "not equal"
    ["ghost < :v", { ":v": { N: "1" } }, false],
    ["tags = :v", { ":v": { SS: ["blue", "red"] } }, true], // sets compare without order
    ["scores = :v", { ":v": { NS: ["2.50", "1"] } }, true],
    ["entries[2].sku = :v", { ":v": { S: "x-1" } }, true],
    ["address.city = :v", { ":v": { S: "Lyon" } }, true],
    ["address.geo[1] = :v", { ":v": { N: "4.85" } }, true],
    ["address.geo[5] = :v", { ":v": { N: "4.85" } }, false],
    ["address.city.nope = :v", { ":v": { S: "Lyon" } }, false],
    ["paid = :f", { ":f": { BOOL: false } }, true],
    ["nothing = :n", { ":n": { NULL: true } }, true],
    ["blank = :e", { ":e": { S: "" } }, true],
    ["qty = entries[1]", {}, false], // two paths: 3 vs 1
    ["amount > entries[1]", {}, true],
    ["address = :m", { ":m": { M: { zip: { S: "69001" }, city: { S: "Lyon" }, geo: { L: [{ N: "45.75" }, { N: "4.85" }] } } } }, true],
  ])("%s with %j is %s", (expression, values, expected) => {
    expect(evaluate(expression, Object.keys(values).length ? values : undefined)).toBe(expected);
  });

  it("BETWEEN is inclusive and typed", () => {
    expect(evaluate("amount BETWEEN :lo AND :hi", { ":lo": { N: "19.99" }, ":hi": { N: "20" } })).toBe(true);
    expect(evaluate("amount BETWEEN :lo AND :hi", { ":lo": { N: "1" }, ":hi": { N: "19.98" } })).toBe(false);
    expect(evaluate("id BETWEEN :lo AND :hi", { ":lo": { S: "order-0" }, ":hi": { S: "order-2" } })).toBe(true);
    expect(evaluate("ghost BETWEEN :lo AND :hi", { ":lo": { N: "1" }, ":hi": { N: "2" } })).toBe(false);
  });

  it("IN matches any listed value of the same type", () => {
    expect(evaluate("state_ IN (:a, :b)", { ":a": { S: "PAID" }, ":b": { S: "PENDING" } }, undefined)).toBe(true);
    expect(evaluate("qty IN (:a, :b)", { ":a": { N: "3.0" }, ":b": { S: "3" } })).toBe(true);
    expect(evaluate("qty IN (:a)", { ":a": { S: "3" } })).toBe(false);
  });
});

describe("condition expressions: functions", () => {
  it.each<[string, Record<string, unknown> | undefined, boolean]>([
    ["attribute_exists(id)", undefined, true],
    ["attribute_exists(ghost)", undefined, false],
    ["attribute_not_exists(ghost)", undefined, true],
    ["attribute_not_exists(id)", undefined, false],
    ["attribute_exists(address.city)", undefined, true],
    ["attribute_exists(entries[7])", undefined, false],
    ["attribute_exists(nothing)", undefined, true], // NULL is a value
    ["attribute_type(tags, :t)", { ":t": { S: "SS" } }, true],
    ["attribute_type(amount, :t)", { ":t": { S: "S" } }, false],
    ["attribute_type(ghost, :t)", { ":t": { S: "S" } }, false],
    ["begins_with(id, :p)", { ":p": { S: "order-" } }, true],
    ["begins_with(id, :p)", { ":p": { S: "ORDER" } }, false],
    ["begins_with(bin, :p)", { ":p": { B: "AQ==" } }, true],
    ["begins_with(amount, :p)", { ":p": { S: "19" } }, false],
    ["contains(title, :s)", { ":s": { S: "nïc" } }, true],
    ["contains(tags, :s)", { ":s": { S: "red" } }, true],
    ["contains(tags, :s)", { ":s": { S: "re" } }, false], // set membership, not substring
    ["contains(scores, :n)", { ":n": { N: "2.50" } }, true],
    ["contains(blobs, :b)", { ":b": { B: "AAE=" } }, true],
    ["contains(entries, :s)", { ":s": { S: "a" } }, true],
    ["contains(entries, :m)", { ":m": { M: { sku: { S: "x-1" } } } }, true],
    ["contains(amount, :s)", { ":s": { S: "1" } }, false],
    ["size(title) = :n", { ":n": { N: "7" } }, true],
    ["size(tags) = :n", { ":n": { N: "2" } }, true],
    ["size(entries) > :n", { ":n": { N: "2" } }, true],
    ["size(address) = :n", { ":n": { N: "3" } }, true],
    ["size(bin) = :n", { ":n": { N: "3" } }, true],
    ["size(ghost) = :n", { ":n": { N: "0" } }, false],
    ["size(amount) = :n", { ":n": { N: "5" } }, false], // numbers have no size
    ["contains(tags, :s) AND size(tags) <= :n", { ":s": { S: "blue" }, ":n": { N: "2" } }, true],
  ])("%s is %s", (expression, values, expected) => {
    expect(evaluate(expression, values)).toBe(expected);
  });
});

describe("condition expressions: logic and precedence", () => {
  const v = { ":t": { BOOL: true }, ":f": { BOOL: false } };
  it.each<[string, boolean]>([
    ["paid = :t OR paid = :f AND paid = :t", false], // AND binds tighter than OR: f OR (t AND f)
    ["(paid = :t OR paid = :f) AND paid = :f", true],
    ["NOT paid = :t", true],
    ["NOT paid = :t AND paid = :t", false], // NOT binds tighter than AND
    ["NOT (paid = :f OR paid = :t)", false],
    ["paid = :f and not paid = :t", true], // keywords are case-insensitive
    ["(paid) = :f", true],
    ["paid = :f OR paid = :t OR paid = :f", true],
  ])("%s is %s", (expression, expected) => {
    expect(evaluate(expression, v)).toBe(expected);
  });

  it("substitutes #names, including reserved words and dotted names", () => {
    expect(evaluate("#s = :p", { ":p": { S: "PENDING" } }, { "#s": "state_" })).toBe(true);
    expect(evaluate("#a.#c = :c", { ":c": { S: "Lyon" } }, { "#a": "address", "#c": "city" })).toBe(true);
    const dotted = checkItem({ "a.b": { S: "literal" } }, "");
    if (!dotted.ok) throw new Error("fixture");
    // "#ab" names ONE attribute called "a.b"; the path a.b would be a map lookup
    expect(evaluate("#ab = :v", { ":v": { S: "literal" } }, { "#ab": "a.b" }, dotted.item)).toBe(true);
    expect(evaluate("attribute_exists(#x)", undefined, { "#x": "__proto__" })).toBe(false);
  });

  it("evaluates against an empty item when the item does not exist yet", () => {
    const none = checkItem({}, "");
    if (!none.ok) throw new Error("fixture");
    expect(evaluate("attribute_not_exists(id)", undefined, undefined, none.item)).toBe(true);
    expect(evaluate("balance = :v", { ":v": { N: "0" } }, undefined, none.item)).toBe(false);
  });
});

describe("condition expressions: errors with DynamoDB's messages", () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, string> | undefined, string]>([
    ["foo", undefined, undefined, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "foo"'],
    ["a = ", undefined, undefined, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= "'],
    ["a == :v", { ":v": { S: "x" } }, undefined, 'Invalid ConditionExpression: Syntax error; token: "=", near: "=="'],
    ["a = :v extra", { ":v": { S: "x" } }, undefined, 'Invalid ConditionExpression: Syntax error; token: "extra", near: ":v extra"'],
    ["a = :v AND", { ":v": { S: "x" } }, undefined, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"'],
    ["a = :v && b = :v", { ":v": { S: "x" } }, undefined, 'Invalid ConditionExpression: Syntax error; token: "&", near: ":v &"'],
    ["balance + :v > :w", { ":v": { N: "1" }, ":w": { N: "1" } }, undefined, 'Invalid ConditionExpression: Syntax error; token: "+", near: "balance +"'],
    ["(a = :v", { ":v": { S: "x" } }, undefined, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":v"'],
    ["", undefined, undefined, "Invalid ConditionExpression: The expression can not be empty;"],
    ["status = :v", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"],
    ["Name = :v", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name"],
    ["a = :nope", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope"],
    ["#nope = :v", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope"],
    ["foo(a)", undefined, undefined, "Invalid ConditionExpression: Invalid function name; function: foo"],
    ["if_not_exists(a, :v) = :v", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists"],
    ["attribute_exists(a, b)", undefined, undefined, "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"],
    ["attribute_exists(:v)", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"],
    ["attribute_exists(a) = :v", { ":v": { BOOL: true } }, undefined, "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists"],
    ["size(a)", undefined, undefined, "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size"],
    ["begins_with(a, :n)", { ":n": { N: "1" } }, undefined, "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"],
    ["attribute_type(a, :t)", { ":t": { S: "STRING" } }, undefined, "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"],
    ["size(:n) > :n", { ":n": { N: "1" } }, undefined, "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N"],
    ["a = a", undefined, undefined, "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"],
    ["((a = :v))", { ":v": { S: "x" } }, undefined, "Invalid ConditionExpression: The expression has redundant parentheses;"],
    ["a BETWEEN :hi AND :lo", { ":hi": { N: "10" }, ":lo": { N: "1" } }, undefined, "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}"],
    ["a BETWEEN :lo AND :s", { ":lo": { N: "1" }, ":s": { S: "z" } }, undefined, "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:z}"],
    ["a = :v", { ":v": { S: "x" }, ":w": { S: "y" } }, undefined, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"],
    ["a = :v", { ":v": { S: "x" } }, { "#n": "name" }, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}"],
    ["a = :v", { ":v": { N: "one" } }, undefined, "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: one for key :v"],
    ["a = :v", { v: { S: "x" } }, undefined, 'ExpressionAttributeValues contains invalid key: Syntax error; key: "v"'],
    ["a = :v", {}, undefined, "ExpressionAttributeValues must not be empty"],
  ])("%s", (expression, values, names, message) => {
    expect(problem(expression, values, names)).toBe(message);
  });

  it("refuses expressions over 4 KB and absurd nesting with a ValidationException, never a stack overflow", () => {
    const long = `a = :v${" OR a = :v".repeat(500)}`;
    expect(problem(long, { ":v": { S: "x" } })).toBe(`Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: ${long.length}`);
    const deep = `${"(".repeat(2000)}a = :v${")".repeat(2000)}`.slice(0, 4096);
    expect(problem(deep, { ":v": { S: "x" } })).toBe("Invalid ConditionExpression: The expression nests more than 256 levels, which the engine does not support");
    expect(problem(`${"NOT ".repeat(1000)}a = :v`, { ":v": { S: "x" } })).toMatch(/nests more than 256 levels/);
    expect(evaluate(`${"NOT ".repeat(200)}paid = :t`, { ":t": { BOOL: true } })).toBe(false);
  });

  it("reports reserved words before undefined values (DynamoDB's precedence)", () => {
    expect(problem("status = :nope", { ":v": { S: "x" } })).toBe("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
  });

  it("refuses names and values without an expression", () => {
    const names = prepareExpressions({ ExpressionAttributeNames: { "#a": "a" } }, false);
    expect(names.ok ? undefined : names.error.message).toBe("ExpressionAttributeNames can only be specified when using expressions");
    const values = prepareExpressions({ ExpressionAttributeValues: { ":a": { S: "a" } } }, false);
    expect(values.ok ? undefined : values.error.message).toBe("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
  });
});
