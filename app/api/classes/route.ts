import { jsonRoute } from "@/lib/http/route";
import { createClassProcedure, listClassesProcedure } from "@/lib/classroom/procedures";

/** GET /api/classes — the caller's classes. POST — create one (instructors, admins). */
export const GET = jsonRoute(listClassesProcedure);
export const POST = jsonRoute(createClassProcedure);
