import { jsonRoute } from "@/lib/http/route";
import { saveAnswerProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// PUT /api/quizzes/attempts/{attemptId}/answers/{questionId} with { "selected"?: [optionId…],
// "flagged"?: bool } saves the answer as given (an upsert: repeating it changes nothing).
// 409 after submission or past the deadline; practice answers are final once given.
export const PUT = jsonRoute(saveAnswerProcedure, { params: (p) => ({ attemptId: p.attemptId, questionId: p.questionId }) });
