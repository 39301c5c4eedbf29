import { jsonRoute } from "@/lib/http/route";
import { startAttemptProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// POST /api/quizzes/{id}/attempts with { "mode": "exam" | "practice", "count"?: n } starts an
// attempt — or resumes the caller's unfinished one of the same quiz and mode — and answers
// { attemptId, resumed, notes }.
export const POST = jsonRoute(startAttemptProcedure, { params: (p) => ({ quizId: p.id }) });
