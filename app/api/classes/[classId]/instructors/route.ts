import { jsonRoute } from "@/lib/http/route";
import { addCoInstructorProcedure } from "@/lib/classroom/procedures";

/** POST /api/classes/{id}/instructors { email } — add a co-instructor. */
export const POST = jsonRoute(addCoInstructorProcedure, { params: (p) => ({ classId: p.classId }) });
