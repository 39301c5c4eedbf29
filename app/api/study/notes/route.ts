import { jsonRoute } from "@/lib/http/route";
import { createNoteProcedure } from "@/lib/srs/procedures";

// POST /api/study/notes with `{ deckId, type: basic|reversed, front, back, tags }` or
// `{ deckId, type: cloze, text, extra?, tags }` — a note and the cards it generates.
export const dynamic = "force-dynamic";
export const POST = jsonRoute(createNoteProcedure);
