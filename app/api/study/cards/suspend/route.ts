import { jsonRoute } from "@/lib/http/route";
import { suspendProcedure } from "@/lib/srs/procedures";

// POST /api/study/cards/suspend with `{ cardIds, suspended?: true }` — returns the next review view.
export const dynamic = "force-dynamic";
export const POST = jsonRoute(suspendProcedure);
