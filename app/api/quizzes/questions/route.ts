import { jsonRoute } from "@/lib/http/route";
import { createQuestionProcedure, listBankProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// GET /api/quizzes/questions?domain=&text=&owner=all|mine|builtin — the bank (instructors, admins).
export const GET = jsonRoute(listBankProcedure);

// POST /api/quizzes/questions — a new question: { type, domain, difficulty, topics, stem,
// explanation?, source?, options: [{ text, correct, explanation }] }; 422 with fieldErrors
// keyed like "options.1.explanation".
export const POST = jsonRoute(createQuestionProcedure);
