import { jsonRoute } from "@/lib/http/route";
import { undoProcedure } from "@/lib/srs/procedures";

// POST /api/study/answers/undo with `{ logId, idempotencyKey }` — takes an answer back (an undo row
// is appended; the card is restored from the answer's "before" state) and returns the next view.
export const dynamic = "force-dynamic";
export const POST = jsonRoute(undoProcedure);
