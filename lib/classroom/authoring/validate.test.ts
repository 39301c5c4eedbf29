import { describe, expect, it } from "vitest";
import { checkLabText } from "@/lib/labs/check";
import { createQuickJsRuntimeFactory, runScenario } from "@/lib/engine";
import { RETRY_LAB } from "@/lib/labs/testing/fixtures";
import { STARTER_LAB } from "./drafts";
import { quickCheck } from "./validate";

describe("quickCheck (as the author types)", () => {
  it("passes a valid lab and reads its id and title", () => {
    expect(quickCheck(RETRY_LAB)).toMatchObject({ ok: true, errors: [], id: "retry-demo", title: "Retries: 0", variantCount: 6 });
  });

  it("locates a schema error on its line, once even when every variant has it", () => {
    const broken = RETRY_LAB.replace("type: number", "type: numbr");
    const check = quickCheck(broken, "demo.yaml");
    expect(check.ok).toBe(false);
    expect(check.errors).toHaveLength(1);
    const line = broken.split("\n").findIndex((l) => l.includes("numbr")) + 1;
    expect(check.errors[0]).toMatchObject({ file: "demo.yaml", line, path: "questions[0].type" });
  });

  it("reports YAML syntax errors with a position instead of throwing", () => {
    const check = quickCheck("id: x\ntitle: [unclosed\n");
    expect(check.ok).toBe(false);
    expect(check.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe("the starter lab", () => {
  it("passes lab check in full (every variant run)", async () => {
    const runtime = await createQuickJsRuntimeFactory();
    const report = await checkLabText(STARTER_LAB, { run: (s) => runScenario(s, { runtime }) });
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.variants[0]!.truths).toEqual([{ id: "status", value: 200 }, { id: "runs", value: 1 }]);
  });
});
