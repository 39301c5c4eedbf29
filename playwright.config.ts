import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_ADVICE } from "./tests/e2e/support/chromium";

// End-to-end tests in the system's Chromium (Playwright cannot download browsers offline).
// tests/e2e/global-setup.ts builds once into .next-test and serves ONE `next start` on a fresh
// SQLite database with the built-in content, on E2E_PORT (default: first free port from 3150). Specs import
// { test, expect } from tests/e2e/fixtures.ts and tag their titles @auth, @labs, @study,
// @classroom or @authz.
const chromium = findChromium();
const listing = process.argv.includes("--list");

if (!chromium.found && !listing) {
  console.warn(
    `\n${"!".repeat(78)}\n!!! END-TO-END TESTS SKIPPED: ${chromium.reason}.\n!!! ${NO_CHROMIUM_ADVICE}\n${"!".repeat(78)}\n`,
  );
}

const RESULTS = process.env.LAMBDALAB_TEST_RESULTS ?? "test-results";
// Without a browser nothing runs (loudly, above) — but `--list` still counts the specs, so
// `npm test` can report how many were skipped.
const ignoreAll = !chromium.found && !listing;
const FIRST_RUN = /auth-first-run\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/.artifacts/results",
  globalSetup: chromium.found ? "./tests/e2e/global-setup.ts" : undefined,
  // One server and one database: specs run one at a time (2 shared cores; no cross-test races).
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(RESULTS, "e2e.json") }]],
  use: {
    // The harness picks the port (E2E_PORT, or the first free one from 3150); fixtures.ts sets
    // baseURL from what it reports.
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium.found ? { executablePath: chromium.path, args: CHROMIUM_ARGS } : {},
  },
  projects: [
    // "The first account becomes admin" needs an instance nobody has signed up to yet: it runs
    // before every other spec, whichever spec or tag you run.
    { name: "first-run", testMatch: FIRST_RUN, testIgnore: ignoreAll ? ["**/*"] : [] },
    { name: "chromium", testIgnore: ignoreAll ? ["**/*"] : FIRST_RUN, dependencies: ["first-run"] },
  ],
});
