import { jsonRoute } from "@/lib/http/route";
import { createQuizProcedure, listQuizzesProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// GET /api/quizzes — the quizzes the caller may take, with their own attempts' summary.
export const GET = jsonRoute(listQuizzesProcedure);

// POST /api/quizzes — assemble a quiz (instructors, admins): { title, selection: "fixed", questionIds }
// or { title, selection: "draw", questionCount, domainWeights? }, plus durationMinutes, visibility.
export const POST = jsonRoute(createQuizProcedure);
