import { jsonRoute } from "@/lib/http/route";
import { gradeAttemptProcedure, listAttemptsProcedure } from "@/lib/labs/procedures";

export const dynamic = "force-dynamic";

const grade = jsonRoute(gradeAttemptProcedure, { params: (p) => ({ slug: p.id }) });

/**
 * POST /api/labs/{id}/attempts with `{ "answers": { "<question id>": prediction } }` grades and
 * stores an attempt. Same pipeline as the lab player's action; only the statuses differ from
 * jsonRoute's defaults, as the labs API promises scripts: 201 with the graded attempt (a new
 * resource), and 400 (not 422) with `fieldErrors` ("answers.<question id>") for bad predictions.
 * 401 signed out, 404 unknown lab, 429 over the rate limit.
 */
export async function POST(request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
  const response = await grade(request, context);
  const status = response.status === 200 ? 201 : response.status === 422 ? 400 : response.status;
  return status === response.status ? response : new Response(response.body, { status, headers: response.headers });
}

// GET /api/labs/{id}/attempts — the learner's attempts on this lab, newest first, and progress.
export const GET = jsonRoute(listAttemptsProcedure, { params: (p) => ({ slug: p.id }) });
