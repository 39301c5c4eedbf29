import { jsonRoute } from "@/lib/http/route";
import { bulkProcedure } from "@/lib/srs/procedures";

// POST /api/study/cards/bulk with `{ cardIds | q, action: suspend|unsuspend|move|addTag|removeTag, deckId?, tag? }`.
export const dynamic = "force-dynamic";
export const POST = jsonRoute(bulkProcedure);
