import { jsonRoute } from "@/lib/http/route";
import { importProcedure } from "@/lib/srs/procedures";

// POST /api/study/import with `{ text, deckId? | newDeckName? }` — imports the good rows of a
// CSV/TSV file (front, back, tags); bad rows are skipped and counted (see /preview for why).
export const dynamic = "force-dynamic";
export const POST = jsonRoute(importProcedure);
