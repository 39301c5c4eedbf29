// @study: an instructor assembles a short exam; a learner takes it with the keyboard (choose, flag,
// navigate), a reload keeps every saved answer, the submission scores it, the results page shows
// the scaled score and the per-domain breakdown, and a wrong answer becomes a card in the
// learner's Mistakes deck that the review then shows.
import { expect, signedInPage, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const QUIZ = `Short exam ${Date.now().toString(36)}`;

test("@study an instructor assembles a short exam from the bank", async ({ page, signInAs, saveScreenshot }) => {
  await signInAs("instructor");
  await page.goto("/author/questions/quizzes/new");
  await page.getByLabel("Title").fill(QUIZ);
  // First a multiple-response question (choosing every option is then surely wrong), then one
  // question from each other domain, in that order.
  await page.getByLabel("Filter by domain").selectOption("security");
  await page.locator("label", { hasText: "choose 2" }).first().getByRole("checkbox").check();
  for (const domain of ["development", "deployment", "troubleshooting"]) {
    await page.getByLabel("Filter by domain").selectOption(domain);
    await page.locator("label", { hasText: /· single ·/ }).first().getByRole("checkbox").check();
  }
  await expect(page.getByText("4 chosen")).toBeVisible();
  await page.getByLabel("Exam time (minutes)").fill("5");
  await saveScreenshot("assemble-quiz");
  await page.getByRole("button", { name: "Create quiz" }).click();
  await expect(page).toHaveURL(/\/quizzes$/);
  await expect(page.getByRole("heading", { name: QUIZ })).toBeVisible();
});

test("@study a learner takes the short exam by keyboard, reads the domain breakdown and turns a wrong answer into a card", async ({ page, signInAs, saveScreenshot }) => {
  test.setTimeout(120_000);
  await signInAs("learner");
  await page.goto("/quizzes");
  const card = page.locator("section", { has: page.getByRole("heading", { name: QUIZ }) });
  await card.getByRole("button", { name: `Start exam: ${QUIZ}` }).click();
  await expect(page).toHaveURL(/\/quizzes\/attempts\//);
  await expect(page.getByRole("timer")).toHaveText(/^[45]:\d\d$/);
  await expect(page.getByRole("heading", { name: "Question 1 of 4" })).toBeVisible();
  await expect(page.getByText("Choose TWO.")).toBeVisible();

  // Q1 (choose two): every option — wrong under all-or-nothing scoring.
  const q1Options = await page.getByRole("checkbox").count();
  for (let i = 1; i <= q1Options; i++) await page.keyboard.press(String(i));
  await page.keyboard.press("n");
  // Q2: B and flag it; Q3: A; Q4 left blank.
  await page.keyboard.press("b");
  await page.keyboard.press("f");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("a");
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { name: "Question 4 of 4" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
  const navigator = page.getByRole("navigation", { name: "Question navigator" });
  await expect(navigator.getByRole("button", { name: "Question 2, answered, flagged for review" })).toBeVisible();
  await saveScreenshot("exam-in-progress");

  // A reload loses nothing.
  await page.reload();
  await expect(navigator.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
  await expect(navigator.getByRole("button", { name: "Question 2, answered, flagged for review" })).toBeVisible();
  await expect(navigator.getByRole("button", { name: "Question 3, answered" })).toBeVisible();
  await expect(navigator.getByRole("button", { name: "Question 4, unanswered" })).toBeVisible();

  await page.getByRole("button", { name: "Submit exam…" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit the exam?" });
  await expect(dialog).toContainText("1 question is unanswered and will count as wrong.");
  await expect(dialog).toContainText("1 question is flagged for review.");
  await dialog.getByRole("button", { name: "Submit and see my score" }).click();

  // Results: a scaled score on 100–1000, and one bar per exam domain with one question each.
  await expect(page.getByRole("heading", { name: "Exam results" })).toBeVisible();
  const score = Number(await page.getByTestId("scaled-score").textContent());
  expect(score).toBeGreaterThanOrEqual(100);
  expect(score).toBeLessThanOrEqual(720);
  await expect(page.getByText("Answered", { exact: true })).toBeVisible();
  const breakdown = page.locator("section", { has: page.getByRole("heading", { name: "By exam domain" }) });
  for (const name of ["Development with AWS Services", "Security", "Deployment", "Troubleshooting and Optimization"]) {
    const meter = breakdown.getByRole("meter", { name: new RegExp(`^${name}: [01] of 1 correct$`) });
    await expect(meter).toBeVisible();
  }
  await expect(breakdown.getByRole("meter", { name: "Security: 0 of 1 correct" })).toBeVisible();
  await page.getByText("How the scaled score is worked out").click();
  await expect(page.getByText(/answering 72% of the questions correctly is worth exactly 720/)).toBeVisible();
  await saveScreenshot("exam-results");

  // The review: the multiple-response question was wrong; make a card of it.
  await page.getByRole("button", { name: /^Wrong or blank/ }).click();
  const q1 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Question 1", exact: true }) });
  await expect(q1.getByText("Wrong", { exact: true })).toBeVisible();
  await expect(q1.getByText("Your choice — wrong").first()).toBeVisible();
  const stem = (await q1.locator("p").first().textContent())!.trim();
  await q1.getByRole("button", { name: "Make a card" }).click();
  await expect(q1.getByRole("status")).toHaveText(/Card added to your Mistakes deck\./);
  await saveScreenshot("review-card-made");
  // Twice is still one card.
  await page.reload();
  await page.getByRole("button", { name: /^Wrong or blank/ }).click();
  await q1.getByRole("button", { name: "Make a card" }).click();
  await expect(q1.getByRole("status")).toHaveText(/already has a card/);

  // The card is in the Mistakes deck, and its front is the question.
  await q1.getByRole("link", { name: "Review your mistakes" }).click();
  await expect(page).toHaveURL(/\/study\/review\?deck=/);
  await expect(page.getByRole("heading", { name: /^Review: / })).toBeVisible();
  await expect(page.getByText(stem.slice(0, 40))).toBeVisible();
  await saveScreenshot("mistakes-review");
});

test("@study @authz another learner cannot open someone's attempt or save answers in it", async ({ browser, accounts, page, signInAs }) => {
  const owner = await accounts.create();
  const ownerPage = await signedInPage(browser, owner);
  await ownerPage.goto("/quizzes");
  await ownerPage.getByRole("button", { name: /^Start exam: Practice exam/ }).click();
  await expect(ownerPage).toHaveURL(/\/quizzes\/attempts\//);
  const attemptId = ownerPage.url().split("/").pop()!;
  await ownerPage.context().close();

  await signInAs("learner");
  const response = await page.goto(`/quizzes/attempts/${attemptId}`);
  expect(response?.status()).toBe(404);
  const api = await page.request.put(`/api/quizzes/attempts/${attemptId}/answers/anything`, { data: { selected: [] } });
  expect(api.status()).toBe(404);
  const signedOut = await page.context().browser()!.newContext();
  const anon = await signedOut.request.get(`${new URL(page.url()).origin}/api/quizzes/attempts/${attemptId}`);
  expect(anon.status()).toBe(401);
  await signedOut.close();
});

test("@study on a phone the exam keeps the screen: a one-line bar and nothing wider than the page", async ({ browser, accounts, saveScreenshot }) => {
  const page = await signedInPage(browser, await accounts.create());
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/quizzes");
  await page.getByRole("button", { name: /^Start exam: Practice exam/ }).click();
  await expect(page).toHaveURL(/\/quizzes\/attempts\//);
  await expect(page.getByRole("timer")).toBeVisible();
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeAttached();
  // The sticky bar (name, save state, clock, submit) takes two short rows, not a quarter of the screen.
  const bar = page.getByRole("heading", { level: 1 }).locator("xpath=..");
  expect((await bar.boundingBox())!.height).toBeLessThan(120);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot("exam-phone", page);
  await page.context().close();
});
