import { jsonRoute } from "@/lib/http/route";
import { whatIfKnobsProcedure, whatIfProcedure } from "@/lib/labs/procedures";

export const dynamic = "force-dynamic";
// GET /api/labs/{id}/what-if — the knobs a what-if may turn (after a graded attempt).
export const GET = jsonRoute(whatIfKnobsProcedure, { params: (p) => ({ slug: p.id }) });
// POST /api/labs/{id}/what-if with `{ "changes": [{ "step", "field", "value" } | { "param", "value" }] }`
// — an ungraded rerun; never stored as an attempt.
export const POST = jsonRoute(whatIfProcedure, { params: (p) => ({ slug: p.id }) });
