/**
 * The labs list as one learner reads it. `listLabs` takes each lab's title and summary from the
 * stored version's meta, which is variant 0's text; a lab with params may say "$10" there while
 * this learner's variant says "$25". This re-substitutes the title and summary with the learner's
 * own variant, so the list never contradicts the lab page. (Added for the lab player; small on
 * purpose — the published-lab lookups are the cached ones from versions.ts.)
 */
import { getDb, type Db } from "@/lib/db";
import { substitute } from "../substitute";
import type { LabListItem } from "../types";
import { variantAt } from "../variants";
import type { LabUser } from "./access";
import { learnerVariant } from "./attempts";
import { listLabs } from "./learner";
import { findPublishedLab } from "./versions";

export async function listLabsForLearner(user: LabUser, db: Db = getDb()): Promise<LabListItem[]> {
  const items = await listLabs(user, db);
  return Promise.all(
    items.map(async (item) => {
      if (item.variantCount <= 1) return item;
      const found = await findPublishedLab(item.id, db);
      if (!found || found.version.version !== item.version) return item;
      const { index } = learnerVariant(user, found.lab, found.version);
      const { params } = variantAt(found.version.source.params, index);
      const body = found.version.source.body;
      const text = (v: unknown, fallback: string) => {
        const out = substitute(v, params, []);
        return typeof out === "string" ? out : fallback;
      };
      return { ...item, title: text(body.title, item.title), summary: text(body.summary, item.summary) };
    }),
  );
}
