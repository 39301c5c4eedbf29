import { jsonRoute } from "@/lib/http/route";
import { importLabProcedure } from "@/lib/classroom/authoring/procedures";

/** POST /api/classes/authoring/import { fileName, text, publish } — kept as a draft; published only if valid. */
export const POST = jsonRoute(importLabProcedure);
