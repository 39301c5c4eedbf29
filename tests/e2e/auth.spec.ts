import { expect, test, type Page } from "@playwright/test";

// One database for the whole file: the first account created here becomes the admin.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const admin = { name: "Ada Admin", email: `ada-${run}@example.com`, password: "correct horse battery" };
const learner = { email: `lee-${run}@example.com`, password: "another good password" };

async function signUp(page: Page, who: { email: string; password: string; name?: string }) {
  await page.goto("/sign-up");
  if (who.name) await page.getByLabel("Name (optional)").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("@auth sign-up shows field errors and keeps what was typed", async ({ page }) => {
  await signUp(page, { email: "not-an-email", password: "short" });
  await expect(page.getByText("Enter a valid email address, like ana@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("@auth the first account signs up as admin, signs out and signs in again", async ({ page }) => {
  await signUp(page, admin);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("@auth a duplicate email is refused at the email field", async ({ page }) => {
  await signUp(page, { email: admin.email.toUpperCase(), password: "some other password" });
  await expect(page.getByText("An account with this email already exists. Sign in instead?")).toBeVisible();
});

test("@auth a wrong password is shown at the password field", async ({ page }) => {
  await signIn(page, admin.email, "not my password");
  const password = page.getByLabel("Password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue(admin.email);
});

test("@auth @authz a learner is refused the admin page and the admin API", async ({ page }) => {
  await signUp(page, learner);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  const api = await page.request.patch("/api/admin/users/anyone", { data: { role: "admin" } });
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ ok: false, code: "forbidden" });
});

test("@auth @authz signed-out visitors are sent to sign-in; APIs answer 401", async ({ page }) => {
  const api = await page.request.patch("/api/admin/users/anyone", { data: { role: "admin" } });
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ ok: false, code: "unauthenticated" });
  await page.goto("/labs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flabs$/);
});

test("@auth an admin changes a role; the last admin cannot be demoted", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(learner.email) });
  await row.getByRole("combobox").selectOption("instructor");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByText("Saved: Instructor")).toBeVisible();

  const me = page.getByRole("row", { name: new RegExp(admin.email) });
  await me.getByRole("combobox").selectOption("learner");
  await me.getByRole("button", { name: "Save" }).click();
  await expect(me.getByText("This is the only admin. Make someone else admin first.")).toBeVisible();
});

test("@auth a tampered session cookie signs you out instead of failing", async ({ page, context }) => {
  await signIn(page, learner.email, learner.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const cookies = await context.cookies();
  const session = cookies.find((c) => /authjs\.session-token/.test(c.name));
  expect(session).toBeDefined();
  await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -6)}AAAAAA` }]);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await context.cookies()).some((c) => /authjs\.session-token/.test(c.name))).toBe(false);
});
