/**
 * The server actions the lab player calls, handed in by the page (app/(app)/labs/[id]) so these
 * components stay free of routing code. Each is a labs-core procedure behind serverAction(), so
 * the session, validation, roles and rate limits are those of /api/labs.
 */
import type { ActionResult } from "@/lib/actions/result";
import type { AttemptView, LabProgress, Scalar, Trace, WhatIfChange, WhatIfKnob, WhatIfResult } from "@/lib/labs/types";

export type GradeAction = (input: { slug: string; answers: Record<string, unknown> }) => Promise<ActionResult<{ attempt: AttemptView; progress: LabProgress }>>;
export type SaveDraftAction = (input: { slug: string; answers: Record<string, unknown> }) => Promise<ActionResult<{ savedAt: string }>>;
export type TraceAction = (input: { slug: string }) => Promise<ActionResult<Trace>>;
export type WhatIfKnobsAction = (input: { slug: string }) => Promise<ActionResult<WhatIfKnob[]>>;
export type WhatIfAction = (input: { slug: string; changes: WhatIfChange[] }) => Promise<ActionResult<WhatIfResult>>;
/** Turns a wrong prediction into a card in the learner's Mistakes deck. */
export type MakeCard = (input: { attemptId: string; questionId: string }) => Promise<ActionResult<{ created: boolean; deckId: string }>>;

export interface PlayerActions {
  grade: GradeAction;
  saveDraft: SaveDraftAction;
  trace: TraceAction;
  whatIfKnobs: WhatIfKnobsAction;
  whatIf: WhatIfAction;
  makeCard?: MakeCard;
}

export type { Scalar };
