import { jsonRoute } from "@/lib/http/route";
import { importGiftProcedure } from "@/lib/quiz/procedures";

export const dynamic = "force-dynamic";

// POST /api/quizzes/questions/import with { "text": "<GIFT>", "defaultDomain"?, "difficulty"?,
// "dryRun"?: true } imports the good questions and lists every bad one with its number and line.
export const POST = jsonRoute(importGiftProcedure);
