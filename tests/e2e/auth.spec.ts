import { expect, signInThroughForm, signUpThroughForm, test } from "./fixtures";

const mainNav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

test("@auth sign-up shows field errors and keeps what was typed", async ({ page }) => {
  await signUpThroughForm(page, { email: "not-an-email", password: "short" });
  await expect(page.getByText("Enter a valid email address, like ana@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("@auth a duplicate email is refused at the email field, whatever its letter case", async ({ page, accounts }) => {
  const taken = await accounts.create();
  await signUpThroughForm(page, { email: taken.email.toUpperCase(), password: "some other password" });
  await expect(page.getByText("An account with this email already exists. Sign in instead?")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("@auth a later account signs up as a learner and signs out", async ({ page }) => {
  await signUpThroughForm(page, { name: "Lee Learner", email: `lee-${Date.now()}@example.com`, password: "another good password" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Lee Learner" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Study" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/study");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstudy$/);
});

test("@auth signing in returns to the page that asked for it", async ({ page, accounts }) => {
  const me = await accounts.create();
  await page.goto("/labs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flabs$/);
  await page.getByLabel("Email").fill(me.email);
  await page.getByLabel("Password").fill(me.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/labs$/);
});

test("@auth a wrong password is shown at the password field", async ({ page, accounts }) => {
  const me = await accounts.create();
  await signInThroughForm(page, { email: me.email, password: "not my password" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue(me.email);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("@auth five wrong passwords make this browser's address wait for that account, even with the right one", async ({ page, accounts }) => {
  const me = await accounts.create();
  for (let i = 0; i < 5; i++) {
    await signInThroughForm(page, { email: me.email, password: `wrong guess ${i}` });
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await signInThroughForm(page, me);
  await expect(page.getByText(/Too many sign-in attempts\. Try again in 1[45] minutes\./)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("@auth @authz a learner is refused the admin page and the admin API", async ({ page, signInAs, saveScreenshot }) => {
  await signInAs("learner");
  await page.goto("/dashboard");
  await expect(mainNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);

  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await saveScreenshot("learner-refused-admin");

  const api = await page.request.patch("/api/admin/users/anyone", { data: { role: "admin" } });
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ ok: false, code: "forbidden" });
});

test("@auth @authz signed-out visitors are sent to sign-in; APIs answer 401", async ({ page }) => {
  const api = await page.request.patch("/api/admin/users/anyone", { data: { role: "admin" } });
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ ok: false, code: "unauthenticated" });
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
});

test("@auth an admin makes a learner an instructor, who then sees the Author area", async ({ page, browser, accounts, signInAs }) => {
  const learner = await accounts.create({ name: "Ina Instructor-to-be" });
  await signInAs("admin");
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(learner.email) });
  await row.getByRole("combobox").selectOption("instructor");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByText("Saved: Instructor")).toBeVisible();

  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signInThroughForm(theirs, learner);
  await expect(theirs).toHaveURL(/\/dashboard$/);
  await expect(mainNav(theirs).getByRole("link", { name: "Author" })).toBeVisible();
  await expect(mainNav(theirs).getByRole("link", { name: "Users" })).toHaveCount(0);
  await context.close();
});

test("@auth a tampered session cookie signs you out instead of failing", async ({ page, context, signInAs }) => {
  await signInAs("learner");
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(200);
  const session = (await context.cookies()).find((c) => /authjs\.session-token/.test(c.name));
  expect(session).toBeDefined();
  await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -6)}AAAAAA` }]);

  const tampered = await page.goto("/dashboard");
  expect(tampered?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
  expect((await context.cookies()).some((c) => /authjs\.session-token/.test(c.name))).toBe(false);

  const api = await page.request.patch("/api/admin/users/anyone", {
    data: { role: "admin" },
    headers: { cookie: `${session!.name}=${session!.value.slice(0, -6)}BBBBBB` },
  });
  expect(api.status()).toBe(401);
});
