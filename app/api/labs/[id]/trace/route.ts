import { jsonRoute } from "@/lib/http/route";
import { labTraceProcedure } from "@/lib/labs/procedures";

// GET /api/labs/{id}/trace — the learner's variant's trace (after a graded attempt; staff always).
export const dynamic = "force-dynamic";
export const GET = jsonRoute(labTraceProcedure, { params: (p) => ({ slug: p.id }) });
