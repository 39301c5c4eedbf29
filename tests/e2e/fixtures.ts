// What every end-to-end spec imports instead of @playwright/test:
//
//   import { expect, test } from "./fixtures";
//
//   test("@labs a learner predicts and runs a lab", async ({ page, signInAs, saveScreenshot }) => {
//     const me = await signInAs("learner");          // a fresh learner, signed in in this page
//     await page.goto("/labs");
//     await saveScreenshot("labs-index");                // tests/e2e/.artifacts/screenshots/<spec>/labs-index.png
//   });
//
//   test("@classroom …", async ({ accounts, browser }) => {
//     const teacher = await accounts.create({ role: "instructor", name: "Ms Rivera" });
//     const pupil = await accounts.create();          // a learner
//     const page = await signedInPage(browser, pupil); // a second browser context for another person
//   });
//
// Accounts are written straight into the test database by the harness (support/harness.ts), so
// creating one is fast, never hits the sign-up rate limit and never claims the "first account
// becomes admin" rule (auth-first-run.spec.ts tests that, before every other spec).
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { E2E_ARTIFACTS, HARNESS_ENV, type HarnessReady, type OidcInstance } from "./support/paths";

export { expect };

export type TestRole = "learner" | "instructor" | "admin";

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  name: string | null;
  role: TestRole;
}

export interface NewAccount {
  role?: TestRole;
  name?: string;
  email?: string;
  password?: string;
}

function harness(): HarnessReady {
  const raw = process.env[HARNESS_ENV];
  if (!raw) throw new Error("the end-to-end harness is not running: run the specs through playwright.config.ts (npm run test:e2e)");
  return JSON.parse(raw) as HarnessReady;
}

/** Creates an account directly in the test database (default: a learner with a random email and password). */
export async function createAccount(account: NewAccount = {}): Promise<TestAccount> {
  const { controlUrl, token } = harness();
  const res = await fetch(`${controlUrl}/accounts`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  const body = (await res.json()) as TestAccount & { error?: string };
  if (!res.ok) throw new Error(`could not create the test account: ${body.error ?? res.status}`);
  return body;
}

/**
 * The single sign-on instance: a second app server, on its own fresh database, configured with
 * AUTH_OIDC_* for a real OpenID Connect provider the harness runs (support/oidc-idp.ts). Started
 * on the first call (allow it a minute), shared by every later call in the run.
 */
export async function oidcInstance(): Promise<OidcInstance> {
  const { controlUrl, token } = harness();
  const res = await fetch(`${controlUrl}/oidc`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as OidcInstance & { error?: string };
  if (!res.ok) throw new Error(`could not start the single sign-on instance: ${body.error ?? res.status}`);
  return body;
}

/**
 * Signs `account` in within `context` through Auth.js's own endpoints (CSRF token, then the
 * credentials callback) — the same checks as the sign-in form, without rendering it. The browser
 * context then holds the session cookie. Use signInThroughForm() to test the form itself.
 */
export async function signInContext(context: BrowserContext, account: Pick<TestAccount, "email" | "password">): Promise<void> {
  const baseURL = harness().baseURL;
  const csrf = await context.request.get(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await context.request.post(`${baseURL}/api/auth/callback/credentials`, {
    form: { email: account.email, password: account.password, csrfToken, callbackUrl: `${baseURL}/dashboard` },
    maxRedirects: 0,
  });
  const location = res.headers()["location"] ?? "";
  const cookies = await context.cookies(baseURL);
  if (!cookies.some((c) => /authjs\.session-token/.test(c.name))) {
    throw new Error(`signing in ${account.email} failed (HTTP ${res.status()}, redirected to ${location || "nowhere"})`);
  }
}

/** Fills and submits the sign-in form in `page`. */
export async function signInThroughForm(page: Page, account: Pick<TestAccount, "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fills and submits the sign-up form in `page`. */
export async function signUpThroughForm(page: Page, who: { email: string; password: string; name?: string }): Promise<void> {
  await page.goto("/sign-up");
  if (who.name) await page.getByLabel("Name (optional)").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** A new browser context (its own cookies) with `account` signed in, and a page in it. Close the context when done. */
export async function signedInPage(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL: harness().baseURL });
  await signInContext(context, account);
  return context.newPage();
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "screenshot";
}

interface Fixtures {
  /** Creates accounts in the test database: `accounts.create({ role: "instructor" })`. */
  accounts: { create(account?: NewAccount): Promise<TestAccount> };
  /** Creates an account of `role` (or uses the one given) and signs it in in this test's page. */
  signInAs(who?: TestRole | TestAccount): Promise<TestAccount>;
  /**
   * Saves a full-page screenshot to tests/e2e/.artifacts/screenshots/<spec file>/<name>.png and
   * attaches it to the report. (Not called `screenshot`: that name is Playwright's own option.)
   */
  saveScreenshot(name: string, page?: Page): Promise<string>;
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => use(harness().baseURL),
  accounts: async ({}, use) => use({ create: createAccount }),
  signInAs: async ({ context }, use) => {
    await use(async (who = "learner") => {
      const account = typeof who === "string" ? await createAccount({ role: who }) : who;
      await signInContext(context, account);
      return account;
    });
  },
  saveScreenshot: async ({ page }, use, testInfo) => {
    await use(async (name, target = page) => {
      const dir = path.join(E2E_ARTIFACTS, "screenshots", slug(path.basename(testInfo.file, ".spec.ts")));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${slug(name)}.png`);
      await target.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: "image/png" });
      return file;
    });
  },
});
