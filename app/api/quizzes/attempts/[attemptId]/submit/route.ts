import { jsonRoute } from "@/lib/http/route";
import { submitAttemptProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// POST /api/quizzes/attempts/{attemptId}/submit — scores the attempt once and answers the result;
// submitting again answers the same result.
export const POST = jsonRoute(submitAttemptProcedure, { params: (p) => ({ attemptId: p.attemptId }) });
