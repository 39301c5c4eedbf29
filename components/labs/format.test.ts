import { describe, expect, it } from "vitest";
import { compactJson, formatAt, formatDuration, formatDurationShort, formatTick, resourceOf } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [105, "105 ms"],
    [1500, "1.5 s"],
    [59_999, "59.999 s"],
    [60_000, "1 min"],
    [90_000, "1 min 30 s"],
    [21_600_000, "6 h"],
    [93_600_000, "1 d 2 h"],
    [-2000, "−2 s"],
  ])("%d ms → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("formatAt", () => {
  it("is exact to the millisecond past a minute, so retries a minute apart stay distinct", () => {
    expect(formatAt(1105)).toBe("1.105 s");
    expect(formatAt(61_105)).toBe("1 min 1.105 s");
    expect(formatAt(181_117)).toBe("3 min 1.117 s");
    expect(formatAt(1_200_000)).toBe("20 min");
    expect(formatAt(86_400_000 + 3_600_000)).toBe("1 d 1 h");
  });
});

describe("formatTick", () => {
  it("shows only the precision the tick step needs", () => {
    expect(formatTick(1100, 100)).toBe("1.1 s");
    expect(formatTick(1105, 5)).toBe("1.105 s");
    expect(formatTick(120_000, 60_000)).toBe("2 min");
    expect(formatTick(61_105, 20)).toBe("1 min 1.105 s");
  });
});

describe("resourceOf", () => {
  it("names what an ARN points at", () => {
    expect(resourceOf("arn:aws:sqs:us-east-1:123456789012:failed")).toMatchObject({ kind: "queue", name: "failed" });
    expect(resourceOf("arn:aws:lambda:us-east-1:123456789012:function:charge:live")).toMatchObject({ kind: "function", name: "charge", qualifier: "live" });
    expect(resourceOf("arn:aws:kinesis:us-east-1:123456789012:stream/orders")).toMatchObject({ kind: "stream", name: "orders" });
    expect(resourceOf("arn:aws:dynamodb:us-east-1:123456789012:table/balances/stream/2025-01-01T00:00:00.000")).toMatchObject({ kind: "table-stream", name: "balances" });
    expect(resourceOf("arn:aws:events:us-east-1:123456789012:event-bus/results")).toMatchObject({ kind: "bus", name: "results" });
    expect(resourceOf("arn:aws:sns:us-east-1:123456789012:alerts")).toMatchObject({ kind: "topic", name: "alerts" });
    expect(resourceOf("checkout:PROD")).toMatchObject({ kind: "unknown", name: "checkout", qualifier: "PROD" });
  });
});

it("compactJson cuts long values with an ellipsis", () => {
  expect(compactJson({ a: 1 })).toBe('{"a":1}');
  expect(compactJson("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
});

it("formatDurationShort keeps one unit for tight labels", () => {
  expect([596_000, 59_400, 21_600_000, 1500, 90_061_000].map(formatDurationShort)).toEqual(["10 min", "59 s", "6 h", "2 s", "1 d"]);
});
