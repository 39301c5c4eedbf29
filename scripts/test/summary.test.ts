import { describe, expect, it } from "vitest";
import { closingLine, countPlaywright, countVitest, total, type PlaywrightReport, type VitestReport } from "./summary";

const root = "/repo";

describe("countVitest", () => {
  it("counts passed, failed and skipped tests and names the failed and skipped ones", () => {
    const report: VitestReport = {
      testResults: [
        {
          name: "/repo/lib/a.test.ts",
          status: "failed",
          assertionResults: [
            { title: "adds", ancestorTitles: ["math"], status: "passed" },
            { title: "subtracts", ancestorTitles: ["math"], status: "failed" },
            { title: "divides", ancestorTitles: ["math"], status: "skipped" },
            { title: "later", ancestorTitles: [], status: "todo" },
            { title: "pending one", ancestorTitles: [], status: "pending" },
          ],
        },
      ],
    };
    const count = countVitest("unit", report, root);
    expect(count).toMatchObject({ passed: 1, failed: 1, skipped: 3 });
    expect(count.failures).toEqual(["lib/a.test.ts › math › subtracts"]);
    expect(count.skips).toEqual(["lib/a.test.ts › math › divides", "lib/a.test.ts › later", "lib/a.test.ts › pending one"]);
  });

  it("counts a file that failed without a failing test (import error, beforeAll threw) as one failure", () => {
    const report: VitestReport = {
      testResults: [
        { name: "/repo/tests/integration/x.test.ts", status: "failed", message: "Cannot find module '@/lib/nope'\n  at …", assertionResults: [] },
        { name: "/repo/tests/integration/y.test.ts", status: "failed", message: "", assertionResults: [{ title: "t", status: "skipped" }] },
      ],
    };
    const count = countVitest("integration", report, root);
    expect(count.failed).toBe(2);
    expect(count.failures[0]).toBe("tests/integration/x.test.ts (the file failed: Cannot find module '@/lib/nope')");
    expect(count.skipped).toBe(1);
  });
});

describe("countPlaywright", () => {
  const report: PlaywrightReport = {
    suites: [
      {
        title: "auth.spec.ts",
        specs: [
          { title: "@auth signs in", tests: [{ status: "expected" }] },
          { title: "@auth refuses", tests: [{ status: "unexpected" }] },
        ],
        suites: [{ title: "nested", specs: [{ title: "@labs later", tests: [{ status: "skipped" }, { status: "flaky" }] }] }],
      },
    ],
    errors: [{ message: "\u001b[31mError: global setup failed\u001b[39m\n  at …" }],
  };

  it("walks nested suites, counts statuses, and counts errors outside tests as failures", () => {
    const count = countPlaywright("end-to-end", report);
    expect(count).toMatchObject({ passed: 2, failed: 2, skipped: 1 });
    expect(count.failures).toEqual(["auth.spec.ts › @auth refuses", "(outside any test) Error: global setup failed"]);
    expect(count.skips).toEqual(["auth.spec.ts › nested › @labs later"]);
  });

  it("counts every listed test as skipped when nothing ran (no Chromium)", () => {
    const count = countPlaywright("end-to-end", { suites: report.suites }, { listed: true });
    expect(count).toMatchObject({ passed: 0, failed: 0, skipped: 4 });
  });
});

describe("closing line", () => {
  it("sums every suite into the plain line CI reads", () => {
    const totals = total([
      { suite: "a", passed: 3, failed: 1, skipped: 2, failures: [], skips: [] },
      { suite: "b", passed: 4, failed: 0, skipped: 0, failures: [], skips: [] },
    ]);
    expect(totals).toEqual({ passed: 7, failed: 1, skipped: 2 });
    expect(closingLine(totals)).toBe("7 passed, 1 failed");
  });
});
