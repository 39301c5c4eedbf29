import { jsonRoute } from "@/lib/http/route";
import { deleteQuizProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// DELETE /api/quizzes/{id} — the quiz's author or an admin; the built-in exam cannot be deleted.
export const DELETE = jsonRoute(deleteQuizProcedure, { params: (p) => ({ quizId: p.id }) });
