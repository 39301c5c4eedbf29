import { jsonRoute } from "@/lib/http/route";
import { statsProcedure } from "@/lib/srs/procedures";

// GET /api/study/stats — heatmap, true retention by week and month, 30-day forecast, counts by state.
export const dynamic = "force-dynamic";
export const GET = jsonRoute(statsProcedure);
