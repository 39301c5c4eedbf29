import { jsonRoute } from "@/lib/http/route";
import { openAttemptProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// GET /api/quizzes/attempts/{attemptId} — { status: "in-progress", attempt } or, once submitted
// (an exam past its deadline is submitted by this very request), { status: "submitted", result }.
export const GET = jsonRoute(openAttemptProcedure, { params: (p) => ({ attemptId: p.attemptId }) });
