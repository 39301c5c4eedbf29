import { jsonRoute } from "@/lib/http/route";
import { learnerDetailProcedure } from "@/lib/classroom/procedures";

/** GET /api/classes/{id}/learners/{userId} — one learner's grades and attempts (instructors). */
export const GET = jsonRoute(learnerDetailProcedure, { params: (p) => ({ classId: p.classId, userId: p.userId }) });
