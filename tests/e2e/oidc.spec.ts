import type { Browser, Page } from "@playwright/test";
import { expect, oidcInstance, test } from "./fixtures";
import type { OidcInstance } from "./support/paths";

// Single sign-on through a real OpenID Connect provider (panva's oidc-provider, run by the harness:
// support/oidc-idp.ts) against a second app server configured with AUTH_OIDC_* and its own fresh
// database. The steps build on each other (the instance's first account, then the IdP's people).
test.describe.configure({ mode: "serial" });

let sso: OidcInstance;
const admin = { name: "Sam Admin", email: "sam.admin@example.com", password: "the first account's password" };
const pat = { name: "Pat Password", email: "pat.password@example.com", password: "pat's own lambda lab password" };
const idpUser = (login: string) => sso.users.find((u) => u.login === login)!;
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.beforeAll(async () => {
  test.setTimeout(180_000); // a second `next start` on a busy 2-core machine
  sso = await oidcInstance();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: sso.baseURL });
  return context.newPage();
}

async function signUp(page: Page, who: { name: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name (optional)").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function signInWithPassword(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Clicks "Sign in with Test IdP" and, if the IdP asks, signs in on its own login page. */
async function signInWithIdp(page: Page, login: string, { expectIdpLogin }: { expectIdpLogin: boolean }) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${sso.providerName}` }).click();
  if (expectIdpLogin) {
    await expect(page).toHaveURL(new RegExp(`^${sso.issuer}/interaction/`));
    await expect(page.getByRole("heading", { name: "Test IdP" })).toBeVisible();
    await page.getByLabel("Username").fill(login);
    await page.getByLabel("IdP password").fill(idpUser(login).password);
    await page.getByRole("button", { name: "Continue" }).click();
  }
}

async function userRows(page: Page, email: string) {
  await page.goto("/admin/users");
  return page.getByRole("row", { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") });
}

test("@auth the single sign-on instance's first account is still the admin", async ({ browser }) => {
  const page = await newPage(browser);
  await signUp(page, admin);
  await expect(mainNav(page).getByRole("link", { name: "Users" })).toBeVisible();
  await page.context().close();
});

test("@auth signing in through the OpenID Connect provider creates a learner, and signing in again reuses it", async ({ browser, saveScreenshot }) => {
  const olive = idpUser("olive");
  const page = await newPage(browser);

  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: `Sign in with ${sso.providerName}` })).toBeVisible();
  await saveScreenshot("sign-in-with-idp", page);

  await signInWithIdp(page, "olive", { expectIdpLogin: true });
  await expect(page).toHaveURL(new RegExp(`^${sso.baseURL}/dashboard$`));
  await expect(page.getByRole("heading", { name: `Welcome, ${olive.name}` })).toBeVisible();
  // A learner: no Users link, and the admin page is refused.
  await expect(mainNav(page).getByRole("link", { name: "Study" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);

  // Signed out of Lambda Lab (still signed in at the IdP): the button signs straight back in.
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${sso.baseURL}/$`));
  await signInWithIdp(page, "olive", { expectIdpLogin: false });
  await expect(page).toHaveURL(new RegExp(`^${sso.baseURL}/dashboard$`));
  await expect(page.getByRole("heading", { name: `Welcome, ${olive.name}` })).toBeVisible();
  await page.context().close();

  // A new browser: the IdP asks again, and the same account comes back.
  const again = await newPage(browser);
  await signInWithIdp(again, "olive", { expectIdpLogin: true });
  await expect(again.getByRole("heading", { name: `Welcome, ${olive.name}` })).toBeVisible();
  await again.context().close();

  // One account, stored with the normalised email, a learner, signing in with single sign-on.
  const adminPage = await newPage(browser);
  await signInWithPassword(adminPage, admin);
  await expect(adminPage).toHaveURL(/\/dashboard$/);
  const rows = await userRows(adminPage, olive.email);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByText(olive.email.toLowerCase(), { exact: true })).toBeVisible();
  await expect(rows.getByRole("cell", { name: "Single sign-on", exact: true })).toBeVisible();
  await expect(rows.getByRole("combobox")).toHaveValue("learner");
  await expect(adminPage.getByRole("row")).toHaveCount(3); // header, the admin, Olive
  await saveScreenshot("users-with-sso-learner", adminPage);
  await adminPage.context().close();
});

test("@auth an IdP cannot take over an account that signs in with a password", async ({ browser, saveScreenshot }) => {
  // Pat made a password account first; the IdP later sends the same email (other letter case).
  const page = await newPage(browser);
  await signUp(page, pat);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${sso.baseURL}/$`));
  expect(idpUser("pat").email.toLowerCase()).toBe(pat.email);

  await signInWithIdp(page, "pat", { expectIdpLogin: true });
  await expect(page).toHaveURL(new RegExp(`^${sso.baseURL}/sign-in\\?error=OAuthAccountNotLinked`));
  await expect(page.getByText("This email already has a Lambda Lab password. Sign in with your password.")).toBeVisible();
  await saveScreenshot("sso-refused-for-password-account", page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);

  // The password still works, and the account was neither linked nor duplicated.
  await signInWithPassword(page, pat);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${pat.name}` })).toBeVisible();
  await page.context().close();

  const adminPage = await newPage(browser);
  await signInWithPassword(adminPage, admin);
  await expect(adminPage).toHaveURL(/\/dashboard$/);
  const rows = await userRows(adminPage, pat.email);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("cell", { name: "Password", exact: true })).toBeVisible();
  await adminPage.context().close();
});
