import { describe, expect, it } from "vitest";
import { checkItem, type Item } from "../attribute-value";
import { DynamoDbFailure } from "../errors";
import { applyUpdate } from "./apply-update";
import { prepareExpressions } from "./prepare";

function itemOf(raw: Record<string, unknown>): Item {
  const checked = checkItem(raw, "");
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.item;
}

const BASE = itemOf({
  id: { S: "acct-1" },
  balance: { N: "10.10" },
  tags: { SS: ["a", "b"] },
  ids: { NS: ["1", "2"] },
  cart: { L: [{ S: "x" }, { S: "y" }, { S: "z" }] },
  profile: { M: { nick: { S: "al" }, prefs: { M: { theme: { S: "dark" } } } } },
  flag: { BOOL: true },
});

function update(expression: string, values?: Record<string, unknown>, names?: Record<string, string>, on: Item = BASE): Item {
  const prepared = prepareExpressions({ UpdateExpression: expression, ExpressionAttributeValues: values, ExpressionAttributeNames: names }, true);
  if (!prepared.ok) throw new Error(prepared.error.message);
  return JSON.parse(JSON.stringify(applyUpdate(on, prepared.output.update!))) as Item;
}

function parseProblem(expression: string, values?: Record<string, unknown>, names?: Record<string, string>): string {
  const prepared = prepareExpressions({ UpdateExpression: expression, ExpressionAttributeValues: values, ExpressionAttributeNames: names }, true);
  if (prepared.ok) throw new Error(`expected a ValidationException for ${expression}`);
  return prepared.error.message;
}

function applyProblem(expression: string, values?: Record<string, unknown>, on: Item = BASE): string {
  const prepared = prepareExpressions({ UpdateExpression: expression, ExpressionAttributeValues: values }, true);
  if (!prepared.ok) throw new Error(prepared.error.message);
  try {
    applyUpdate(on, prepared.output.update!);
  } catch (e) {
    if (e instanceof DynamoDbFailure) return e.error.message;
    throw e;
  }
  throw new Error("expected the update to fail");
}

describe("update expressions: SET", () => {
  it("adds and subtracts exactly in decimal", () => {
    expect(update("SET balance = balance + :d", { ":d": { N: "0.2" } }).balance).toEqual({ N: "10.3" });
    expect(update("SET balance = balance - :d", { ":d": { N: "20.2" } }).balance).toEqual({ N: "-10.1" });
    expect(update("SET balance = :a + :b", { ":a": { N: "0.1" }, ":b": { N: "0.2" } }).balance).toEqual({ N: "0.3" });
  });

  it("sets the same value twice idempotently, while adding twice adds twice (the idempotency lab)", () => {
    const add = (on: Item) => update("SET balance = balance + :ten", { ":ten": { N: "10" } }, undefined, on);
    const set = (on: Item) => update("SET balance = :twenty", { ":twenty": { N: "20" } }, undefined, on);
    const start = itemOf({ id: { S: "alice" }, balance: { N: "0" } });
    expect(add(itemOf(add(start) as Record<string, unknown>)).balance).toEqual({ N: "20" });
    expect(set(itemOf(set(start) as Record<string, unknown>)).balance).toEqual({ N: "20" });
    expect(add(itemOf(add(itemOf(add(start) as Record<string, unknown>)) as Record<string, unknown>)).balance).toEqual({ N: "30" });
  });

  it("if_not_exists initialises a counter once", () => {
    const fresh = itemOf({ id: { S: "n" } });
    const once = update("SET visits = if_not_exists(visits, :zero) + :one", { ":zero": { N: "0" }, ":one": { N: "1" } }, undefined, fresh);
    expect(once.visits).toEqual({ N: "1" });
    const twice = update("SET visits = if_not_exists(visits, :zero) + :one", { ":zero": { N: "0" }, ":one": { N: "1" } }, undefined, itemOf(once as Record<string, unknown>));
    expect(twice.visits).toEqual({ N: "2" });
    expect(update("SET balance = if_not_exists(balance, :z)", { ":z": { N: "0" } }).balance).toEqual({ N: "10.1" });
  });

  it("list_append appends or prepends, and composes with if_not_exists", () => {
    expect(update("SET cart = list_append(cart, :more)", { ":more": { L: [{ S: "w" }] } }).cart).toEqual({ L: [{ S: "x" }, { S: "y" }, { S: "z" }, { S: "w" }] });
    expect(update("SET cart = list_append(:more, cart)", { ":more": { L: [{ S: "w" }] } }).cart).toEqual({ L: [{ S: "w" }, { S: "x" }, { S: "y" }, { S: "z" }] });
    expect(update("SET history = list_append(if_not_exists(history, :empty), :e)", { ":empty": { L: [] }, ":e": { L: [{ N: "1" }] } }).history).toEqual({ L: [{ N: "1" }] });
  });

  it("writes nested paths and list elements, appending past the end", () => {
    const r = update("SET profile.prefs.theme = :t, profile.age = :a, cart[1] = :y, cart[10] = :end", {
      ":t": { S: "light" },
      ":a": { N: "42" },
      ":y": { S: "Y" },
      ":end": { S: "last" },
    });
    expect(r.profile).toEqual({ M: { nick: { S: "al" }, prefs: { M: { theme: { S: "light" } } }, age: { N: "42" } } });
    expect(r.cart).toEqual({ L: [{ S: "x" }, { S: "Y" }, { S: "z" }, { S: "last" }] });
  });

  it("reads every operand from the item before the update", () => {
    // swap: both right-hand sides see the original values
    const r = update("SET a = b, b = a", undefined, undefined, itemOf({ id: { S: "s" }, a: { N: "1" }, b: { N: "2" } }));
    expect([r.a, r.b]).toEqual([{ N: "2" }, { N: "1" }]);
  });

  it("substitutes names for reserved words", () => {
    expect(update("SET #s = :s, #c = :c", { ":s": { S: "DONE" }, ":c": { N: "1" } }, { "#s": "status", "#c": "count" })).toMatchObject({
      status: { S: "DONE" },
      count: { N: "1" },
    });
  });
});

describe("update expressions: REMOVE, ADD, DELETE", () => {
  it("REMOVE deletes attributes, nested keys and list elements by their original positions", () => {
    const r = update("REMOVE flag, profile.nick, cart[0], cart[2], nothing_here");
    expect(r.flag).toBeUndefined();
    expect(r.profile).toEqual({ M: { prefs: { M: { theme: { S: "dark" } } } } });
    expect(r.cart).toEqual({ L: [{ S: "y" }] });
  });

  it("ADD adds to numbers (missing counts as 0) and unions sets", () => {
    expect(update("ADD balance :d", { ":d": { N: "-0.10" } }).balance).toEqual({ N: "10" });
    expect(update("ADD visits :one", { ":one": { N: "1" } }).visits).toEqual({ N: "1" });
    expect(update("ADD tags :t", { ":t": { SS: ["b", "c"] } }).tags).toEqual({ SS: ["a", "b", "c"] });
    expect(update("ADD ids :n", { ":n": { NS: ["2.0", "3"] } }).ids).toEqual({ NS: ["1", "2", "3"] });
    expect(update("ADD fresh :t", { ":t": { SS: ["x"] } }).fresh).toEqual({ SS: ["x"] });
  });

  it("DELETE removes set members, and the attribute once the set is empty", () => {
    expect(update("DELETE tags :t", { ":t": { SS: ["a", "zz"] } }).tags).toEqual({ SS: ["b"] });
    expect(update("DELETE tags :t", { ":t": { SS: ["a", "b"] } }).tags).toBeUndefined();
    expect(update("DELETE nowhere :t", { ":t": { SS: ["a"] } }).nowhere).toBeUndefined();
  });

  it("combines sections in one expression", () => {
    const r = update("SET balance = balance + :d REMOVE flag ADD tags :t DELETE ids :i", {
      ":d": { N: "1" },
      ":t": { SS: ["c"] },
      ":i": { NS: ["1"] },
    });
    expect(r).toMatchObject({ balance: { N: "11.1" }, tags: { SS: ["a", "b", "c"] }, ids: { NS: ["2"] } });
    expect(r.flag).toBeUndefined();
  });

  it("does not touch the original item", () => {
    update("SET balance = :z REMOVE cart[0]", { ":z": { N: "0" } });
    expect(BASE.balance).toEqual({ N: "10.1" });
    expect((BASE.cart as { L: unknown[] }).L).toHaveLength(3);
  });
});

describe("update expressions: errors", () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, string> | undefined, string]>([
    ["SET path = VALUE 1", undefined, undefined, 'Invalid UpdateExpression: Syntax error; token: "1", near: "VALUE 1"'],
    ["SET a = :v,", { ":v": { N: "1" } }, undefined, 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ","'],
    ["UPSERT a = :v", { ":v": { N: "1" } }, undefined, 'Invalid UpdateExpression: Syntax error; token: "UPSERT", near: "UPSERT"'],
    ["SET a = :v + :w + :x", { ":v": { N: "1" }, ":w": { N: "1" }, ":x": { N: "1" } }, undefined, 'Invalid UpdateExpression: Syntax error; token: "+", near: ":w +"'],
    ["ADD a = :v", { ":v": { N: "1" } }, undefined, 'Invalid UpdateExpression: Syntax error; token: "=", near: "a ="'],
    ["", undefined, undefined, "Invalid UpdateExpression: The expression can not be empty;"],
    ["SET status = :v", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"],
    ["SET a = :v SET b = :v", { ":v": { S: "x" } }, undefined, 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;'],
    ["SET a = :nope", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope"],
    ["SET #a = :v", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a"],
    ["SET a = :v, a = :v", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"],
    ["SET a.b = :v REMOVE a", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"],
    ["SET a[0] = :v REMOVE a.b", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]"],
    ["ADD a :v", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"],
    ["DELETE a :v", { ":v": { N: "1" } }, undefined, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"],
    ["SET a = a + :s", { ":s": { S: "x" } }, undefined, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"],
    ["SET a = list_append(a, :s)", { ":s": { S: "x" } }, undefined, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S"],
    ["SET a = if_not_exists(:v, :v)", { ":v": { S: "x" } }, undefined, "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"],
    ["SET a = size(b)", undefined, undefined, "Invalid UpdateExpression: The function is not allowed in an update expression; function: size"],
    ["SET a = concat(b, c)", undefined, undefined, "Invalid UpdateExpression: Invalid function name; function: concat"],
    ["SET a = if_not_exists(a)", undefined, undefined, "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"],
    ["SET a = :v", { ":v": { S: "x" }, ":w": { S: "y" } }, undefined, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"],
  ])("%s", (expression, values, names, message) => {
    expect(parseProblem(expression, values, names)).toBe(message);
  });

  it.each<[string, Record<string, unknown> | undefined, string]>([
    ["SET balance = nothing + :d", { ":d": { N: "1" } }, "The provided expression refers to an attribute that does not exist in the item"],
    ["SET balance = flag + :d", { ":d": { N: "1" } }, "An operand in the update expression has an incorrect data type"],
    ["SET cart = list_append(balance, :l)", { ":l": { L: [] } }, "An operand in the update expression has an incorrect data type"],
    ["SET nowhere.deeper = :v", { ":v": { S: "x" } }, "The document path provided in the update expression is invalid for update"],
    ["SET balance.cents = :v", { ":v": { S: "x" } }, "The document path provided in the update expression is invalid for update"],
    ["SET profile[0] = :v", { ":v": { S: "x" } }, "The document path provided in the update expression is invalid for update"],
    ["REMOVE nowhere.deeper", undefined, "The document path provided in the update expression is invalid for update"],
    ["ADD tags :n", { ":n": { NS: ["1"] } }, "An operand in the update expression has an incorrect data type"],
    ["ADD flag :n", { ":n": { N: "1" } }, "An operand in the update expression has an incorrect data type"],
    ["DELETE ids :s", { ":s": { SS: ["1"] } }, "An operand in the update expression has an incorrect data type"],
    ["SET balance = :a + :b", { ":a": { N: "9E+125" }, ":b": { N: "9E+125" } }, "Number overflow. Attempting to store a number with magnitude larger than supported range"],
    ["SET balance = balance + :tiny", { ":tiny": { N: "1E-100" } }, "Attempting to store more than 38 significant digits in a Number"],
  ])("%s fails when applied: %s", (expression, values, message) => {
    expect(applyProblem(expression, values)).toBe(message);
  });
});
