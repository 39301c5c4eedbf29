import { jsonRoute } from "@/lib/http/route";
import { getQuestionProcedure, retireQuestionProcedure, updateQuestionProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

const params = (p: Record<string, string | string[]>) => ({ questionId: p.questionId });

export const GET = jsonRoute(getQuestionProcedure, { params });
// PUT — replace the question (same body as POST /api/quizzes/questions; keep option ids to keep
// past answers pointing at the same options).
export const PUT = jsonRoute(updateQuestionProcedure, { params });
// DELETE — retire: deleted if no attempt ever used it, otherwise archived (past reviews keep it).
export const DELETE = jsonRoute(retireQuestionProcedure, { params });
