import { jsonRoute } from "@/lib/http/route";
import { rotateJoinCodeProcedure } from "@/lib/classroom/procedures";

/** POST /api/classes/{id}/code — rotate the join code (the old one is then refused as "replaced"). */
export const POST = jsonRoute(rotateJoinCodeProcedure, { params: (p) => ({ classId: p.classId }) });
