import { jsonRoute } from "@/lib/http/route";
import { previewLabProcedure } from "@/lib/classroom/authoring/procedures";

/** POST /api/classes/authoring/preview { source, variant } — every variant run; truths; one trace. */
export const POST = jsonRoute(previewLabProcedure);
