import { jsonRoute } from "@/lib/http/route";
import { itemAnalysisProcedure } from "@/lib/classroom/procedures";

/** GET /api/classes/assignments/{id}/analysis — facility and discrimination per question. */
export const GET = jsonRoute(itemAnalysisProcedure, { params: (p) => ({ assignmentId: p.assignmentId }) });
