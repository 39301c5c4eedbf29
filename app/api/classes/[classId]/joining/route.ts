import { jsonRoute } from "@/lib/http/route";
import { setJoinEnabledProcedure } from "@/lib/classroom/procedures";

/** PUT /api/classes/{id}/joining { enabled } — switch joining by code and link on or off. */
export const PUT = jsonRoute(setJoinEnabledProcedure, { params: (p) => ({ classId: p.classId }) });
