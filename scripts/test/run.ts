// npm test — every suite, one closing line:
//   typecheck · unit (Vitest) · integration on SQLite · integration on PostgreSQL (when
//   TEST_DATABASE_URL is set) · end-to-end (Playwright in the system's Chromium)
// Each suite writes machine-readable results into test-results/ (LAMBDALAB_TEST_RESULTS); this
// script sums them, names every failed and skipped test, writes test-results/summary.json and
// ends with the plain line `N passed, N failed`. Exit code 1 on any failure.
//
//   npm test                               all suites
//   npm run test:unit -- lib/auth          one suite; arguments after -- go to Vitest / Playwright
//   npm run test:integration
//   npm run test:e2e -- --grep @labs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium, NO_CHROMIUM_ADVICE } from "../../tests/e2e/support/chromium";
import {
  closingLine,
  countPlaywright,
  countVitest,
  describeCount,
  emptyCount,
  total,
  type PlaywrightReport,
  type SuiteCount,
  type VitestReport,
} from "./summary";

const root = process.cwd();
const results = path.resolve(root, process.env.LAMBDALAB_TEST_RESULTS ?? "test-results");
const SUITES = ["typecheck", "unit", "integration", "e2e"] as const;
type SuiteName = (typeof SUITES)[number];

// The packages' own CLI entry points (their `exports` hide them from require.resolve), run with
// this Node — no npx, no shell.
const bin = {
  tsc: path.join(root, "node_modules/typescript/bin/tsc"),
  vitest: path.join(root, "node_modules/vitest/vitest.mjs"),
  playwright: path.join(root, "node_modules/@playwright/test/cli.js"),
};

function banner(text: string): void {
  console.log(`\n━━━ ${text} ${"━".repeat(Math.max(0, 74 - text.length))}`);
}

function loud(lines: string[]): void {
  const bar = "!".repeat(78);
  console.log(`\n${bar}\n${lines.map((l) => `!!! ${l}`).join("\n")}\n${bar}\n`);
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(process.execPath, [command, ...args], { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** When a suite's process fails without a failing test in its report, that is one failure too. */
function reconcile(count: SuiteCount, exitCode: number, reportFound: boolean): SuiteCount {
  if (!reportFound) {
    count.failed++;
    count.failures.push(`${count.suite}: no results were written (exit code ${exitCode}); see its output above`);
  } else if (exitCode !== 0 && count.failed === 0) {
    count.failed++;
    count.failures.push(`${count.suite}: exited with code ${exitCode} although no test failed; see its output above`);
  }
  return count;
}

function typecheck(): SuiteCount[] {
  banner("typecheck (tsc --noEmit)");
  const result = spawnSync(process.execPath, [bin.tsc, "--noEmit", "-p", "tsconfig.json"], { encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`.trim();
  const count = emptyCount("typecheck");
  if (result.status === 0) {
    count.passed = 1;
    console.log("no type errors");
  } else {
    const errors = output.split("\n").filter((l) => /error TS\d+/.test(l));
    console.log(output.split("\n").slice(0, 60).join("\n"));
    if (errors.length > 60) console.log(`… and more: ${errors.length} errors in all`);
    count.failed = 1;
    count.failures.push(`typecheck: ${errors.length || "some"} type error(s), first: ${errors[0] ?? output.split("\n")[0]}`);
  }
  fs.writeFileSync(path.join(results, "typecheck.json"), JSON.stringify({ exitCode: result.status, output }, null, 2));
  return [count];
}

function vitest(label: string, project: string, file: string, extra: string[], env: Record<string, string> = {}): SuiteCount {
  banner(label);
  const out = path.join(results, file);
  fs.rmSync(out, { force: true });
  const code = run(bin.vitest, ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], env);
  const report = readJson<VitestReport>(out);
  return reconcile(report ? countVitest(label, report, root) : emptyCount(label), code, report !== null);
}

function integration(extra: string[]): SuiteCount[] {
  const sqlite = vitest("integration (SQLite)", "integration", "integration-sqlite.json", extra);
  if (process.env.TEST_DATABASE_URL) {
    return [sqlite, vitest("integration (PostgreSQL)", "integration-postgresql", "integration-postgresql.json", extra)];
  }
  const skipped = emptyCount("integration (PostgreSQL)");
  skipped.skipped = sqlite.passed + sqlite.failed + sqlite.skipped;
  skipped.skips.push(`all ${skipped.skipped} integration tests on PostgreSQL, and the several-instances test: TEST_DATABASE_URL is not set`);
  loud([
    "INTEGRATION TESTS ON POSTGRESQL SKIPPED: TEST_DATABASE_URL is not set.",
    "Run them with e.g. TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm test",
  ]);
  return [sqlite, skipped];
}

function e2e(extra: string[]): SuiteCount[] {
  banner("end-to-end (Playwright)");
  const out = path.join(results, "e2e.json");
  fs.rmSync(out, { force: true });
  const chromium = findChromium();
  if (!chromium.found) {
    // Count what would have run, so the skip is visible in the totals.
    const listFile = path.join(results, "e2e-list.json");
    run(bin.playwright, ["test", "--list", "--reporter=json", ...extra], { PLAYWRIGHT_JSON_OUTPUT_FILE: listFile });
    const listed = readJson<PlaywrightReport>(listFile);
    const count = listed ? countPlaywright("end-to-end", listed, { listed: true }) : emptyCount("end-to-end");
    loud([`END-TO-END TESTS SKIPPED (${count.skipped} tests): ${chromium.reason}.`, NO_CHROMIUM_ADVICE]);
    return [count];
  }
  const code = run(bin.playwright, ["test", ...extra], { LAMBDALAB_TEST_RESULTS: results, NEXT_TELEMETRY_DISABLED: "1" });
  const report = readJson<PlaywrightReport>(out);
  const listed = extra.includes("--list"); // nothing ran: count what was listed as skipped
  return [reconcile(report ? countPlaywright("end-to-end", report, { listed }) : emptyCount("end-to-end"), code, report !== null)];
}

function main(): number {
  const [first, ...rest] = process.argv.slice(2);
  const only = SUITES.includes(first as SuiteName) ? (first as SuiteName) : null;
  const extra = only ? rest : process.argv.slice(2);
  if (!only && extra.length) {
    console.error(`error: unknown suite "${first}"; expected one of ${SUITES.join(", ")} (or nothing for all)`);
    return 2;
  }
  fs.mkdirSync(results, { recursive: true });
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const started = Date.now();
  const counts: SuiteCount[] = [];
  if (!only || only === "typecheck") counts.push(...typecheck());
  if (!only || only === "unit") counts.push(vitest("unit", "unit", "unit.json", extra));
  if (!only || only === "integration") counts.push(...integration(extra));
  if (!only || only === "e2e") counts.push(...e2e(extra));

  const totals = total(counts);
  banner(`summary (${Math.round((Date.now() - started) / 1000)}s)`);
  const width = Math.max(...counts.map((c) => c.suite.length));
  for (const c of counts) console.log(`  ${c.suite.padEnd(width)}  ${describeCount(c)}`);
  const skips = counts.flatMap((c) => c.skips.map((s) => `${c.suite}: ${s}`));
  if (skips.length) {
    console.log(`\nSkipped (${totals.skipped}):`);
    for (const s of skips) console.log(`  - ${s}`);
  }
  const failures = counts.flatMap((c) => c.failures.map((f) => `${c.suite}: ${f}`));
  if (failures.length) {
    console.log(`\nFailed (${totals.failed}):`);
    for (const f of failures) console.log(`  ✗ ${f}`);
  }
  fs.writeFileSync(path.join(results, "summary.json"), JSON.stringify({ ...totals, suites: counts }, null, 2));
  console.log(`\nResults: ${path.relative(root, results) || "."}/ (summary.json and one file per suite)`);
  console.log(closingLine(totals));
  return totals.failed > 0 ? 1 : 0;
}

process.exitCode = main();
