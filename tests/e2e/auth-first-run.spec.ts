import { expect, signInThroughForm, signUpThroughForm, test } from "./fixtures";

// Runs before every other spec (playwright.config.ts, project "first-run"), on an instance where
// nobody has signed up yet: the first account becomes the admin, and as the only admin it cannot
// give that role away.
const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

test("@auth the first account signs up as admin, signs out and signs in again", async ({ page, saveScreenshot }) => {
  await signUpThroughForm(page, admin);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toBeVisible();
  await saveScreenshot("first-admin-dashboard");

  await page.goto("/admin/users");
  const me = page.getByRole("row", { name: new RegExp(admin.email) });
  await me.getByRole("combobox").selectOption("learner");
  await me.getByRole("button", { name: "Save" }).click();
  await expect(me.getByText("This is the only admin. Make someone else admin first.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);

  await signInThroughForm(page, admin);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toBeVisible();
});
