import { jsonRoute } from "@/lib/http/route";
import { makeMistakeCardProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// POST /api/quizzes/attempts/{attemptId}/mistakes with { "questionId" } turns a wrong answer into a
// card in the caller's Mistakes deck; the same mistake twice gives one card ({ status: "exists" }).
export const POST = jsonRoute(makeMistakeCardProcedure, { params: (p) => ({ attemptId: p.attemptId }) });
