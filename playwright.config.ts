import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// End-to-end tests in Debian's Chromium (Playwright cannot download browsers offline).
// `npx playwright test` builds and serves the app on a fresh SQLite database (tests/e2e/serve.ts).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT ?? 3150);
export const hasChromium = fs.existsSync(chromium);

if (!hasChromium) {
  console.warn(
    `\n!!! End-to-end tests SKIPPED: no Chromium at ${chromium}.\n` +
      `!!! Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.\n`,
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: hasChromium ? [] : ["**/*"],
  outputDir: "tests/e2e/.artifacts/results",
  // One server, one database: tests that depend on "the first account is admin" run in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: hasChromium
    ? {
        command: `node_modules/.bin/tsx tests/e2e/serve.ts`,
        env: { E2E_PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
        url: `http://localhost:${PORT}/api/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: "pipe",
      }
    : undefined,
});
