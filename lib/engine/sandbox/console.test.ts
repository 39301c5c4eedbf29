import { beforeAll, describe, expect, it } from "vitest";
import type { RuntimeFactory } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";
import { started } from "./test-driver";

let factory: RuntimeFactory;
beforeAll(async () => {
  factory = await createQuickJsRuntimeFactory();
});

/** Runs `statements` in a handler and returns the lines it printed. */
function printed(statements: string): string[] {
  const d = started(factory, `exports.handler = async () => { ${statements} };`);
  d.invoke();
  return d.lines();
}

describe("console output formatted as Node's util.format / util.inspect", () => {
  // Expected strings are what Node 20's console.log prints for the same values.
  it.each([
    [`console.log("a", 1, true, null, undefined)`, "a 1 true null undefined"],
    [`console.log({ a: 1, b: "two", c: [1, 2, 3] })`, "{ a: 1, b: 'two', c: [ 1, 2, 3 ] }"],
    [`console.log({ deep: { er: { est: { x: 1 } } } })`, "{ deep: { er: { est: [Object] } } }"],
    [`console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])`, "[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]"],
    [`console.log("%s has %d items costing %i", "cart", 3.5, 42.9)`, "cart has 3.5 items costing 42"],
    [`console.log("%j", { a: [1] })`, '{"a":[1]}'],
    [`console.log("100%% sure", "extra")`, "100% sure extra"],
    [`console.log(new Map([["k", { v: 1 }]]), new Set([1, "x"]))`, "Map(1) { 'k' => { v: 1 } } Set(2) { 1, 'x' }"],
    [`console.log([undefined, null, -0, 10n, Symbol("s")])`, "[ undefined, null, -0, 10n, Symbol(s) ]"],
    [`console.log({ "needs quotes": 1, valid_id: 2 })`, "{ 'needs quotes': 1, valid_id: 2 }"],
    [`console.log("it's", ["it's"])`, `it's [ "it's" ]`],
    [`const a = { name: "loop" }; a.self = a; console.log(a)`, "<ref *1> { name: 'loop', self: [Circular *1] }"],
    [`console.log(function named() {}, () => {}, class Foo {}, async function go() {})`, "[Function: named] [Function (anonymous)] [class Foo] [AsyncFunction: go]"],
    [`class Point { constructor() { this.x = 1; } } console.log(new Point())`, "Point { x: 1 }"],
    [`console.log(Object.create(null))`, "[Object: null prototype] {}"],
    [`console.log(new Date(0), /ab+c/gi)`, "1970-01-01T00:00:00.000Z /ab+c/gi"],
    [`console.log([[]], {}, [])`, "[ [] ] {} []"],
    [`console.log(new Array(5))`, "[ <5 empty items> ]"],
    [`console.log(Array.from({ length: 102 }, (_, i) => i).length, Array.from({ length: 102 }, () => 0).slice(0, 0))`, "102 []"],
  ])("%s", (statements, expected) => {
    expect(printed(statements)).toEqual([expected]);
  });

  it("lists at most 100 array items", () => {
    const [line] = printed(`console.log(Array.from({ length: 120 }, () => "x"))`);
    expect(line).toMatch(/\.\.\. 20 more items\n\]$/);
  });

  it("prints an error as its stack in Node's form", () => {
    const [line] = printed(`const e = new Error("boom"); e.code = "E_BOOM"; console.error(e)`);
    expect(line!.split("\n")[0]).toBe("Error: boom");
    expect(line).toMatch(/\n {4}at .*index\.js/);
    expect(line).toMatch(/\{\n  code: 'E_BOOM'\n\}$/);
  });

  it("maps each console method to its log level", () => {
    const d = started(factory, `exports.handler = async () => { console.log("l"); console.info("i"); console.warn("w"); console.error("e"); console.debug("d"); };`);
    d.invoke();
    expect(d.logs.map((entry) => `${entry.level}:${entry.line}`)).toEqual(["INFO:l", "INFO:i", "WARN:w", "ERROR:e", "DEBUG:d"]);
  });

  it("supports console.time on virtual time, count, assert, group and dir", () => {
    const d = started(
      factory,
      `exports.handler = async () => {
         console.time("work");
         await new Promise((r) => setTimeout(r, 42));
         console.timeEnd("work");
         console.count(); console.count();
         console.assert(1 === 2, "math", "broke");
         console.group("outer"); console.log("inside"); console.groupEnd(); console.log("outside");
         console.dir({ a: 1 });
       };`,
    );
    d.invoke();
    expect(d.lines()).toEqual(["work: 42ms", "default: 1", "default: 2", "Assertion failed: math broke", "outer", "  inside", "outside", "{ a: 1 }"]);
  });

  it("exposes util.format and util.inspect", () => {
    expect(printed(`const util = require("util"); console.log(util.format("%s=%d", "x", 1)); console.log(util.inspect({ a: { b: { c: {} } } }, { depth: 0 }))`)).toEqual([
      "x=1",
      "{ a: [Object] }",
    ]);
  });
});
