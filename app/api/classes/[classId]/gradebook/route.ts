import { jsonRoute } from "@/lib/http/route";
import { gradebookProcedure } from "@/lib/classroom/procedures";

/** GET /api/classes/{id}/gradebook?kind=&status=&q=&assignmentId= — learners × assignments. */
export const GET = jsonRoute(gradebookProcedure, { params: (p) => ({ classId: p.classId }) });
