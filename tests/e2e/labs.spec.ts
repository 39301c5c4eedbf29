// The lab player end to end (@labs): the labs list and its filters, predicting (answers survive a
// reload), grading with feedback, the timeline picture, the trace explorer, a what-if rerun,
// "make a card" from a wrong prediction, keyboard reordering, and the instructor's variant preview.
import type { Page } from "@playwright/test";
import { expect, signedInPage, test } from "./fixtures";

const LAB = "async-retries-event-age";
const LAB_TITLE = "Async retries and the maximum event age";

/** The question card whose prompt contains `text`. */
const question = (page: Page, text: string | RegExp) => page.locator("[data-question]").filter({ has: page.getByText(text) });

test("@labs a learner filters the list, predicts, submits, reads the timeline, reruns a what-if and makes a card", async ({ page, signInAs, saveScreenshot }) => {
  test.setTimeout(240_000);
  await signInAs("learner");

  // The list: progress, filters in the URL, honest counts.
  await page.goto("/labs");
  await expect(page.getByRole("heading", { level: 1, name: "Labs" })).toBeVisible();
  await expect(page.getByText(/of \d+ labs with full marks/)).toBeVisible();
  await saveScreenshot("list");
  await page.getByLabel("Topic").selectOption("retries");
  await expect(page).toHaveURL(/\/labs\?topic=retries$/);
  await expect(page.getByText(/\d+ of \d+ labs match/)).toBeVisible();
  await page.getByLabel("Status").selectOption("completed");
  await expect(page).toHaveURL(/topic=retries&status=completed/);
  await expect(page.getByRole("heading", { name: "No lab matches these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.getByRole("link", { name: LAB_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/labs/${LAB}$`));

  // The setup at a glance.
  await expect(page.getByRole("heading", { level: 1, name: LAB_TITLE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "charge", level: 3 })).toBeVisible();
  await expect(page.getByText("Async invocation config")).toBeVisible();
  await expect(page.getByRole("region", { name: "Handler code of charge" })).toContainText("provider unavailable");
  await expect(page.getByRole("heading", { name: "How events flow" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The calls, in time order" })).toBeVisible();
  await expect(page.getByText("Submit your predictions to see the run")).toBeVisible();

  // Predict. 99 attempts is impossible (at most 1 + 2 retries), so Q1 is a sure mistake.
  await question(page, "How many times does the handler run?").getByRole("textbox").fill("99");
  await question(page, "requestContext.condition").getByRole("radio", { name: "RetriesExhausted" }).check();
  await question(page, "same").getByRole("radio", { name: "Yes" }).check();
  await expect(page.getByText(/Draft saved/)).toBeVisible();

  // Answers survive a reload (server-side draft per learner, lab version and variant).
  await page.reload();
  await expect(question(page, "How many times does the handler run?").getByRole("textbox")).toHaveValue("99");
  await expect(question(page, "requestContext.condition").getByRole("radio", { name: "RetriesExhausted" })).toBeChecked();
  await expect(page.getByText("3 of 5 answered")).toBeVisible();
  await saveScreenshot("lab-before-submit");

  // Submit: the score, and feedback under each question.
  await page.getByRole("button", { name: "Submit predictions" }).click();
  const score = page.getByTestId("score");
  await expect(score).toBeVisible({ timeout: 60_000 });
  await expect(score).toContainText(/\d+(\.\d+)? \/ 5/);
  const q1 = question(page, "How many times does the handler run?");
  await expect(q1.getByTestId("feedback-attempts")).toContainText("Wrong — 0 of 1 point");
  await expect(q1.getByTestId("feedback-attempts")).toContainText("Your prediction");
  await expect(q1.getByTestId("feedback-attempts")).toContainText("MaximumRetryAttempts");
  await expect(question(page, "approximateInvokeCount").getByText("Not answered — 0 of 1 point")).toBeVisible();

  // The timeline picture of the run.
  const run = page.locator("#run");
  await expect(run.getByTestId("timeline-svg")).toBeVisible({ timeout: 60_000 });
  const bars = run.getByTestId("timeline-bar");
  expect(await bars.count()).toBeGreaterThanOrEqual(1);
  await expect(run.getByTestId("timeline-delivery")).toHaveCount(1);
  await expect(run.getByText(/on-failure record from charge to failed/)).toBeVisible();
  // Focusing a bar (keyboard) shows its details.
  await bars.first().focus();
  await expect(page.getByRole("tooltip")).toContainText("charge · attempt 1");
  await expect(page.getByRole("tooltip")).toContainText("cold start");
  // Zoom with the keyboard.
  await page.keyboard.press("+");
  await expect(run.getByText("×1.6")).toBeVisible();
  await page.keyboard.press("0");
  await expect(run.getByText("×1", { exact: true })).toBeVisible();
  await run.scrollIntoViewIfNeeded();
  await saveScreenshot("graded-with-timeline");
  await run.screenshot({ path: test.info().outputPath("timeline.png") });

  // The trace explorer: the failure record that landed in the queue.
  const explore = page.locator("#explore");
  await explore.getByRole("tab", { name: /Queues/ }).click();
  await expect(explore.getByRole("region", { name: "Queue failed" })).toContainText("1 left at the end");
  await explore.getByRole("tab", { name: /Logs/ }).click();
  await expect(explore.getByRole("region", { name: "CloudWatch log lines" })).toContainText("REPORT RequestId");

  // What-if: change the retries and rerun (ungraded), then compare.
  const whatIf = page.locator("#what-if");
  const retries = whatIf.getByLabel(/Async retry attempts/);
  const age = whatIf.getByLabel(/Maximum event age \(s\)/);
  await expect(retries).toBeVisible({ timeout: 30_000 });
  // Aim for 3 attempts (2 retries within an hour's event age) — or, if the graded run was exactly
  // that, for 1 — so the rerun always differs from the graded run, whatever this learner's variant.
  if ((await retries.inputValue()) === "2" && (await age.inputValue()) === "3600") {
    await retries.fill("0");
  } else {
    await retries.fill("2");
    await age.fill("3600");
  }
  await whatIf.getByRole("button", { name: "Rerun with these changes" }).click();
  const diff = whatIf.getByTestId("what-if-diff");
  await expect(diff).toBeVisible({ timeout: 60_000 });
  const invocations = diff.getByRole("row", { name: /Invocations/ });
  const [before, after] = await invocations.getByRole("cell").allTextContents();
  expect(parseInt(before!, 10)).not.toBe(parseInt(after!, 10));
  await expect(whatIf.getByRole("heading", { name: "What if", exact: true })).toBeVisible();
  await whatIf.scrollIntoViewIfNeeded();
  await saveScreenshot("what-if");

  // A wrong prediction becomes a card in the Mistakes deck — once.
  await q1.getByRole("button", { name: "Make a card from this mistake" }).click();
  await expect(q1.getByText("Added to your Mistakes deck.")).toBeVisible();
  await page.reload();
  await question(page, "How many times does the handler run?").getByRole("button", { name: "Make a card from this mistake" }).click();
  await expect(question(page, "How many times does the handler run?").getByText("Already in your Mistakes deck.")).toBeVisible();

  // The list now shows the attempt.
  await page.goto(`/labs?status=in-progress`);
  await expect(page.getByRole("link", { name: LAB_TITLE })).toBeVisible();
});

test("@labs ordered predictions reorder with the keyboard, and the page reads well on a phone in the dark", async ({ page, signInAs, saveScreenshot }) => {
  test.setTimeout(120_000);
  await signInAs("learner");
  await page.goto("/labs/versions-and-latest");
  const ordered = question(page, "ListVersionsByFunction");
  const items = ordered.getByRole("listitem");
  await expect(items).toHaveCount(3);
  const first = (await items.first().getAttribute("aria-label"))!.split(",")[0]!;
  await items.first().focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(items.nth(1)).toHaveAttribute("aria-label", `${first}, position 2 of 3`);
  await expect(items.nth(1)).toBeFocused();
  await expect(ordered.getByText(`Moved ${first} to position 2 of 3.`)).toBeAttached();
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await page.reload();
  await expect(question(page, "ListVersionsByFunction").getByRole("listitem").nth(1)).toHaveAttribute("aria-label", `${first}, position 2 of 3`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await saveScreenshot("phone-dark");
});

test("@labs @authz instructors preview every variant; learners cannot", async ({ page, signInAs, saveScreenshot, accounts, browser }) => {
  test.setTimeout(120_000);
  await signInAs("instructor");
  await page.goto(`/labs/${LAB}`);
  const picker = page.getByLabel("Instructor preview");
  await expect(picker).toBeVisible();
  await expect(picker.getByRole("option")).toHaveCount(1 + 6);
  await picker.selectOption("5");
  await expect(page).toHaveURL(/variant=5$/);
  await expect(page.getByText(/Previewing variant 6 of 6/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Answer key" })).toBeVisible();
  await expect(page.getByTestId("timeline-svg")).toBeVisible();
  await saveScreenshot("instructor-preview");

  // A learner gets neither the picker nor a preview through the URL, nor the variants API.
  const other = await signedInPage(browser, await accounts.create());
  await other.goto(`/labs/${LAB}?variant=5`);
  await expect(other.getByRole("heading", { level: 1, name: LAB_TITLE })).toBeVisible();
  await expect(other.getByLabel("Instructor preview")).toHaveCount(0);
  await expect(other.getByRole("heading", { name: "Answer key" })).toHaveCount(0);
  const api = await other.request.get(`/api/labs/${LAB}/variants`);
  expect(api.status()).toBe(403);
  // A lab that does not exist is a 404 page.
  const missing = await other.goto("/labs/no-such-lab");
  expect(missing?.status()).toBe(404);
  await other.context().close();
});

test("@labs the timeline says why: an SQS message comes back after its visibility timeout, then SQS moves it to the DLQ", async ({ page, signInAs, saveScreenshot }) => {
  test.setTimeout(120_000);
  await signInAs("learner");
  await page.goto("/labs/sqs-visibility-redrive");
  await question(page, "How many times does").getByRole("textbox").fill("1");
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await page.getByRole("button", { name: "Submit predictions" }).click();
  await expect(page.getByTestId("score")).toBeVisible({ timeout: 60_000 });

  const run = page.locator("#run");
  await expect(run.getByTestId("timeline-svg")).toBeVisible({ timeout: 60_000 });
  // The redrive is on the picture (a mark on worker's row), and said in words with its reason.
  await expect(run.getByTestId("timeline-redrive")).toHaveCount(1);
  await expect(run.getByText(/SQS moved a message from jobs to jobs-dlq after \d+ receives? \(the redrive policy's maxReceiveCount\)/)).toBeVisible();
  await run.getByTestId("timeline-redrive").focus();
  await expect(page.getByRole("tooltip")).toContainText("SQS moved the message → jobs-dlq");
  await expect(page.getByRole("tooltip")).toContainText("maxReceiveCount");
  // Every receive after the first is linked to the one before, labelled with the wait between them.
  const bars = await run.getByTestId("timeline-bar").count();
  const links = run.locator('[data-testid="timeline-link"][data-kind="redelivery"]');
  await expect(links).toHaveCount(bars - 1);
  if (bars > 1) {
    await expect(links.first().locator("text")).toHaveText(/^\+(10|30) s/);
    await expect(run.getByText(/worker received 1 message again, (10|30) s after the receive before/)).toBeVisible();
  }
  await run.scrollIntoViewIfNeeded();
  await saveScreenshot("timeline-why");
});
