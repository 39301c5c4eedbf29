import { jsonRoute } from "@/lib/http/route";
import { listLabDraftsProcedure, saveLabDraftProcedure } from "@/lib/classroom/authoring/procedures";

/** GET /api/classes/authoring/drafts — the caller's lab drafts. POST { source, fileName? } — a new draft. */
export const GET = jsonRoute(listLabDraftsProcedure);
export const POST = jsonRoute(saveLabDraftProcedure);
