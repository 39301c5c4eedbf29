// Classrooms end to end (@classroom): an instructor creates a class, a learner joins with its
// code, the instructor assigns a lab, the learner completes it, the gradebook shows the score and
// the CSV export downloads with that learner's row. Screenshots of every classroom page, as the
// instructor and as the learner.
import fs from "node:fs";
import { expect, signedInPage, test } from "./fixtures";

const LAB = "async-retries-event-age";

test("@classroom a class from creation to the gradebook's CSV", async ({ page, accounts, browser, signInAs, saveScreenshot }) => {
  test.setTimeout(300_000);
  const teacher = await accounts.create({ role: "instructor", name: "Ms Rivera" });
  const learner = await accounts.create({ role: "learner", name: "王芳 Wang Fang" });
  await signInAs(teacher);

  // The instructor creates a class.
  await page.goto("/classes");
  await expect(page.getByRole("heading", { level: 1, name: "Classes" })).toBeVisible();
  await page.getByLabel("Class name").fill("Serverless Foundations");
  await page.getByLabel("Term (optional)").fill("Spring 2027");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Serverless Foundations" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(page.getByTestId("invite-link")).toContainText(`/classes/join/${code.replace("-", "")}`);
  await saveScreenshot("instructor-class-empty");
  const classUrl = page.url();

  // The learner joins with the code, typed in lower case.
  const pupil = await signedInPage(browser, learner);
  await pupil.goto("/classes");
  await pupil.getByLabel("Class code").fill(code.toLowerCase());
  await pupil.getByRole("button", { name: "Join", exact: true }).click();
  await expect(pupil.getByRole("heading", { level: 1, name: "Serverless Foundations" })).toBeVisible();
  await expect(pupil.getByText("Your instructor has not assigned anything yet")).toBeVisible();
  await expect(pupil.getByTestId("join-code")).toHaveCount(0); // learners never see the code
  await saveScreenshot("learner-class-empty", pupil);

  // The instructor assigns a lab.
  await page.goto(`${classUrl}/assignments/new`);
  await page.getByLabel("Lab", { exact: true }).selectOption(LAB);
  await page.getByLabel("Attempts allowed").fill("3");
  await saveScreenshot("instructor-new-assignment");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page).toHaveURL(classUrl);
  const item = page.locator("[data-assignment]").first();
  await expect(item).toContainText("Lab");
  await expect(item).toContainText("3 attempts");
  await saveScreenshot("instructor-class-assigned");

  // The roster shows the learner.
  await page.goto(`${classUrl}/roster`);
  await expect(page.getByRole("cell", { name: learner.email, exact: true })).toBeVisible();
  await saveScreenshot("instructor-roster");

  // The learner sees it due, opens the lab and submits predictions.
  await pupil.goto("/classes");
  await expect(pupil.getByRole("list", { name: "What is due" })).toContainText("Not started");
  await saveScreenshot("learner-classes", pupil);
  await pupil.goto(classUrl);
  await pupil.getByRole("link", { name: "Open lab" }).click();
  await expect(pupil).toHaveURL(new RegExp(`/labs/${LAB}$`));
  await pupil.locator("[data-question]").filter({ has: pupil.getByText("How many times does the handler run?") }).getByRole("textbox").fill("3");
  await pupil.getByRole("button", { name: "Submit predictions" }).click();
  const score = pupil.getByTestId("score");
  await expect(score).toBeVisible({ timeout: 90_000 });
  const [, got, max] = /(\d+(?:\.\d+)?) \/ (\d+)/.exec((await score.textContent())!)!;
  const percent = String(Math.round((Number(got) / Number(max)) * 1000) / 10);

  await pupil.goto(classUrl);
  await expect(pupil.getByTestId("my-grade")).toHaveText(`${percent} %`);
  await expect(pupil.locator("[data-status]").first()).toHaveText("Submitted");
  await saveScreenshot("learner-class-graded", pupil);

  // The gradebook shows the score.
  await page.goto(`${classUrl}/gradebook`);
  const row = page.locator(`tr[data-learner="${learner.email}"]`);
  await expect(row.getByTestId("grade")).toHaveText(`${percent} %`);
  await expect(row).toContainText("Submitted");
  await expect(row).toContainText("1 attempt of 3");
  await saveScreenshot("instructor-gradebook");

  // The class page sums the assignment up for the instructor: the learner's hand-in, the
  // gradebook's average; the learner's own view of the page carries no class figures.
  await page.goto(classUrl);
  const summary = page.locator("[data-assignment]").first();
  await expect(summary.getByTestId("summary-handed-in")).toHaveText("1 / 1");
  await expect(summary.getByTestId("summary-average")).toHaveText(`${percent} % of 1 grade`);
  await expect(summary.getByTestId("summary-none-late")).toBeVisible();
  await saveScreenshot("instructor-class-summary");
  await expect(pupil.getByTestId("summary-handed-in")).toHaveCount(0);
  await page.goto(`${classUrl}/gradebook`);

  // The CSV export downloads, with that learner's row (UTF-8 with BOM, the name intact).
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`\r\n王芳 Wang Fang,${learner.email},${percent},Submitted,${percent}\r\n`);

  // The drill-down shows the attempt with its run's timeline.
  await row.getByRole("link", { name: "王芳 Wang Fang" }).click();
  await page.getByRole("link", { name: "Show the run and answers" }).click();
  await expect(page.getByTestId("timeline-svg")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Predictions" })).toContainText("How many times does the handler run?");
  await saveScreenshot("instructor-learner-drilldown");

  // Item analysis (too few learners to judge — and it says so).
  await page.goto(classUrl);
  await page.getByRole("link", { name: "Item analysis" }).click();
  await expect(page.getByRole("table", { name: "Item analysis" })).toContainText("too few to judge");
  await saveScreenshot("instructor-item-analysis");

  await pupil.context().close();
});

test("@classroom join codes: wrong, rotated and switched off each say so; the invite link joins", async ({ page, accounts, browser, signInAs, saveScreenshot }) => {
  const teacher = await accounts.create({ role: "instructor" });
  await signInAs(teacher);
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Codes 101");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Codes 101" })).toBeVisible();
  const first = (await page.getByTestId("join-code").textContent())!.trim();
  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Rotate code" }).click();
  await expect(page.getByTestId("join-code")).not.toHaveText(first);
  const second = (await page.getByTestId("join-code").textContent())!.trim();

  const learner = await accounts.create();
  const pupil = await signedInPage(browser, learner);
  const tryCode = async (c: string) => {
    await pupil.goto("/classes");
    await pupil.getByLabel("Class code").fill(c);
    await pupil.getByRole("button", { name: "Join", exact: true }).click();
  };
  await tryCode("ZZZZ-ZZZZ");
  await expect(pupil.getByText("No class has this code.")).toBeVisible();
  await tryCode(first);
  await expect(pupil.getByText("This code was replaced by a new one.")).toBeVisible();
  await saveScreenshot("learner-join-rotated", pupil);

  await page.getByRole("button", { name: "Switch joining off" }).click();
  await expect(page.getByRole("button", { name: "Switch joining on" })).toBeVisible();
  await pupil.goto(`/classes/join/${second.replace("-", "")}`);
  await expect(pupil.getByText("This class is not taking new members right now")).toBeVisible();
  await page.getByRole("button", { name: "Switch joining on" }).click();
  await expect(page.getByRole("button", { name: "Switch joining off" })).toBeVisible();

  await pupil.goto(`/classes/join/${second.replace("-", "")}`);
  await expect(pupil.getByRole("heading", { name: "Codes 101" })).toBeVisible();
  await saveScreenshot("learner-invite-link", pupil);
  await pupil.getByRole("button", { name: "Join this class" }).click();
  await expect(pupil.getByRole("heading", { level: 1, name: "Codes 101" })).toBeVisible();
  await pupil.context().close();
});

test("@classroom an instructor writes a lab in the browser: errors on their line, preview, publish", async ({ page, signInAs, saveScreenshot }) => {
  test.setTimeout(180_000);
  await signInAs("instructor");
  await page.goto("/author/labs");
  await saveScreenshot("author-labs");
  await page.getByRole("button", { name: "New lab" }).click();
  await expect(page.getByTestId("lab-editor")).toBeVisible();
  await expect(page.getByTestId("no-problems")).toBeVisible();

  // Break a field: the problem appears with its line, and a lint mark in the editor.
  const editor = page.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("bogusKey: 1");
  const lastLine = 38; // the starter lab (lib/classroom/authoring/drafts.ts) has 37 lines and a final newline
  await expect(page.getByTestId("problems")).toContainText(new RegExp(`Line ${lastLine}:1 — .*bogusKey`), { timeout: 15_000 });
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  await saveScreenshot("author-editor-error");

  // Publishing refuses while it is broken.
  await page.getByRole("button", { name: "Publish a new version" }).click();
  await expect(page.getByText(/Not published/)).toBeVisible({ timeout: 60_000 });

  // Fix it, preview every variant, publish.
  await page.keyboard.press("Control+z");
  for (let i = 0; i < 30 && (await page.getByTestId("no-problems").count()) === 0; i++) await page.keyboard.press("Control+z");
  await expect(page.getByTestId("no-problems")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: /Preview/ }).click();
  await expect(page.getByText(/lab check passed for 1 variant/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Truth of each question per variant" })).toContainText("200");
  await expect(page.getByTestId("timeline-svg")).toBeVisible();
  await saveScreenshot("author-editor-preview");
  await page.getByRole("button", { name: "Publish a new version" }).click();
  await expect(page.getByText(/Published my-first-lab version 1/)).toBeVisible({ timeout: 60_000 });

  // An uploaded file that fails validation is kept as a draft with its located errors.
  await page.goto("/author/labs");
  await expect(page.getByRole("list", { name: "Your labs" })).toContainText("my-first-lab");
  await page.getByLabel("Lab file", { exact: true }).setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from("id: broken-lab\ntitle: Broken\nquestions: 3\n") });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/The imported file has \d+ problems?: it is kept as this draft and nothing was published/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("problems")).toContainText("Line");
  await saveScreenshot("author-import-invalid");
  await page.goto("/author/labs");
  await expect(page.getByRole("list", { name: "Drafts" })).toContainText("broken.yaml");
  await expect(page.getByRole("list", { name: "Your labs" })).not.toContainText("broken-lab");
});

test("@classroom deadlines: a refused form keeps what was typed; work past a no-late-work due date is Missed, closed to the learner and 0 in the gradebook", async ({ page, accounts, browser, signInAs, saveScreenshot }) => {
  test.setTimeout(180_000);
  const teacher = await accounts.create({ role: "instructor" });
  const learner = await accounts.create({ role: "learner", name: "Zoë Ångström" });
  await signInAs(teacher);
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Deadlines 101");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deadlines 101" })).toBeVisible();
  const classUrl = page.url();
  const code = (await page.getByTestId("join-code").textContent())!.trim();

  // The instructor fills the whole form with one mistake: the rest survives the error.
  const local = (offsetDays: number) => {
    const d = new Date(Date.now() + offsetDays * 86_400_000);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  };
  await page.goto(`${classUrl}/assignments/new`);
  await page.getByLabel("Lab", { exact: true }).selectOption(LAB);
  await page.getByLabel("Title (optional)").fill("Retries, closed yesterday");
  await page.getByLabel("Instructions (optional, Markdown)").fill("No late work on this one.");
  await page.getByLabel("Opens").fill(local(-3));
  await page.getByLabel("Due").fill(local(-1));
  await page.getByLabel("Late work").selectOption("refuse");
  await page.getByLabel("Attempts allowed").fill("0");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Allow at least 1 attempt.")).toBeVisible();
  await expect(page.getByLabel("Title (optional)")).toHaveValue("Retries, closed yesterday");
  await expect(page.getByLabel("Instructions (optional, Markdown)")).toHaveValue("No late work on this one.");
  await expect(page.getByLabel("Lab", { exact: true })).toHaveValue(LAB);
  await page.getByLabel("Attempts allowed").fill("2");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page).toHaveURL(classUrl);

  // The learner joins after the due date: the assignment is Missed and offers no way in.
  const pupil = await signedInPage(browser, learner);
  await pupil.goto("/classes");
  await pupil.getByLabel("Class code").fill(code);
  await pupil.getByRole("button", { name: "Join", exact: true }).click();
  await expect(pupil.getByRole("heading", { level: 1, name: "Deadlines 101" })).toBeVisible();
  const item = pupil.locator("[data-assignment]").first();
  await expect(item.locator("[data-status]")).toHaveText("Missed");
  await expect(item.getByTestId("closed")).toHaveText("Closed: the due date has passed and late work is not accepted.");
  await expect(item.getByRole("link", { name: "Open lab" })).toHaveCount(0);
  await saveScreenshot("learner-missed", pupil);
  await pupil.goto("/classes");
  await expect(pupil.getByRole("list", { name: "What is due" })).toHaveCount(0);

  // The gradebook counts it as 0 and can be filtered to the learners who missed it.
  await page.goto(`${classUrl}/gradebook?status=missed`);
  const row = page.locator(`tr[data-learner="${learner.email}"]`);
  await expect(row.getByTestId("grade")).toHaveText("0 %");
  await expect(row).toContainText("Missed");
  await pupil.context().close();
});
