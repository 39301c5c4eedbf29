// Authorisation end to end (@authz): a learner cannot open another class's gradebook or the
// authoring pages — neither through the UI nor through the API — and an instructor of another
// class cannot either.
import { expect, signedInPage, test } from "./fixtures";

test("@authz learners and other instructors are kept out of a class's gradebook and of authoring", async ({ page, accounts, browser, signInAs, saveScreenshot }) => {
  const teacher = await accounts.create({ role: "instructor" });
  await signInAs(teacher);
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Private class");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Private class" })).toBeVisible();
  const classId = new URL(page.url()).pathname.split("/")[2]!;
  const code = (await page.getByTestId("join-code").textContent())!.trim();

  // A learner of this class, and a learner of another class.
  const own = await signedInPage(browser, await accounts.create());
  await own.goto("/classes");
  await own.getByLabel("Class code").fill(code);
  await own.getByRole("button", { name: "Join", exact: true }).click();
  await expect(own.getByRole("heading", { level: 1, name: "Private class" })).toBeVisible();
  const stranger = await signedInPage(browser, await accounts.create());
  const otherTeacher = await signedInPage(browser, await accounts.create({ role: "instructor" }));

  // Through the UI.
  for (const p of [own, stranger]) {
    const res = await p.goto(`/classes/${classId}/gradebook`);
    expect(res!.status()).toBe(403);
    await expect(p.getByText("You do not have access to this page")).toBeVisible();
    expect((await p.goto("/author/labs"))!.status()).toBe(403);
    expect((await p.goto("/author"))!.status()).toBe(403);
  }
  await saveScreenshot("learner-gradebook-forbidden", stranger);
  expect((await stranger.goto(`/classes/${classId}`))!.status()).toBe(404);
  expect((await otherTeacher.goto(`/classes/${classId}/gradebook`))!.status()).toBe(404);
  expect((await otherTeacher.goto(`/classes/${classId}`))!.status()).toBe(404);
  // Nor is the author page linked for them.
  await expect(stranger.getByRole("link", { name: "Author" })).toHaveCount(0);

  // Through the API.
  for (const p of [own, stranger]) {
    expect((await p.request.get(`/api/classes/${classId}/gradebook`)).status()).toBe(403);
    expect((await p.request.get(`/api/classes/${classId}/gradebook/export`)).status()).toBe(403);
    expect((await p.request.get(`/api/classes/${classId}/roster`)).status()).toBe(403);
    expect((await p.request.post("/api/classes/authoring/validate", { data: { source: "id: x" } })).status()).toBe(403);
    expect((await p.request.post("/api/classes/authoring/drafts", { data: { source: "id: x" } })).status()).toBe(403);
  }
  expect((await otherTeacher.request.get(`/api/classes/${classId}/gradebook`)).status()).toBe(404);
  expect((await otherTeacher.request.get(`/api/classes/${classId}/gradebook/export`)).status()).toBe(404);
  // The class's own learner reads the class, but never the roster or the code.
  const view = await own.request.get(`/api/classes/${classId}`);
  expect(view.status()).toBe(200);
  const body = await view.json();
  expect(body.data.joinCode).toBeNull();
  expect(JSON.stringify(body)).not.toContain(code.replace("-", ""));
  // Signed out: 401.
  const anon = await browser.newContext({ baseURL: page.url().replace(/\/classes.*$/, "") });
  expect((await anon.request.get(`/api/classes/${classId}/gradebook`)).status()).toBe(401);
  await anon.close();
  for (const p of [own, stranger, otherTeacher]) await p.context().close();
});
