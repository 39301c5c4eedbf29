import { describe, expect, it } from "vitest";
import type { ParamDef } from "./types";
import { describeVariant, enumerateVariants, learnerVariantSeed, variantAt, variantCount, variantIndexForSeed } from "./variants";

const params: ParamDef[] = [
  { name: "fn", kind: "choices", values: ["orders", "payments"] },
  { name: "retries", kind: "range", min: 0, max: 2, values: [0, 1, 2] },
];

describe("variants", () => {
  it("enumerates the cartesian product, last param fastest", () => {
    expect(variantCount(params)).toBe(6);
    expect(enumerateVariants(params).map((v) => v.params)).toEqual([
      { fn: "orders", retries: 0 }, { fn: "orders", retries: 1 }, { fn: "orders", retries: 2 },
      { fn: "payments", retries: 0 }, { fn: "payments", retries: 1 }, { fn: "payments", retries: 2 },
    ]);
  });

  it("takes any integer modulo the count, negatives included", () => {
    expect(variantAt(params, 7)).toEqual(variantAt(params, 1));
    expect(variantAt(params, -1).index).toBe(5);
    expect(variantAt([], 12345)).toEqual({ index: 0, count: 1, params: {} });
  });

  it("gives a learner the same seed for a lab every time, and different learners different seeds", () => {
    expect(learnerVariantSeed("user-1", "lab-a")).toBe(learnerVariantSeed("user-1", "lab-a"));
    expect(learnerVariantSeed("user-1", "lab-a")).not.toBe(learnerVariantSeed("user-2", "lab-a"));
    expect(learnerVariantSeed("user-1", "lab-a")).not.toBe(learnerVariantSeed("user-1", "lab-b"));
    // "a\nb" + "c" and "a" + "b\nc" must not collide through concatenation.
    expect(learnerVariantSeed("a\nb", "c")).not.toBe(learnerVariantSeed("a", "b\nc"));
  });

  it("spreads learners over every variant", () => {
    const hits = new Set<number>();
    for (let i = 0; i < 200; i++) hits.add(variantIndexForSeed(learnerVariantSeed(`learner-${i}`, "retry-demo"), 6));
    expect([...hits].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("names a variant by its params", () => {
    expect(describeVariant(variantAt(params, 4))).toBe('variant 5 of 6 (fn="payments", retries=1)');
  });
});
