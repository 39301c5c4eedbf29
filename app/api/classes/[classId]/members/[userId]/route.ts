import { jsonRoute } from "@/lib/http/route";
import { removeMemberProcedure } from "@/lib/classroom/procedures";

/** DELETE /api/classes/{id}/members/{userId} — remove a learner or co-instructor. */
export const DELETE = jsonRoute(removeMemberProcedure, { params: (p) => ({ classId: p.classId, userId: p.userId }) });
