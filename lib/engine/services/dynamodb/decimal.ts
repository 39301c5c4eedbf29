/**
 * DynamoDB numbers are decimal strings, not IEEE doubles: "0.1" + "0.2" is exactly "0.3".
 * (AWS: "Numbers are sent across the network to DynamoDB as strings … DynamoDB uses
 * arbitrary-precision decimal arithmetic"; precision is 38 significant digits, positive range
 * 1E-130 to 9.9999999999999999999999999999999999999E+125 — DynamoDB Developer Guide,
 * "Supported data types", Number.)
 *
 * A value is `coefficient × 10^exponent` with a BigInt coefficient; the canonical form has no
 * trailing zeros in the coefficient (so equal numbers have equal representations: "1.50" = "1.5").
 */
export interface Decimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const MAX_SIGNIFICANT_DIGITS = 38;
const MAX_ADJUSTED_EXPONENT = 125;
const MIN_ADJUSTED_EXPONENT = -130;

const ZERO: Decimal = { coefficient: 0n, exponent: 0 };
const NUMBER_PATTERN = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

function normalize(coefficient: bigint, exponent: number): Decimal {
  if (coefficient === 0n) return ZERO;
  let c = coefficient;
  let e = exponent;
  while (c % 10n === 0n) {
    c /= 10n;
    e += 1;
  }
  return { coefficient: c, exponent: e };
}

function digitCount(d: Decimal): number {
  const c = d.coefficient < 0n ? -d.coefficient : d.coefficient;
  return c === 0n ? 1 : c.toString().length;
}

/**
 * The range and precision checks DynamoDB applies to every stored number. Messages as recorded
 * against DynamoDB by dynalite (architect/dynalite validations/index.js `checkNum`).
 */
export function checkDynamoRange(d: Decimal): string | undefined {
  if (d.coefficient === 0n) return undefined;
  const digits = digitCount(d);
  const adjusted = d.exponent + digits - 1;
  if (adjusted > MAX_ADJUSTED_EXPONENT) {
    return "Number overflow. Attempting to store a number with magnitude larger than supported range";
  }
  if (adjusted < MIN_ADJUSTED_EXPONENT) {
    return "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  }
  if (digits > MAX_SIGNIFICANT_DIGITS) return "Attempting to store more than 38 significant digits in a Number";
  return undefined;
}

/** Parses a DynamoDB number string. Returns undefined when the text is not a number at all. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = NUMBER_PATTERN.exec(text);
  if (!m) return undefined;
  const [, sign, intPart, fracPart, onlyFrac, exp] = m;
  const whole = intPart ?? "";
  const frac = onlyFrac ?? fracPart ?? "";
  const digits = (whole + frac).replace(/^0+(?=\d)/, "");
  const exponent = (exp ? Number.parseInt(exp, 10) : 0) - frac.length;
  if (!Number.isSafeInteger(exponent)) return undefined;
  let coefficient = BigInt(digits === "" ? "0" : digits);
  if (sign === "-") coefficient = -coefficient;
  return normalize(coefficient, exponent);
}

/** Plain notation without an exponent, as DynamoDB returns numbers ("1E2" is read back as "100"). */
export function formatDecimal(d: Decimal): string {
  if (d.coefficient === 0n) return "0";
  const negative = d.coefficient < 0n;
  const digits = (negative ? -d.coefficient : d.coefficient).toString();
  let body: string;
  if (d.exponent >= 0) {
    body = digits + "0".repeat(d.exponent);
  } else {
    const point = digits.length + d.exponent;
    body = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`;
  }
  return negative ? `-${body}` : body;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  const scaleA = 10n ** BigInt(a.exponent - exponent);
  const scaleB = 10n ** BigInt(b.exponent - exponent);
  return [a.coefficient * scaleA, b.coefficient * scaleB, exponent];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = align(a, b);
  return normalize(x + y, exponent);
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = align(a, b);
  return normalize(x - y, exponent);
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Significant digits of a canonical number string, without building a BigInt (item sizes are
 * computed on every write). Canonical text has no exponent and no leading/trailing zeros that
 * count: "-0.00120" cannot occur, "0.0012" and "1200" can.
 */
export function significantDigitsOf(text: string): number {
  const digits = text.replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.max(1, digits.length);
}
