// Reads the machine-readable results each suite writes (Vitest's and Playwright's JSON reporters)
// and turns them into one count per suite, so `npm test` can end with a plain `N passed, N failed`
// line that CI reads. Skipped tests are counted and named — a silent skip is a defect.
// A file that failed before running any test (an import error) counts as a failure, not as zero.

export interface SuiteCount {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  /** "file › title" of each failed test (or file that failed to load) */
  failures: string[];
  /** "file › title" of each skipped test */
  skips: string[];
}

export function emptyCount(suite: string): SuiteCount {
  return { suite, passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
}

const relative = (file: string, root: string) => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);

// ---- Vitest (Jest-compatible JSON) ----

interface VitestAssertion {
  fullName?: string;
  title: string;
  ancestorTitles?: string[];
  status: string; // passed | failed | pending | skipped | todo | disabled
}

interface VitestFile {
  name: string;
  status: string; // passed | failed
  message?: string;
  assertionResults: VitestAssertion[];
}

export interface VitestReport {
  numTotalTests?: number;
  testResults: VitestFile[];
}

export function countVitest(suite: string, report: VitestReport, root: string): SuiteCount {
  const count = emptyCount(suite);
  for (const file of report.testResults ?? []) {
    const name = relative(file.name, root);
    let fileFailures = 0;
    for (const test of file.assertionResults ?? []) {
      const label = `${name} › ${[...(test.ancestorTitles ?? []), test.title].join(" › ")}`;
      if (test.status === "passed") count.passed++;
      else if (test.status === "failed") {
        count.failed++;
        fileFailures++;
        count.failures.push(label);
      } else {
        count.skipped++;
        count.skips.push(label);
      }
    }
    // A file can fail with no failed test: it did not load, or a hook (beforeAll) threw.
    if (file.status === "failed" && fileFailures === 0) {
      count.failed++;
      const reason = (file.message ?? "").trim().split("\n")[0];
      count.failures.push(`${name} (the file failed${reason ? `: ${reason}` : ""})`);
    }
  }
  return count;
}

// ---- Playwright JSON reporter ----

interface PlaywrightTest {
  projectName?: string;
  status?: string; // expected | unexpected | flaky | skipped
}

interface PlaywrightSpec {
  title: string;
  file?: string;
  tests: PlaywrightTest[];
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  suites?: PlaywrightSuite[];
  errors?: { message?: string }[];
}

function* playwrightTests(suites: PlaywrightSuite[], path: string[] = []): Generator<{ label: string; test: PlaywrightTest }> {
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) yield { label: [...here, spec.title].join(" › "), test };
    }
    yield* playwrightTests(suite.suites ?? [], here);
  }
}

/** `listed`: the report of `playwright test --list` — every test is counted as skipped (nothing ran). */
export function countPlaywright(suite: string, report: PlaywrightReport, options: { listed?: boolean } = {}): SuiteCount {
  const count = emptyCount(suite);
  for (const { label, test } of playwrightTests(report.suites ?? [])) {
    const status = options.listed ? "skipped" : test.status;
    // A flaky test passed on retry; retries are off (playwright.config.ts), so it is a pass here.
    if (status === "expected" || status === "flaky") count.passed++;
    else if (status === "skipped") {
      count.skipped++;
      count.skips.push(label);
    } else {
      count.failed++;
      count.failures.push(label);
    }
  }
  // Errors outside any test: global setup failed, a spec file did not load.
  for (const error of report.errors ?? []) {
    count.failed++;
    count.failures.push(`(outside any test) ${(error.message ?? "error").replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0]}`);
  }
  return count;
}

// ---- Totals ----

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

export function total(counts: SuiteCount[]): Totals {
  return counts.reduce((t, c) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
}

/** The closing line CI reads: exactly `N passed, N failed`. */
export function closingLine(totals: Totals): string {
  return `${totals.passed} passed, ${totals.failed} failed`;
}

export function describeCount(c: SuiteCount): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`;
}
