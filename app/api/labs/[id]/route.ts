import { jsonRoute } from "@/lib/http/route";
import { getLabProcedure } from "@/lib/labs/procedures";

// GET /api/labs/{id} — the lab as the learner sees it (their variant; no truths, no
// explanations), their saved draft, progress and newest graded attempt.
export const dynamic = "force-dynamic";
export const GET = jsonRoute(getLabProcedure, { params: (p) => ({ slug: p.id }) });
