import { describe, expect, it } from "vitest";
import { addDecimal, checkDynamoRange, compareDecimal, formatDecimal, parseDecimal, subtractDecimal } from "./decimal";

const d = (s: string) => {
  const v = parseDecimal(s);
  if (!v) throw new Error(`not a number: ${s}`);
  return v;
};
const sum = (a: string, b: string) => formatDecimal(addDecimal(d(a), d(b)));
const diff = (a: string, b: string) => formatDecimal(subtractDecimal(d(a), d(b)));

describe("exact decimal arithmetic (DynamoDB numbers)", () => {
  it.each([
    ["0.1", "0.2", "0.3"],
    ["10", "10", "20"],
    ["19.99", "0.01", "20"],
    ["-5", "5", "0"],
    ["1E2", "1", "101"],
    ["0.000001", "1000000", "1000000.000001"],
    ["99999999999999999999999999999999999999", "1", "100000000000000000000000000000000000000"],
    ["-0.5", "-0.25", "-0.75"],
  ])("%s + %s = %s", (a, b, expected) => {
    expect(sum(a, b)).toBe(expected);
  });

  it.each([
    ["0.3", "0.1", "0.2"],
    ["20", "10", "10"],
    ["10", "20", "-10"],
    ["1", "0.999", "0.001"],
  ])("%s - %s = %s", (a, b, expected) => {
    expect(diff(a, b)).toBe(expected);
  });

  it("is not floating point: a thousand additions of 0.1 make exactly 100", () => {
    let total = d("0");
    for (let i = 0; i < 1000; i++) total = addDecimal(total, d("0.1"));
    expect(formatDecimal(total)).toBe("100");
    expect(0.1 * 1000 === 100 && 0.1 + 0.2 !== 0.3).toBe(true); // the float trap the labs are about
  });

  it.each([
    ["1.50", "1.5"],
    ["001", "1"],
    ["-0", "0"],
    ["+7", "7"],
    [".5", "0.5"],
    ["5.", "5"],
    ["1e2", "100"],
    ["1.25E-3", "0.00125"],
    ["-12.3400", "-12.34"],
  ])("normalises %s to %s, as DynamoDB returns numbers", (input, expected) => {
    expect(formatDecimal(d(input))).toBe(expected);
  });

  it.each(["", "abc", "1.2.3", "--1", "1e", "0x10", " 1", "NaN", "Infinity"])("refuses %j as a number", (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it("orders by value, not by text", () => {
    expect(compareDecimal(d("9"), d("10"))).toBe(-1);
    expect(compareDecimal(d("-2"), d("-10"))).toBe(1);
    expect(compareDecimal(d("1.0"), d("1"))).toBe(0);
    expect(compareDecimal(d("0.001"), d("0.01"))).toBe(-1);
  });

  it("enforces DynamoDB's precision and range", () => {
    expect(checkDynamoRange(d("1".repeat(38)))).toBeUndefined();
    expect(checkDynamoRange(d("1".repeat(39)))).toBe("Attempting to store more than 38 significant digits in a Number");
    expect(checkDynamoRange(d("9.9999999999999999999999999999999999999E+125"))).toBeUndefined();
    expect(checkDynamoRange(d("1E+126"))).toBe("Number overflow. Attempting to store a number with magnitude larger than supported range");
    expect(checkDynamoRange(d("1E-130"))).toBeUndefined();
    expect(checkDynamoRange(d("1E-131"))).toBe("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    // trailing zeros are not significant digits
    expect(checkDynamoRange(d("1" + "0".repeat(100)))).toBeUndefined();
  });
});
