import { jsonRoute } from "@/lib/http/route";
import { deleteLabDraftProcedure, getLabDraftProcedure, saveLabDraftProcedure } from "@/lib/classroom/authoring/procedures";

const params = (p: Record<string, string | string[]>) => ({ draftId: p.draftId });

/** GET/PUT { source }/DELETE /api/classes/authoring/drafts/{id}. */
export const GET = jsonRoute(getLabDraftProcedure, { params });
export const PUT = jsonRoute(saveLabDraftProcedure, { params });
export const DELETE = jsonRoute(deleteLabDraftProcedure, { params });
