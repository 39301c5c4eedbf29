import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    [250, 250],
    ["500ms", 500],
    ["3s", 3000],
    ["1.5s", 1500],
    ["2m", 120_000],
    ["6h", 21_600_000],
    ["1d", 86_400_000],
  ])("%s is %d ms", (input, ms) => {
    expect(parseDuration(input)).toEqual({ ok: true, ms });
  });

  it.each(["3 sec", "s3", "-1s", "", "1w", true, null, [1]])("refuses %j with a message naming the accepted forms", (input) => {
    const r = parseDuration(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/500ms, 3s, 2m, 6h, 1d|duration ≥ 0/);
  });
});
