import { jsonRoute } from "@/lib/http/route";
import { draftFromLabProcedure } from "@/lib/classroom/authoring/procedures";

/** POST /api/classes/authoring/labs/{slug}/draft — a draft holding the lab's newest version. */
export const POST = jsonRoute(draftFromLabProcedure, { params: (p) => ({ slug: p.slug }) });
