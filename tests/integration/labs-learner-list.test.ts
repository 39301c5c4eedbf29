// The labs list as one learner reads it (lib/labs/service/learner-list.ts): a lab with params
// shows each learner the title and summary of their own variant, not variant 0's.
import { beforeEach, expect, it } from "vitest";
import type { AccountUser } from "@/lib/auth/accounts";
import { getLearnerLab, listLabs } from "@/lib/labs/service/learner";
import { listLabsForLearner } from "@/lib/labs/service/learner-list";
import { forgetPublished, saveLabVersion } from "@/lib/labs/service/versions";
import { RETRY_LAB } from "@/lib/labs/testing/fixtures";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "labs_list" });

beforeEach(async () => {
  await testDb.reset();
  forgetPublished();
});

async function user(email: string): Promise<AccountUser> {
  return testDb.db.user.create({ data: { email, role: "learner" }, select: { id: true, email: true, name: true, role: true } });
}

it("gives each learner the list text of their own variant, the same as their lab page", async () => {
  // RETRY_LAB's title is "Retries: {{retries}}" over 6 variants.
  await saveLabVersion({ text: RETRY_LAB, ownerId: null });
  const learners = await Promise.all(Array.from({ length: 8 }, (_, i) => user(`l${i}@example.com`)));
  const titles = new Set<string>();
  for (const u of learners) {
    const [item] = await listLabsForLearner(u);
    const page = await getLearnerLab(u, "retry-demo");
    expect(item!.title).toBe(page.lab.title);
    expect(item!.summary).toBe(page.lab.summary);
    titles.add(item!.title);
  }
  // Learners land on different variants, so the list really is per learner (variant 0 alone would give one title).
  expect(titles.size).toBeGreaterThan(1);
  // Everything else is listLabs' own row.
  const [plain] = await listLabs(learners[0]!);
  const [mine] = await listLabsForLearner(learners[0]!);
  expect({ ...mine, title: plain!.title, summary: plain!.summary }).toEqual(plain);
});
