import { describe, expect, it } from "vitest";
import { checkLabText } from "./check";
import { RETRY_LAB } from "./testing/fixtures";
import type { Scenario, Trace } from "./types";

/** A stand-in engine: as many failing attempts as 1 + MaximumRetryAttempts, and a 202 for `send`. */
function fakeRun(scenario: Scenario): Trace {
  const retries = Number(scenario.steps[1]!.input.MaximumRetryAttempts);
  return {
    steps: [{ id: "send", op: "Invoke", at: 1000, response: { StatusCode: 202 } }],
    invocations: Array.from({ length: retries + 1 }, () => ({ status: "error" })),
  } as unknown as Trace;
}

describe("lab check", () => {
  it("runs every variant and reports each one's truths", async () => {
    const report = await checkLabText(RETRY_LAB, { run: fakeRun });
    expect(report.ok).toBe(true);
    expect(report.variants.map((v) => v.truths[0]!.value)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(report.variants.every((v) => /^[0-9a-f]{64}$/.test(v.traceDigest))).toBe(true);
  });

  it("refuses a truth of the wrong type at the truth's line, once for all variants", async () => {
    const report = await checkLabText(RETRY_LAB.replace("truth: length(invocations)", "truth: invocations[0].status"), { file: "lab.yaml", run: fakeRun });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ file: "lab.yaml", line: 30, path: "questions[0].truth", message: expect.stringMatching(/must be a number, got "error"$/) }),
    ]);
  });

  it("says once, in the contract's words, that a lab has no scenario", async () => {
    const text = RETRY_LAB.replace(/^scenario:[\s\S]*?(?=^questions:)/m, "");
    const report = await checkLabText(text, { file: "lab.yaml", run: fakeRun });
    const about = report.errors.filter((e) => e.path === "scenario");
    expect(about).toEqual([expect.objectContaining({ file: "lab.yaml", message: expect.stringMatching(/expected a mapping with a `steps` list, got nothing/) })]);
  });

  it("names the variants an error is limited to", async () => {
    // Only retries = 2 yields 3 attempts, which is not among the options.
    const text = RETRY_LAB.replace("type: number\n    truth: length(invocations)", "type: choice\n    options: [1, 2]\n    truth: length(invocations)");
    const report = await checkLabText(text, { run: fakeRun });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(/not one of the options \(1, 2\) \[variant 5 of 6 \(retries=2, fn="orders"\) and 1 more\]/);
  });

  it("refuses a run the engine stopped at a safety cap, and reports an engine crash as internal", async () => {
    const capped = await checkLabText(RETRY_LAB, { run: (s) => ({ ...fakeRun(s), truncated: { reason: "more than 5000000 events", at: 1 } }) });
    expect(capped.errors[0]!.message).toMatch(/safety cap \(more than 5000000 events\)/);
    const crashed = await checkLabText(RETRY_LAB, { run: () => { throw new Error("engine bug"); } });
    expect(crashed.ok).toBe(false);
    expect(crashed.internal).toMatch(/the engine failed on variant 1 of 6.*: engine bug/);
  });
});
