import { jsonRoute } from "@/lib/http/route";
import { listLabsProcedure } from "@/lib/labs/procedures";

// GET /api/labs — the labs the signed-in user may open, with their progress.
export const dynamic = "force-dynamic";
export const GET = jsonRoute(listLabsProcedure);
