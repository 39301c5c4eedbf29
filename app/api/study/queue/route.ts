import { jsonRoute } from "@/lib/http/route";
import { queueProcedure } from "@/lib/srs/procedures";

// GET /api/study/queue?deckId= — the next card to review (rendered, with the four buttons'
// intervals) and today's remaining counts (new / learning / review); all decks without deckId.
export const dynamic = "force-dynamic";
export const GET = jsonRoute(queueProcedure);
