/**
 * The labs list as one learner reads it — kept for the lab player's import. listLabs now gives
 * each lab's title and summary in the learner's own variant (they may contain params), so this
 * is the same call.
 */
import { getDb, type Db } from "@/lib/db";
import type { LabListItem } from "../types";
import type { LabUser } from "./access";
import { listLabs } from "./learner";

export function listLabsForLearner(user: LabUser, db: Db = getDb()): Promise<LabListItem[]> {
  return listLabs(user, db);
}
