import { jsonRoute } from "@/lib/http/route";
import { rosterProcedure } from "@/lib/classroom/procedures";

/** GET /api/classes/{id}/roster — members (the class's instructors and admins only). */
export const GET = jsonRoute(rosterProcedure, { params: (p) => ({ classId: p.classId }) });
