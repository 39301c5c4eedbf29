import { jsonRoute } from "@/lib/http/route";
import { publishLabDraftProcedure } from "@/lib/classroom/authoring/procedures";

/** POST /api/classes/authoring/drafts/{id}/publish — `lab check` in full, then a new version (or the errors). */
export const POST = jsonRoute(publishLabDraftProcedure, { params: (p) => ({ draftId: p.draftId }) });
