import { jsonRoute } from "@/lib/http/route";
import { createDeckProcedure, listDecksProcedure } from "@/lib/srs/procedures";

// GET /api/study/decks — the learner's decks with card counts and today's due counts.
// POST /api/study/decks with `{ name, description?, newPerDay?, reviewsPerDay? }`.
export const dynamic = "force-dynamic";
export const GET = jsonRoute(listDecksProcedure);
export const POST = jsonRoute(createDeckProcedure);
