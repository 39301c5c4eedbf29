import { jsonRoute } from "@/lib/http/route";
import { saveWeightsProcedure } from "@/lib/srs/procedures";

// PUT /api/study/settings/weights with `{ weights: number[21] | null }` — saves optimised FSRS
// weights (clamped into FSRS's ranges), or null to return to the defaults.
export const dynamic = "force-dynamic";
export const PUT = jsonRoute(saveWeightsProcedure);
