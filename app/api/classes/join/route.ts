import { jsonRoute } from "@/lib/http/route";
import { joinClassProcedure } from "@/lib/classroom/procedures";

/** POST /api/classes/join { code } — join a class (rate-limited: 10 per account, 30 per address per 15 min). */
export const POST = jsonRoute(joinClassProcedure);
