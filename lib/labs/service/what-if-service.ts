/**
 * What-if runs for the lab player: the learner's variant with a few whitelisted knobs changed
 * (lib/labs/what-if.ts), run in the engine pool — ungraded and never stored as an attempt. Only
 * after the learner has graded an attempt (the run would otherwise hand out the answers); staff
 * may always. Results are remembered briefly, since learners toggle back and forth.
 */
import { ActionError } from "@/lib/actions/errors";
import { EngineTaskTimeoutError } from "@/lib/engine/pool";
import { getDb, type Db } from "@/lib/db";
import { truthsFor } from "../grading";
import { traceAsJson } from "../truth";
import type { Trace, WhatIfChange, WhatIfKnob, WhatIfResult } from "../types";
import { applyWhatIf, whatIfKnobs } from "../what-if";
import { isStaff, visibleLab, type LabUser } from "./access";
import { learnerVariant } from "./attempts";
import { Lru } from "./lru";
import { runLabScenario } from "./runner";
import { instanceFor } from "./variant-runs";

const results = new Lru<string>(16 * 1024 * 1024, (s) => s.length);

async function requireGraded(user: LabUser, labId: string, db: Db): Promise<void> {
  if (isStaff(user)) return;
  const graded = await db.labAttempt.findFirst({ where: { userId: user.id, labId }, select: { id: true } });
  if (!graded) throw new ActionError("forbidden", "What-if opens after you submit your predictions.");
}

export async function listWhatIfKnobs(user: LabUser, slug: string, db: Db = getDb()): Promise<WhatIfKnob[]> {
  const { lab, version } = await visibleLab(user, slug);
  await requireGraded(user, lab.id, db);
  const { index } = learnerVariant(user, lab, version);
  return whatIfKnobs(version.source, instanceFor(version, index));
}

export async function runWhatIf(user: LabUser, slug: string, changes: WhatIfChange[], db: Db = getDb()): Promise<WhatIfResult> {
  const { lab, version } = await visibleLab(user, slug);
  await requireGraded(user, lab.id, db);
  const { index } = learnerVariant(user, lab, version);
  const key = `${version.id}:${index}:${JSON.stringify(changes)}`;
  const hit = results.get(key);
  if (hit) return JSON.parse(hit) as WhatIfResult;

  const applied = applyWhatIf(version.source, index, changes);
  if (!applied.ok) throw new ActionError("invalid", Object.values(applied.fieldErrors)[0]?.[0] ?? "These changes cannot be applied.", applied.fieldErrors);
  let trace: Trace;
  try {
    trace = await runLabScenario(applied.instance.scenario);
  } catch (error) {
    // A change can make a run very long (e.g. thousands of retries); the pool stops it.
    if (error instanceof EngineTaskTimeoutError) throw new ActionError("invalid", "This what-if ran too long and was stopped; try a smaller change.", { changes: [error.message] });
    throw error;
  }
  const data = traceAsJson(trace);
  const result: WhatIfResult = {
    changes,
    variant: applied.instance.variant,
    trace: data as unknown as Trace,
    truths: truthsFor(applied.instance, data).map((t) => (t.result.ok ? { id: t.id, value: t.result.value } : { id: t.id, value: null, error: t.result.message })),
  };
  results.set(key, JSON.stringify(result));
  return result;
}
