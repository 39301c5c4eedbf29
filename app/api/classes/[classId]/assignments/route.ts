import { jsonRoute } from "@/lib/http/route";
import { createAssignmentProcedure } from "@/lib/classroom/procedures";

/** POST /api/classes/{id}/assignments — assign a lab, a quiz or a study goal (ISO dates). */
export const POST = jsonRoute(createAssignmentProcedure, { params: (p) => ({ classId: p.classId }) });
