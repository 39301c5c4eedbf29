import { jsonRoute } from "@/lib/http/route";
import { validateLabProcedure } from "@/lib/classroom/authoring/procedures";

/** POST /api/classes/authoring/validate { source, fileName? } — located errors, no engine run. */
export const POST = jsonRoute(validateLabProcedure);
