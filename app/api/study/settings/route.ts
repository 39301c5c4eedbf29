import { jsonRoute } from "@/lib/http/route";
import { getSettingsProcedure, updateSettingsProcedure } from "@/lib/srs/procedures";

// GET /api/study/settings; PUT with `{ desiredRetention, learningSteps, relearningSteps,
// maximumInterval, enableFuzz, timeZone, rolloverHour }`.
export const dynamic = "force-dynamic";
export const GET = jsonRoute(getSettingsProcedure);
export const PUT = jsonRoute(updateSettingsProcedure);
