import { jsonRoute } from "@/lib/http/route";
import { deleteClassProcedure, getClassProcedure, updateClassProcedure } from "@/lib/classroom/procedures";

const params = (p: Record<string, string | string[]>) => ({ classId: p.classId });

/** GET /api/classes/{id} — the class as the caller sees it; PATCH { name, term }; DELETE. */
export const GET = jsonRoute(getClassProcedure, { params });
export const PATCH = jsonRoute(updateClassProcedure, { params });
export const DELETE = jsonRoute(deleteClassProcedure, { params });
