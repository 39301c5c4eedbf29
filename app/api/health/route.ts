import { getDatabaseConfig, getDb } from "@/lib/db";

// Public liveness/readiness probe (load balancers, `npm start`'s "is it up?" check): answers 200
// only when the database answers too. Says which provider, never the URL.
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: getDatabaseConfig().provider });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
