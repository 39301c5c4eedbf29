// @study: a new learner reviews the built-in AWS Lambda deck with the keyboard only — Space shows
// the answer, 1–4 rate it (the buttons show when each card comes back), Z undoes, E edits the
// card in place, S suspends — and every answer is stored: a reload shows the same counts, the
// statistics count the answers, and the browser finds the suspended card.
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("@study a learner reviews cards by keyboard only", async ({ page, signInAs, saveScreenshot }) => {
  test.setTimeout(120_000);
  await signInAs("learner");

  // First visit: the learner's own copy of the built-in deck, 20 new cards for today.
  await page.goto("/study");
  const deckRow = page.getByRole("row", { name: /AWS Lambda — invocation, retries, versions, execution/ });
  await expect(deckRow).toBeVisible();
  await expect(deckRow.getByRole("cell").first()).toHaveText("20");
  await saveScreenshot("decks");

  await page.goto("/study/review");
  const card = page.getByTestId("review-card");
  const status = page.getByTestId("review-status");
  const counts = page.getByLabel(/^Remaining today:/);
  await expect(counts).toHaveAttribute("aria-label", "Remaining today: 20 new, 0 learning, 0 to review left.");
  // Focus is on the card: the keys work without clicking anything.
  await expect(card).toBeFocused();
  const firstQuestion = (await card.innerText()).trim();

  await page.keyboard.press("Space");
  await expect(page.getByRole("group", { name: "How well did you remember?" })).toBeVisible();
  // New card, default steps 1m 10m: Again 1m, Hard 6m, Good 10m, Easy a few days.
  await expect(page.getByRole("button", { name: /^1m\s*Again/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^6m\s*Hard/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^10m\s*Good/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^\d+d\s*Easy/ })).toBeVisible();
  await saveScreenshot("answer-shown");

  // Good: the card goes into learning (10 minutes) and the next new card comes up, question side.
  await page.keyboard.press("3");
  await expect(status).toContainText("Rated Good: back in 10m");
  await expect(counts).toHaveAttribute("aria-label", "Remaining today: 19 new, 1 learning, 0 to review left.");
  await expect(page.getByRole("button", { name: /Show answer/ })).toBeVisible();
  await expect(card).not.toContainText(firstQuestion);

  // Z: take it back — the first card is back, on its question, and nothing is counted.
  await page.keyboard.press("z");
  await expect(status).toContainText("Answer undone");
  await expect(counts).toHaveAttribute("aria-label", "Remaining today: 20 new, 0 learning, 0 to review left.");
  await expect(card).toContainText(firstQuestion.split("\n").at(-1)!);

  // Three answers: Again, Good, Easy.
  for (const [key, label] of [["1", "Again"], ["3", "Good"], ["4", "Easy"]] as const) {
    await page.keyboard.press("Enter");
    await expect(page.getByRole("group", { name: "How well did you remember?" })).toBeVisible();
    await page.keyboard.press(key);
    await expect(status).toContainText(`Rated ${label}`);
  }
  await expect(counts).toHaveAttribute("aria-label", "Remaining today: 17 new, 2 learning, 0 to review left.");

  // E: edit the card on screen with the keyboard; the new wording shows at once.
  await page.keyboard.press("e");
  const dialog = page.getByRole("dialog", { name: "Edit note" });
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel(/^(Front|Text)$/);
  await expect(field).toBeFocused();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" (edited by keyboard)");
  await dialog.getByRole("button", { name: "Save" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(card).toContainText("(edited by keyboard)");
  await expect(card).toBeFocused();

  // S: suspend it; the next card comes up. A suspended card uses none of the day's 20 new cards
  // (as in Anki), so the next new card in the deck takes its place: still 17 new.
  await page.keyboard.press("s");
  await expect(status).toContainText("Card suspended");
  await expect(card).not.toContainText("(edited by keyboard)");
  await expect(counts).toHaveAttribute("aria-label", "Remaining today: 17 new, 2 learning, 0 to review left.");
  await saveScreenshot("after-suspend");

  // Everything was stored: a reload shows the same counts.
  await page.reload();
  await expect(page.getByLabel(/^Remaining today:/)).toHaveAttribute("aria-label", "Remaining today: 17 new, 2 learning, 0 to review left.");
  await page.goto("/study/stats");
  await expect(page.getByText(/3 answers today/)).toBeVisible();
  await page.goto(`/study/browse?q=${encodeURIComponent("is:suspended")}`);
  await expect(page.getByText("1 card · sorted by due date")).toBeVisible();
  await expect(page.getByRole("row", { name: /\(edited by keyboard\)/ })).toContainText("Suspended");
  await saveScreenshot("browser-suspended");
});
